import { WorkspaceSwitch } from '../admin/WorkspaceSwitch.js';
import { t } from '../i18n/index.js';

/** Admin → Satisfaction: whether resolving a widget or WhatsApp conversation asks the customer for a rating. */
export function CsatSection() {
  return (
    <section id="csat" className="card admin-section" aria-labelledby="csat-title">
      <div className="section-head">
        <h2 id="csat-title">{t.csat.title}</h2>
        <p className="muted">{t.csat.settingLead}</p>
      </div>
      <WorkspaceSwitch field="csatEnabled" label={t.csat.setting} help={t.csat.settingHelp} />
    </section>
  );
}
