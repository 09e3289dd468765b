import { useState } from 'react';
import { useLive } from '../../live/LiveContext.js';
import { t } from '../../i18n/index.js';
import { CopyButton } from '../CopyButton.js';
import { useSubmit } from '../useSubmit.js';
import { identitySnippet } from './widgetForm.js';

/** Rotates the inbox's identity-verification secret; the new one is shown once, with a copy button. */
export function IdentitySecret({ inboxId }: { readonly inboxId: number }) {
  const { api } = useLive();
  const [secret, setSecret] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    if (!confirm(t.admin.widget.rotateConfirm)) return;
    setSecret((await api.admin.rotateIdentitySecret(inboxId)).secret);
  });
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t.admin.widget.secretTitle}>
      <h3>{t.admin.widget.secretTitle}</h3>
      <p className="muted">{t.admin.widget.secretLead}</p>
      <pre className="snippet-block">{identitySnippet}</pre>
      {secret !== null && (
        <div className="snippet">
          <code aria-label={t.admin.widget.secretLabel}>{secret}</code>
          <CopyButton text={secret} />
        </div>
      )}
      {secret !== null && <p className="muted" role="status">{t.admin.widget.secretOnce}</p>}
      {error !== null && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions"><button type="submit" className="btn" disabled={busy}>{t.admin.widget.rotate}</button></div>
    </form>
  );
}
