import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLive } from '../../live/LiveContext.js';
import { t } from '../../i18n/index.js';
import { failure, isMissingFeature } from '../adminText.js';
import { FeatureMissing } from '../FeatureMissing.js';
import { useResource } from '../useResource.js';
import { IdentitySecret } from './IdentitySecret.js';
import { WidgetSettingsForm } from './WidgetSettingsForm.js';
import { toForm } from './widgetForm.js';

/** Admin → Widget: per widget inbox, its look, allowed origins, identity verification and business hours, previewed live. */
export function WidgetSection() {
  const { isAdmin, api } = useLive();
  const loadInboxes = useCallback(() => api.admin.listInboxes(), [api]);
  const [inboxes] = useResource(loadInboxes);
  const widgets = useMemo(() => inboxes.kind === 'ready' ? inboxes.value.filter((i) => i.channel === 'widget') : [], [inboxes]);
  const [inboxId, setInboxId] = useState<number | null>(null);
  useEffect(() => {
    if (inboxId === null && widgets[0] !== undefined) setInboxId(widgets[0].id);
  }, [widgets, inboxId]);
  const loadSettings = useCallback(() => inboxId === null ? Promise.resolve(null) : api.admin.getWidgetSettings(inboxId), [api, inboxId]);
  const [settings, reload] = useResource(loadSettings);
  const initial = useMemo(() => settings.kind === 'ready' && settings.value !== null ? toForm(settings.value) : null, [settings]);

  return (
    <section id="widget" className="card admin-section" aria-labelledby="widget-title">
      <div className="section-head">
        <h2 id="widget-title">{t.admin.widget.title}</h2>
        <p className="muted">{t.admin.widget.lead}</p>
      </div>
      {widgets.length > 1 && (
        <label className="field"><span>{t.admin.widget.inbox}</span>
          <select value={inboxId ?? ''} onChange={(e) => setInboxId(Number(e.target.value))}>
            {widgets.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
          </select>
        </label>
      )}
      {inboxes.kind === 'ready' && widgets.length === 0 && <p className="muted">{t.admin.widget.noInbox}</p>}
      {settings.kind === 'loading' && inboxId !== null && <p className="muted">{t.common.loading}</p>}
      {settings.kind === 'error' && (isMissingFeature(settings.error)
        ? <FeatureMissing what="widget settings (/api/v1/inboxes/{id}/widget)" />
        : <p className="form-error">{failure(settings.error)}</p>)}
      {initial !== null && inboxId !== null && (
        <>
          <WidgetSettingsForm key={inboxId} inboxId={inboxId} initial={initial} disabled={!isAdmin} onSaved={reload} />
          {isAdmin && <IdentitySecret inboxId={inboxId} />}
        </>
      )}
    </section>
  );
}
