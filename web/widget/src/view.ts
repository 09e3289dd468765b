import type { ConversationSignals, MessageView, StoreError } from '@switchboard/client';
import { h, icon, icons, setAttr, setText, show } from './dom';
import { MessageList } from './messageList';
import type { Phase } from './session';
import { styles } from './styles';

/** What the visitor does, for the session controller to act on. */
export interface ViewActions {
  readonly toggle: (open: boolean) => void;
  readonly start: (details: { name?: string; email?: string }) => void;
  /** Returns true when the message was taken (the composer then clears). */
  readonly send: (text: string) => boolean;
  readonly typing: (hasText: boolean) => void;
  readonly retry: (clientMessageId: string) => void;
}

/** What the panel shows: the phase, and once ready the conversation. */
export interface ViewState {
  readonly phase: Phase;
  readonly open: boolean;
  readonly live: boolean;
  readonly conversation?: { readonly messages: readonly MessageView[]; readonly signals: ConversationSignals; readonly unread: number; readonly refusals: readonly StoreError[] };
}

/**
 * The widget's DOM: a launcher and a panel in an open shadow root. It builds and updates elements only; every
 * decision about the session is the controller's (session.ts).
 */
export class WidgetView {
  readonly #launcher = h('button', { type: 'button', class: 'launcher', 'aria-label': 'Open chat', 'aria-expanded': 'false', 'aria-controls': 'sb-panel' });
  readonly #badge = h('span', { class: 'badge', id: 'sb-badge', hidden: '' });
  readonly #panel = h('div', { class: 'panel', id: 'sb-panel', role: 'dialog', 'aria-label': 'Chat', tabindex: '-1', hidden: '' });
  readonly #sub = h('div', { class: 'sub' });
  readonly #body = h('div', { class: 'body' });
  readonly #list: MessageList;
  readonly #botStatus = indicator('Bot is typing', 'Bot is typing…');
  readonly #typingText = h('span');
  readonly #typingStatus = indicator('Typing', this.#typingText);
  readonly #note = h('div', { class: 'note', role: 'alert', hidden: '' });
  readonly #input = h('textarea', { 'aria-label': 'Message', placeholder: 'Write a message…', rows: '1', maxlength: '4096' });
  readonly #send = h('button', { type: 'submit', class: 'send', 'aria-label': 'Send', disabled: '' }, icon(icons.send));
  readonly #composer = h('form', { class: 'composer' }, this.#input, this.#send);
  readonly #intro: HTMLFormElement;
  readonly #status = h('p', { class: 'center' });
  readonly #root: ShadowRoot;
  #phase: Phase = 'intro';

  constructor(host: HTMLElement, teamName: string, color: string | undefined, private readonly actions: ViewActions) {
    this.#list = new MessageList('Hi! Ask us anything: we usually answer within minutes.', actions.retry);
    this.#intro = this.#buildIntro();
    const root = this.#root = host.attachShadow({ mode: 'open' });
    if (color !== undefined) host.style.setProperty('--a', color);
    this.#launcher.append(icon(icons.chat), this.#badge);
    this.#launcher.addEventListener('click', () => actions.toggle(this.#panel.hidden));
    const minimize = h('button', { type: 'button', class: 'icon', 'aria-label': 'Minimize chat' }, icon(icons.minimize));
    minimize.addEventListener('click', () => actions.toggle(false));
    this.#panel.append(
      h('header', {}, h('div', { class: 'avatar', 'aria-hidden': 'true' }, teamName.slice(0, 1).toUpperCase()),
        h('div', { class: 'title' }, h('h2', {}, teamName), this.#sub), minimize),
      this.#body,
    );
    this.#panel.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      actions.toggle(false);
    });
    this.#buildComposer();
    root.append(h('style', {}, styles), this.#panel, this.#launcher);
  }

  /** Opens or closes the panel; with `moveFocus`, focus follows (into the panel, or back to the launcher). */
  setOpen(open: boolean, moveFocus: boolean): void {
    show(this.#panel, open);
    this.#launcher.classList.toggle('open', open);
    this.#launcher.replaceChildren(icon(open ? icons.close : icons.chat), this.#badge);
    setAttr(this.#launcher, 'aria-label', open ? 'Close chat' : 'Open chat');
    setAttr(this.#launcher, 'aria-expanded', String(open));
    if (open) this.#list.scrollToEnd();
    if (moveFocus) (open ? this.focusPanel() : this.#launcher.focus());
  }

  /** True when focus is inside the panel. */
  get hasFocus(): boolean { return this.#root.activeElement !== null; }

  focusPanel(): void {
    const target = this.#phase === 'intro' ? this.#intro.querySelector('input') : this.#phase === 'ready' ? this.#input : null;
    (target ?? this.#panel).focus();
  }

  /** Brings the DOM in line with the state: phase, messages, indicators, badge. */
  render(state: ViewState): void {
    const { phase, live } = state;
    this.#phase = phase;
    const c = state.conversation;
    const children: Node[] = phase === 'intro' ? [this.#intro] : c !== undefined
      ? [this.#list.el, this.#botStatus, this.#typingStatus, this.#note, this.#composer]
      : [this.#status];
    if (this.#body.children.length !== children.length || children.some((n, i) => this.#body.children[i] !== n)) this.#body.replaceChildren(...children);
    setText(this.#status, phase === 'unavailable' ? 'Chat is not available on this site right now.' : 'Connecting…');
    setText(this.#sub, phase === 'ready' ? (live ? 'We typically reply in a few minutes' : 'Reconnecting…') : phase === 'intro' ? 'We are here to help' : 'Connecting…');
    this.#sub.classList.toggle('off', phase === 'ready' && !live);
    if (c === undefined) return;

    this.#list.render(c.messages, c.signals.drafts);
    show(this.#botStatus, c.signals.botThinking && c.signals.drafts.length === 0);
    const typist = c.signals.typing[0];
    show(this.#typingStatus, typist !== undefined);
    if (typist !== undefined) setText(this.#typingText, `${typist === 'Someone' ? 'Support' : typist} is typing…`);
    // A message the server refused (4xx) leaves the log: say so, and give its text back as a draft.
    for (const refused of c.refusals) {
      setText(this.#note, refused.code === 'text_too_long' ? 'That message is too long to send.' : 'That message could not be sent.');
      show(this.#note, true);
      if (this.#input.value === '' && refused.text !== null) this.#input.value = refused.text;
    }
    show(this.#badge, !state.open && c.unread > 0);
    // Screen readers hear "Open chat, 2 unread"; with nothing unread, no description at all.
    if (c.unread > 0) setAttr(this.#launcher, 'aria-describedby', 'sb-badge');
    else this.#launcher.removeAttribute('aria-describedby');
    setAttr(this.#badge, 'aria-label', `${c.unread} unread`);
    setText(this.#badge, c.unread > 9 ? '9+' : String(c.unread));
  }

  #buildIntro(): HTMLFormElement {
    const name = h('input', { type: 'text', name: 'name', autocomplete: 'name', maxlength: '100' });
    const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', maxlength: '254' });
    const skip = h('button', { type: 'button', class: 'link' }, 'Skip');
    const form = h('form', { class: 'intro' },
      h('p', {}, h('strong', {}, 'Hi there!'), 'Tell us who you are, so we can follow up if you leave. Both are optional.'),
      h('label', {}, 'Name', name), h('label', {}, 'Email', email), h('button', { type: 'submit', class: 'primary' }, 'Start chat'), skip);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const details: { name?: string; email?: string } = {};
      if (name.value.trim() !== '') details.name = name.value.trim();
      if (email.value.trim() !== '') details.email = email.value.trim();
      this.actions.start(details);
    });
    skip.addEventListener('click', () => this.actions.start({}));
    return form;
  }

  #buildComposer(): void {
    const input = this.#input;
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.#submit();
      }
    });
    input.addEventListener('input', () => {
      input.style.height = 'auto';
      input.style.height = `${Math.min(input.scrollHeight, 120)}px`;
      this.#send.disabled = input.value.trim() === '';
      this.actions.typing(input.value.trim() !== '');
    });
    this.#composer.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#submit();
    });
  }

  #submit(): void {
    if (!this.actions.send(this.#input.value.trim())) return;
    show(this.#note, false);
    this.#input.value = '';
    this.#input.style.height = 'auto';
    this.#send.disabled = true;
    this.#input.focus();
  }
}

function indicator(label: string, text: Node | string): HTMLDivElement {
  return h('div', { class: 'indicator', role: 'status', 'aria-label': label, hidden: '' }, h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')), text);
}
