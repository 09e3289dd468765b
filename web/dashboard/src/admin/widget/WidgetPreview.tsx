import { useEffect, useRef, useState } from 'react';
import type { Availability, MessageView } from '@switchboard/client';
import { noSignals } from '@switchboard/client';
// The widget's own view and styles, bundled from its source: the preview is the widget, not a look-alike.
import { availabilityText, offersEmail } from '../../../../widget/src/availability.js';
import ar from '../../../../widget/src/i18n/ar.json';
import de from '../../../../widget/src/i18n/de.json';
import { en, type Strings } from '../../../../widget/src/i18n/en.js';
import es from '../../../../widget/src/i18n/es.json';
import fr from '../../../../widget/src/i18n/fr.json';
import { complete, isRtl, type Language } from '../../../../widget/src/i18n/language.js';
import pt from '../../../../widget/src/i18n/pt.json';
import { adoptStyles } from '../../../../widget/src/styles.js';
import { applyTheme } from '../../../../widget/src/theme.js';
import { WidgetView } from '../../../../widget/src/view.js';
import type { WidgetForm } from './widgetForm.js';

const tables: Record<Language, Strings> = { en, de: complete(de), fr: complete(fr), es: complete(es), pt: complete(pt), ar: complete(ar) };

function sample(t: Strings): MessageView[] {
  const m = (id: number, role: string, text: string, name: string | null): MessageView => ({
    clientMessageId: `p${id}`, id, ordinal: id, text, senderRole: role, senderName: name, status: 'read', pending: false, isNote: false,
    error: null, server: null, canRetry: false, attachments: [],
  });
  return [m(1, 'customer', '👋', null), m(2, 'operator', t.online, 'Olivia')];
}

/**
 * A live preview of the widget with the form's unsaved settings: the widget's own view (web/widget/src/view.ts) in a
 * shadow root inside a framed box, fed sample messages and no actions. It makes no network calls.
 */
export function WidgetPreview({ form }: { readonly form: WidgetForm }) {
  const box = useRef<HTMLDivElement>(null);
  const [lang, setLang] = useState<Language>('en');
  const [state, setState] = useState<Availability['state']>('online');
  const [screen, setScreen] = useState<'chat' | 'intro'>('chat');
  const language = (form.language || lang) as Language;

  useEffect(() => {
    const host = box.current;
    if (host === null) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    if (root.adoptedStyleSheets.length === 0) adoptStyles(root);
    const t = tables[language];
    const rtl = isRtl(language);
    applyTheme(host, { color: form.color, position: form.position, rtl, lang: language });
    const view = new WidgetView(root, {
      t, lang: language, rtl, teamName: form.teamName || 'Support', avatarUrl: form.avatarUrl.trim() || null, color: form.color,
      position: form.position, launcherText: form.launcherText, greeting: form.greeting, preChat: { name: form.preName, email: form.preEmail }, maxBytes: 0,
    }, { toggle: () => undefined, start: () => undefined, send: () => false, cancel: () => undefined,
      link: () => Promise.reject(new Error('The preview has no files.')), typing: () => undefined, retry: () => undefined, leaveEmail: async () => false, loadOlder: () => undefined, rate: async () => false });
    const monday = new Date();
    monday.setDate(monday.getDate() + ((8 - monday.getDay()) % 7 || 7));
    monday.setHours(9, 0, 0, 0);
    const availability: Availability = { state, nextOpenAt: state === 'closed' ? monday.toISOString() : null, timeZone: null, botAnswers: false };
    view.setOpen(true, false);
    view.render({
      phase: screen === 'intro' ? 'intro' : 'ready', open: true, connection: 'live', reason: undefined, offline: false,
      availability: { text: availabilityText(t, availability, language), state, offerEmail: offersEmail(availability) },
      ...(screen === 'intro' ? {} : { conversation: { messages: sample(t), hasOlder: false, signals: noSignals, unread: 0, refusals: [], resolved: false } }),
    });
    return () => { view.remove(); };
  }, [form, language, state, screen]);

  return (
    <div className="widget-preview">
      <div className="form-row preview-controls">
        <label className="field"><span>Preview language</span>
          <select value={language} disabled={form.language !== ''} onChange={(e) => setLang(e.target.value as Language)}>
            {Object.keys(tables).map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
        <label className="field"><span>Preview as</span>
          <select value={state} onChange={(e) => setState(e.target.value as Availability['state'])}>
            <option value="online">Online</option><option value="away">Away</option><option value="closed">Closed</option>
          </select>
        </label>
        <label className="field"><span>Screen</span>
          <select value={screen} onChange={(e) => setScreen(e.target.value as 'chat' | 'intro')}>
            <option value="chat">Conversation</option><option value="intro">Pre-chat form</option>
          </select>
        </label>
      </div>
      {/* A picture of the widget, not a second widget: inert, so its buttons take no focus or clicks (axe: nested-interactive). */}
      <div className="widget-preview-frame" ref={box} role="img" aria-label="Widget preview" inert />
    </div>
  );
}
