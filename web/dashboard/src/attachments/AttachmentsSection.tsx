import { useCallback, useEffect, useId, useState } from 'react';
import { failure } from '../admin/adminText.js';
import { useResource } from '../admin/useResource.js';
import { useSubmit } from '../admin/useSubmit.js';
import { t } from '../i18n/index.js';
import { useLive } from '../live/LiveContext.js';
import { toasts } from '../ui/toastStore.js';
import { fetchAttachmentLimit, setAttachmentLimit } from './attachmentLimit.js';
import { parseMegabytes, toMegabytes } from './attachmentText.js';

/** Admin → Attachments: the largest file the workspace accepts (`attachmentMaxBytes`, 1–100 MB). */
export function AttachmentsSection() {
  const { api, isAdmin } = useLive();
  const load = useCallback(() => fetchAttachmentLimit(api), [api]);
  const [current, reload] = useResource(load);
  const [value, setValue] = useState<string | null>(null);
  const helpId = useId();
  const errorId = useId();
  const saved = current.kind === 'ready' ? current.value : null;
  useEffect(() => { if (saved !== null) setValue(toMegabytes(saved)); }, [saved]);

  const bytes = value === null ? null : parseMegabytes(value);
  const invalid = value !== null && bytes === null;
  const { busy, error, submit } = useSubmit(async () => {
    if (bytes === null) return;
    await api.admin.updateWorkspace({ attachmentMaxBytes: bytes });
    setAttachmentLimit(bytes);
    toasts.push('info', t.attachments.saved);
    reload();
  });

  return (
    <section id="attachments" className="card admin-section" aria-labelledby="attachments-title">
      <div className="section-head">
        <h2 id="attachments-title">{t.attachments.settingsTitle}</h2>
        <p className="muted">{t.attachments.settingsLead}</p>
      </div>
      {current.kind === 'error' && value === null ? <p className="form-error" role="alert">{failure(current.error)}</p> : value === null ? <p className="muted">{t.common.loading}</p> : (
        <form className="attachments-form" onSubmit={submit} aria-label={t.attachments.settingsTitle}>
          <fieldset disabled={!isAdmin || busy}>
            <label className="field"><span>{t.attachments.maxSize}</span>
              <input type="number" inputMode="numeric" min={1} max={100} step={1} value={value} required
                aria-invalid={invalid} aria-describedby={invalid ? `${helpId} ${errorId}` : helpId}
                onChange={(e) => setValue(e.target.value)} />
            </label>
            <p id={helpId} className="muted">{t.attachments.maxSizeHelp}</p>
            {invalid && <p id={errorId} className="form-error">{t.attachments.maxSizeInvalid}</p>}
            {error !== null && <p className="form-error" role="alert">{error}</p>}
            {isAdmin && <div className="form-actions"><button type="submit" className="btn btn-primary" disabled={invalid}>{busy ? t.common.saving : t.attachments.save}</button></div>}
          </fieldset>
        </form>
      )}
    </section>
  );
}
