import type { AttachmentLink, ConnectionState, ConversationSignals, Csat, MessageView, StoreError } from '@switchboard/client';
import { bySize, refusalText } from './attachments';
import { CsatCard } from './csatCard';
import { fileIntake } from './fileIntake';
import { h, icon, icons, setAttr, setText, show } from './dom';
import { fill } from './i18n/en';
import type { Look } from './look';
import { MessageList } from './messageList';
import { emailForm, preChatForm, type Details } from './prechat';
import type { Phase } from './session';

/** What the visitor does, for the session controller to act on. */
export interface ViewActions {
  readonly toggle: (open: boolean) => void;
  readonly start: (details: Details) => void;
  /** Leaves an email for an answer while the team is away; resolves false when the server did not take it. */
  readonly leaveEmail: (email: string) => Promise<boolean>;
  /** Returns true when the message was taken (the composer then clears); files go with the text as one message. */
  readonly send: (text: string, files?: readonly File[]) => boolean;
  /** Aborts a message's uploads and removes it. */
  readonly cancel: (clientMessageId: string) => void;
  /** An attachment's signed links (absolute). */
  readonly link: (attachmentId: number) => Promise<AttachmentLink>;
  readonly typing: (hasText: boolean) => void;
  readonly retry: (clientMessageId: string) => void;
  /** The reader reached the top of what is held: load the page below it. */
  readonly loadOlder: () => void;
  /** Rates the resolved conversation (1–5, optional comment); resolves false when it was not taken. */
  readonly rate: (rating: number, comment: string) => Promise<boolean>;
}

/** What the panel shows: the phase, and once ready the conversation. */
export interface ViewState {
  readonly phase: Phase;
  readonly open: boolean;
  /** The stream's state once `ready`. */
  readonly connection: ConnectionState | undefined;
  /** The header's availability line, and its kind (`online`, `away`, `closed`). */
  readonly availability: { readonly text: string; readonly state: string; readonly offerEmail: boolean };
  /** Why the server refused, once `unavailable`; `offline` while the network fails. */
  readonly reason: string | undefined;
  readonly offline: boolean;
  readonly conversation?: {
    readonly messages: readonly MessageView[]; readonly hasOlder: boolean; readonly signals: ConversationSignals; readonly unread: number; readonly refusals: readonly StoreError[];
    /** The team resolved it: the visitor is told, and writing again reopens it (the server's rule). */
    readonly resolved: boolean;
    /** Its newest rating request (CSAT), if resolving asked for one. */
    readonly csat?: Csat | undefined;
  };
}

/**
 * The widget's DOM: a launcher and a panel in an open shadow root. It builds and updates elements only; every
 * decision about the session is the controller's (session.ts).
 */
export class WidgetView {
  readonly #t: Look['t'];
  readonly #launcher: HTMLButtonElement;
  readonly #launcherText = h('span');
  readonly #badge = h('span', { class: 'badge', id: 'sb-badge', hidden: '' });
  readonly #panel: HTMLDivElement;
  readonly #sub = h('div', { class: 'sub' });
  readonly #body = h('div', { class: 'body' });
  readonly #list: MessageList;
  readonly #botStatus: HTMLDivElement;
  readonly #typingText = h('span');
  readonly #typingStatus = indicator('Typing', this.#typingText);
  readonly #note = h('div', { class: 'note', role: 'alert', hidden: '' });
  readonly #input: HTMLTextAreaElement;
  readonly #send: HTMLButtonElement;
  readonly #maxBytes: number;
  readonly #composer: HTMLFormElement;
  readonly #again: HTMLButtonElement;
  readonly #ended: HTMLDivElement;
  readonly #csat: CsatCard;
  /** The visitor chose to write again in a resolved conversation: the composer shows until it reopens. */
  #writeAgain = false;
  readonly #intro: HTMLFormElement;
  readonly #leave: HTMLFormElement;
  readonly #status = h('p', { class: 'center' });
  #phase: Phase = 'intro';

  constructor(private readonly root: ShadowRoot, look: Look, private readonly actions: ViewActions) {
    const t = this.#t = look.t;
    this.#maxBytes = look.maxBytes;
    this.#launcher = h('button', { type: 'button', class: look.launcherText ? 'launcher text' : 'launcher', 'aria-label': t.openChat, 'aria-expanded': 'false', 'aria-controls': 'sb-panel' });
    this.#launcherText.textContent = look.launcherText;
    this.#panel = h('div', { class: 'panel', id: 'sb-panel', role: 'dialog', 'aria-label': t.chat, tabindex: '-1', hidden: '', 'data-drop': t.dropFiles });
    this.#botStatus = indicator('Bot is typing', t.botTyping);
    this.#input = h('textarea', { 'aria-label': t.message, placeholder: t.placeholder, rows: '1', maxlength: '4096' });
    this.#send = h('button', { type: 'submit', class: 'send', 'aria-label': t.send, disabled: '' }, icon(icons.send));
    const intake = fileIntake(t, this.#panel, this.#input, () => this.#phase === 'ready' && !this.#composer.hidden, (files) => this.#attach(files));
    this.#composer = h('form', { class: 'composer' }, ...intake, this.#input, this.#send);
    this.#again = h('button', { type: 'button', class: 'primary' }, t.startAgain);
    this.#ended = h('div', { class: 'ended', role: 'status' }, t.resolved, this.#again);
    this.#csat = new CsatCard(t, actions.rate);
    this.#list = new MessageList(look.greeting || t.greeting, t, actions.retry, actions.loadOlder, (text) => void actions.send(text),
      {
        t, maxBytes: look.maxBytes, link: actions.link,
        // The cancelled message leaves the log with its button: focus goes back to the composer.
        cancel: (id) => { actions.cancel(id); this.#input.focus(); },
      });
    this.#intro = preChatForm(t, look.preChat, actions.start);
    this.#leave = emailForm(t, actions.leaveEmail);
    this.#launcher.append(icon(icons.chat), this.#launcherText, this.#badge);
    this.#launcher.addEventListener('click', () => actions.toggle(this.#panel.hidden));
    const minimize = h('button', { type: 'button', class: 'icon', 'aria-label': t.minimize }, icon(icons.minimize));
    minimize.addEventListener('click', () => actions.toggle(false));
    // The avatar is an image from the team's URL (img-src), else the team name's first letter.
    const avatar = h('div', { class: 'avatar', 'aria-hidden': 'true' }, look.avatarUrl ? h('img', { src: look.avatarUrl, alt: '' }) : look.teamName.slice(0, 1).toUpperCase());
    this.#panel.append(
      // A div, not a header: inside the dialog a header would be a second page banner.
      h('div', { class: 'hd' }, avatar, h('div', { class: 'title' }, h('h2', {}, look.teamName), this.#sub), minimize),
      this.#body,
    );
    this.#panel.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      actions.toggle(false);
    });
    this.#buildComposer();
    this.#again.addEventListener('click', () => {
      this.#writeAgain = true;
      show(this.#ended, false);
      show(this.#composer, true);
      this.#input.focus();
    });
    root.append(this.#panel, this.#launcher);
  }

  /** Takes the view out of the shadow root (a new look builds a new view); returns the composer's draft. */
  remove(): string {
    this.#panel.remove();
    this.#launcher.remove();
    return this.#input.value;
  }

  set draft(text: string) { this.#input.value = text; this.#send.disabled = text.trim() === ''; }

  /** Opens or closes the panel; with `moveFocus`, focus follows (into the panel, or back to the launcher). */
  setOpen(open: boolean, moveFocus: boolean): void {
    show(this.#panel, open);
    this.#launcher.classList.toggle('open', open);
    this.#launcher.replaceChildren(icon(open ? icons.close : icons.chat), this.#launcherText, this.#badge);
    show(this.#launcherText, !open);
    setAttr(this.#launcher, 'aria-label', open ? this.#t.closeChat : this.#t.openChat);
    setAttr(this.#launcher, 'aria-expanded', String(open));
    if (open) this.#list.scrollToEnd();
    if (moveFocus) (open ? this.focusPanel() : this.#launcher.focus());
  }

  /** True when focus is inside the panel. */
  get hasFocus(): boolean { return this.root.activeElement !== null; }

  focusPanel(): void {
    const target = this.#phase === 'intro' ? this.#intro.querySelector('input') : this.#phase === 'ready' ? this.#input : null;
    (target ?? this.#panel).focus();
  }

  /** Brings the DOM in line with the state: phase, messages, indicators, badge. */
  render(state: ViewState): void {
    const { phase, connection, availability } = state;
    const t = this.#t;
    this.#phase = phase;
    const c = state.conversation;
    const children: Node[] = phase === 'intro' ? [this.#intro] : c !== undefined
      ? [this.#list.el, this.#botStatus, this.#typingStatus, this.#note, ...(availability.offerEmail ? [this.#leave] : []), this.#csat.el, this.#ended, this.#composer]
      : [this.#status];
    if (this.#body.children.length !== children.length || children.some((n, i) => this.#body.children[i] !== n)) this.#body.replaceChildren(...children);
    setText(this.#status, phase === 'unavailable' ? refusal(t, state.reason) : state.offline ? t.offline : t.connecting);
    // The header says what is true now: the team's availability only while connected; otherwise that writes wait.
    const connected = phase === 'ready' ? connection === 'live' : phase === 'intro';
    setText(this.#sub, phase === 'unavailable' ? '' : connected ? availability.text
      : phase !== 'ready' ? (state.offline ? t.offline : t.connecting)
        : connection === 'offline' ? t.offlineQueued : t.reconnectingQueued);
    setAttr(this.#sub, 'class', `sub ${connected ? availability.state : connection === 'offline' ? 'down' : 'off'}`);
    if (c === undefined) return;

    if (!c.resolved) this.#writeAgain = false;
    const ended = c.resolved && !this.#writeAgain;
    show(this.#ended, ended);
    this.#csat.render(c.csat, ended);
    show(this.#composer, !ended);
    this.#list.render(c.messages, c.signals.drafts, c.hasOlder);
    show(this.#botStatus, c.signals.botThinking && c.signals.drafts.length === 0);
    const typist = c.signals.typing[0];
    show(this.#typingStatus, typist !== undefined);
    if (typist !== undefined) setText(this.#typingText, fill(t.typing, { name: typist === 'Someone' ? t.support : typist }));
    // A message the server refused (4xx) leaves the log: say so, and give its text back as a draft.
    for (const refused of c.refusals) {
      setText(this.#note, refused.code === 'text_too_long' ? t.tooLong : t.notSentNote);
      show(this.#note, true);
      if (this.#input.value === '' && refused.text !== null) this.#input.value = refused.text;
    }
    show(this.#badge, !state.open && c.unread > 0);
    // Screen readers hear "Open chat, 2 unread"; with nothing unread, no description at all.
    if (c.unread > 0) setAttr(this.#launcher, 'aria-describedby', 'sb-badge');
    else this.#launcher.removeAttribute('aria-describedby');
    setAttr(this.#badge, 'aria-label', fill(t.unread, { n: c.unread }));
    setText(this.#badge, c.unread > 9 ? '9+' : String(c.unread));
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

  // Files dropped on the panel, pasted into the composer or picked go at once, with the composer's text, ten to a
  // message (the server's limit); a file over the workspace's limit is refused here, in words, before any upload.
  #attach(list: FileList | null | undefined): void {
    const [fine, large] = bySize([...(list ?? [])], this.#maxBytes);
    if (large[0] !== undefined) {
      setText(this.#note, `${large[0].name}: ${refusalText(this.#t, 'attachment_too_large', this.#maxBytes)}`);
      show(this.#note, true);
    }
    for (let i = 0; i < fine.length; i += 10) this.#submit(fine.slice(i, i + 10), large.length > 0);
  }

  #submit(files?: File[], keepNote?: boolean): void {
    if (!this.actions.send(this.#input.value.trim(), files)) return;
    show(this.#note, !!keepNote);
    this.#input.value = '';
    this.#input.style.height = 'auto';
    this.#send.disabled = true;
    this.#input.focus();
  }
}

/** The plain message for a refusal: this website's origin, a sign-in the site requires, or anything else. */
function refusal(t: Look['t'], reason: string | undefined): string {
  return reason === 'origin_not_allowed' ? t.originRefused : reason === 'identity_required' || reason === 'identity_invalid' ? t.identityRequired : t.unavailable;
}

function indicator(label: string, text: Node | string): HTMLDivElement {
  return h('div', { class: 'indicator', role: 'status', 'aria-label': label, hidden: '' }, h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')), text);
}
