import { useEffect, useState } from 'react';
import { useLive } from '../../live/LiveContext.js';
import { t } from '../../i18n/index.js';
import { toasts } from '../../ui/toastStore.js';
import { useSubmit } from '../useSubmit.js';
import { BusinessHoursEditor } from './BusinessHoursEditor.js';
import { fromForm, invalidOrigins, type WidgetForm } from './widgetForm.js';
import { WidgetPreview } from './WidgetPreview.js';

const modes = ['off', 'optional', 'required'] as const;
const languages = ['en', 'de', 'fr', 'es', 'pt', 'ar'] as const;

/** The settings of one widget inbox beside a live preview of the unsaved values. */
export function WidgetSettingsForm({ inboxId, initial, disabled, onSaved }: {
  readonly inboxId: number; readonly initial: WidgetForm; readonly disabled: boolean; readonly onSaved: () => void;
}) {
  const { api } = useLive();
  const w = t.admin.widget;
  const [form, setForm] = useState(initial);
  const [problems, setProblems] = useState<readonly string[]>([]);
  useEffect(() => setForm(initial), [initial]);
  const set = <K extends keyof WidgetForm>(k: K, v: WidgetForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const text = (k: 'teamName' | 'avatarUrl' | 'color' | 'launcherText' | 'greeting' | 'origins') => (e: { target: { value: string } }) => set(k, e.target.value);
  const badOrigins = invalidOrigins(form.origins);

  const { busy, error, submit } = useSubmit(async () => {
    const result = fromForm(form);
    setProblems('errors' in result ? result.errors : []);
    if ('errors' in result) return;
    await api.admin.updateWidgetSettings(inboxId, result.settings);
    toasts.push('info', w.saved);
    onSaved();
  });

  return (
    <div className="widget-settings">
      <form onSubmit={submit} aria-label={w.formLabel}>
        <fieldset disabled={disabled || busy}>
          <div className="form-grid">
            <label className="field"><span>{w.teamName}</span><input value={form.teamName} onChange={text('teamName')} maxLength={80} /></label>
            <label className="field"><span>{w.color}</span><input type="color" value={form.color} onChange={text('color')} /></label>
            <label className="field"><span>{w.position}</span>
              <select value={form.position} onChange={(e) => set('position', e.target.value as 'left' | 'right')}>
                <option value="right">{w.right}</option><option value="left">{w.left}</option>
              </select>
            </label>
            <label className="field"><span>{w.launcherText}</span><input value={form.launcherText} onChange={text('launcherText')} maxLength={40} /></label>
            <label className="field"><span>{w.avatarUrl}</span><input value={form.avatarUrl} onChange={text('avatarUrl')} placeholder="https://…" /></label>
            <label className="field"><span>{w.language}</span>
              <select value={form.language} onChange={(e) => set('language', e.target.value)}>
                <option value="">{w.visitorLanguage}</option>
                {languages.map((l) => <option key={l} value={l}>{l}</option>)}
              </select>
            </label>
            <label className="field field-wide"><span>{w.greeting}</span><input value={form.greeting} onChange={text('greeting')} maxLength={300} /></label>
            <label className="field"><span>{w.preName}</span>
              <select value={form.preName} onChange={(e) => set('preName', e.target.value as WidgetForm['preName'])}>{modes.map((m) => <option key={m} value={m}>{w.modes[m]}</option>)}</select>
            </label>
            <label className="field"><span>{w.preEmail}</span>
              <select value={form.preEmail} onChange={(e) => set('preEmail', e.target.value as WidgetForm['preEmail'])}>{modes.map((m) => <option key={m} value={m}>{w.modes[m]}</option>)}</select>
            </label>
            <label className="field"><span>{w.identity}</span>
              <select value={form.identityVerification} onChange={(e) => set('identityVerification', e.target.value)}>{modes.map((m) => <option key={m} value={m}>{w.modes[m]}</option>)}</select>
            </label>
            <label className="field field-wide"><span>{w.origins}</span>
              <textarea rows={3} value={form.origins} onChange={text('origins')} aria-invalid={badOrigins.length > 0} placeholder="https://shop.example.com&#10;https://*.example.com" />
              {badOrigins.length > 0 && <small className="form-error">{w.badOrigins}: {badOrigins.join(', ')}</small>}
            </label>
          </div>
          <BusinessHoursEditor form={form} onChange={(change) => setForm((f) => ({ ...f, ...change }))} />
          {problems.length > 0 && <ul className="form-error" role="alert">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
          {error !== null && <p className="form-error" role="alert">{error}</p>}
          {!disabled && <div className="form-actions"><button type="submit" className="btn btn-primary">{busy ? t.common.saving : w.save}</button></div>}
        </fieldset>
      </form>
      <WidgetPreview form={form} />
    </div>
  );
}
