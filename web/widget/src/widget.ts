import { ApiClient, HttpError, isRetryableError, LiveStore, PollTransport, RetryPolicy, SseTransport } from '@switchboard/client';
import type { WidgetConfig } from './config';
import { h, icon, icons, setAttr, setText, show } from './dom';
import { MessageList } from './messageList';
import { Receipts } from './receipts';
import { loadOpen, loadSession, saveOpen, saveSession } from './sessionStore';
import { styles } from './styles';
import { WidgetTransport } from './widgetTransport';

type Phase = 'intro' | 'connecting' | 'ready' | 'unavailable';


/**
 * The chat widget: a launcher and a panel in an open shadow root. It keeps the visitor's session in
 * localStorage, reads the conversation through the SDK's LiveStore (the same optimistic algorithm as the
 * dashboard) over SSE with long-poll as fallback (its one connection: typing goes over HTTP), and sends receipts
 * and typing. Signals, typing policy and retry schedule are the SDK's.
 */
export class ChatWidget {
  readonly host = h('div', { id: 'switchboard-widget' });
  readonly #api: ApiClient;
  readonly #receipts: Receipts;
  #store: LiveStore | undefined;
  #conversationId: number | undefined;
  #phase: Phase;
  #open = false;
  #connecting = false;
  #started = false;
  #errorsSeen = 0;
  #renewing = false;
  #renewedAt = 0;
  #scheduled = false;

  readonly #launcher = h('button', { type: 'button', class: 'launcher', 'aria-label': 'Open chat', 'aria-expanded': 'false', 'aria-controls': 'sb-panel' });
  readonly #badge = h('span', { class: 'badge', id: 'sb-badge', hidden: '' });
  readonly #panel = h('div', { class: 'panel', id: 'sb-panel', role: 'dialog', 'aria-label': 'Chat', tabindex: '-1', hidden: '' });
  readonly #sub = h('div', { class: 'sub' });
  readonly #body = h('div', { class: 'body' });
  readonly #list = new MessageList('Hi! Ask us anything: we usually answer within minutes.', (id) => { this.#store?.retryMessage(id); });
  readonly #botStatus = h('div', { class: 'indicator', role: 'status', 'aria-label': 'Bot is typing', hidden: '' },
    h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')), 'Bot is typing…');
  readonly #typingText = h('span');
  readonly #typingStatus = h('div', { class: 'indicator', role: 'status', 'aria-label': 'Typing', hidden: '' },
    h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')), this.#typingText);
  readonly #note = h('div', { class: 'note', role: 'alert', hidden: '' });
  readonly #input = h('textarea', { 'aria-label': 'Message', placeholder: 'Write a message…', rows: '1', maxlength: '4096' });
  readonly #send = h('button', { type: 'submit', class: 'send', 'aria-label': 'Send', disabled: '' }, icon(icons.send));
  readonly #composer = h('form', { class: 'composer' }, this.#input, this.#send);
  readonly #intro: HTMLFormElement;
  readonly #status = h('p', { class: 'center' });

  constructor(private readonly config: WidgetConfig) {
    this.#api = new ApiClient({ baseUrl: config.baseUrl });
    this.#receipts = new Receipts(this.#api, (ms) => this.#wake(ms));
    this.#intro = this.#buildIntro();
    this.#phase = loadSession(config.inboxToken) === undefined ? 'intro' : 'connecting';
    this.#build();
    if (this.#phase === 'connecting') void this.#connect({});
    if (loadOpen(config.inboxToken)) this.#setOpen(true, false);
    this.#update();
  }

  #build(): void {
    const root = this.host.attachShadow({ mode: 'open' });
    if (this.config.color !== undefined) this.host.style.setProperty('--a', this.config.color);
    this.#launcher.append(icon(icons.chat), this.#badge);
    this.#launcher.addEventListener('click', () => this.#setOpen(!this.#open));

    const minimize = h('button', { type: 'button', class: 'icon', 'aria-label': 'Minimize chat' }, icon(icons.minimize));
    minimize.addEventListener('click', () => this.#setOpen(false));
    const team = this.config.teamName;
    this.#panel.append(
      h('header', {}, h('div', { class: 'avatar', 'aria-hidden': 'true' }, team.slice(0, 1).toUpperCase()),
        h('div', { class: 'title' }, h('h2', {}, team), this.#sub), minimize),
      this.#body,
    );
    this.#panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.#setOpen(false);
      }
    });
    this.#buildComposer();
    root.append(h('style', {}, styles), this.#panel, this.#launcher);
    document.addEventListener('visibilitychange', () => this.#schedule());
    window.addEventListener('focus', () => this.#schedule());
  }

  #buildIntro(): HTMLFormElement {
    const name = h('input', { type: 'text', name: 'name', autocomplete: 'name', maxlength: '100' });
    const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', maxlength: '254' });
    const skip = h('button', { type: 'button', class: 'link' }, 'Skip');
    const form = h('form', { class: 'intro' },
      h('p', {}, h('strong', {}, 'Hi there!'), 'Tell us who you are, so we can follow up if you leave. Both are optional.'),
      h('label', {}, 'Name', name),
      h('label', {}, 'Email', email),
      h('button', { type: 'submit', class: 'primary' }, 'Start chat'),
      skip);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const details: { name?: string; email?: string } = {};
      if (name.value.trim() !== '') details.name = name.value.trim();
      if (email.value.trim() !== '') details.email = email.value.trim();
      void this.#connect(details);
    });
    skip.addEventListener('click', () => void this.#connect({}));
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
      if (this.#conversationId !== undefined) this.#store?.typing.input(this.#conversationId, input.value.trim() !== '', Date.now());
    });
    this.#composer.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#submit();
    });
  }

  #submit(): void {
    const text = this.#input.value.trim();
    if (text === '' || this.#store === undefined || this.#conversationId === undefined) return;
    this.#store.sendMessage(this.#conversationId, text, { sendSeenSeq: false });
    show(this.#note, false);
    this.#input.value = '';
    this.#input.style.height = 'auto';
    this.#send.disabled = true;
    this.#store?.typing.stop();
    this.#input.focus();
  }

  #setOpen(open: boolean, moveFocus = true): void {
    this.#open = open;
    saveOpen(this.config.inboxToken, open);
    show(this.#panel, open);
    this.#launcher.classList.toggle('open', open);
    this.#launcher.replaceChildren(icon(open ? icons.close : icons.chat), this.#badge);
    setAttr(this.#launcher, 'aria-label', open ? 'Close chat' : 'Open chat');
    setAttr(this.#launcher, 'aria-expanded', String(open));
    if (open) {
      this.#update();
      this.#list.scrollToEnd();
      if (moveFocus) this.#focusPanel();
    } else {
      this.#store?.typing.stop();
      if (moveFocus) this.#launcher.focus();
      this.#schedule();
    }
  }

  #focusPanel(): void {
    const target = this.#phase === 'intro' ? this.#intro.querySelector('input') : this.#phase === 'ready' ? this.#input : null;
    (target ?? this.#panel).focus();
  }

  /** Starts (or resumes) the visitor's session and conversation, then the live store; retries while the network fails. */
  async #connect(details: { name?: string; email?: string }): Promise<void> {
    if (this.#connecting) return;
    this.#connecting = true;
    const hadFocus = this.#open && this.host.shadowRoot?.activeElement != null;
    this.#phase = 'connecting';
    this.#update();
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#start(details);
        break;
      } catch (error) {
        // A refusal (an unknown inbox token) will not change by retrying; a lost network or a restarting server will.
        if (!isRetryableError(error)) {
          this.#phase = 'unavailable';
          this.#update();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, RetryPolicy.default.delayAfterFailures(attempt + 1, Math.random)));
      }
    }
    this.#phase = 'ready';
    this.#update();
    if (hadFocus) this.#focusPanel();
  }

  // Each step is kept once done, so a retry goes on where the last attempt failed.
  async #start(details: { name?: string; email?: string }): Promise<void> {
    if (this.#conversationId === undefined) {
      const saved = loadSession(this.config.inboxToken);
      const session = await this.#api.startWidgetSession(this.config.inboxToken, saved === undefined ? details : { ...details, resumeToken: saved.token });
      saveSession(this.config.inboxToken, { token: session.token });
      this.#conversationId = session.conversationId ?? (await this.#api.startWidgetConversation()).conversation.id;
    }
    const store = this.#store ??= this.#createStore();
    if (!this.#started) {
      await store.start();
      this.#started = true;
    }
    await store.watchConversation(this.#conversationId);
  }

  async #renew(old: LiveStore): Promise<void> {
    // At most once a minute: a server that refuses every stream must not mint a contact per reconnect.
    if (this.#renewing || this.#store !== old || Date.now() - this.#renewedAt < 60_000) return;
    this.#renewing = true;
    this.#renewedAt = Date.now();
    this.#store = undefined;
    this.#started = false;
    this.#conversationId = undefined;
    this.#connecting = false;
    this.#errorsSeen = 0;
    await old.stop();
    this.#renewing = false;
    await this.#connect({});
  }

  #createStore(): LiveStore {
    const api = this.#api;
    const store = new LiveStore({
      api,
      transport: new WidgetTransport(new SseTransport(api), new PollTransport(api)),
      // The visitor's own typing comes back on its stream: only the team's counts.
      isSelf: (actor) => actor.type !== 'member',
    });
    store.subscribe(() => this.#schedule());
    store.signals.subscribe(() => this.#schedule());
    return store;
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#update();
    });
  }

  #wake(afterMs: number): void {
    if (afterMs <= 0) this.#schedule();
    else setTimeout(() => this.#schedule(), afterMs);
  }

  /** Brings the DOM in line with the state: phase, messages, indicators, badge, receipts. */
  #update(): void {
    const phase = this.#phase;
    const store = this.#store;
    const id = this.#conversationId;
    const ready = phase === 'ready' && store !== undefined && id !== undefined;
    const children: Node[] = phase === 'intro' ? [this.#intro] : ready
      ? [this.#list.el, this.#botStatus, this.#typingStatus, this.#note, this.#composer]
      : [this.#status];
    if (this.#body.children.length !== children.length || children.some((c, i) => this.#body.children[i] !== c)) this.#body.replaceChildren(...children);
    setText(this.#status, phase === 'unavailable' ? 'Chat is not available on this site right now.' : 'Connecting…');

    const live = store?.state === 'live';
    setText(this.#sub, phase === 'ready' ? (live ? 'We typically reply in a few minutes' : 'Reconnecting…') : phase === 'intro' ? 'We are here to help' : 'Connecting…');
    this.#sub.classList.toggle('off', phase === 'ready' && !live);
    if (!ready) return;

    // The stream refuses the token (expired, or the server forgot the workspace): start a new session.
    if (store.streamError instanceof HttpError && store.streamError.status === 401) void this.#renew(store);

    const messages = store.getMessages(id);
    const signals = store.signals.view(id);
    this.#list.render(messages, signals.drafts);
    show(this.#botStatus, signals.botThinking && signals.drafts.length === 0);
    const typist = signals.typing[0];
    show(this.#typingStatus, typist !== undefined);
    if (typist !== undefined) setText(this.#typingText, `${typist === 'Someone' ? 'Support' : typist} is typing…`);
    // A message the server refused (4xx) leaves the log: say so, and give its text back as a draft.
    const errors = store.errors;
    for (const refused of errors.slice(this.#errorsSeen)) {
      if (refused.text === null) continue;
      setText(this.#note, refused.code === 'text_too_long' ? 'That message is too long to send.' : 'That message could not be sent.');
      show(this.#note, true);
      if (this.#input.value === '') this.#input.value = refused.text;
    }
    this.#errorsSeen = errors.length;

    const unread = store.getConversation(id)?.unreadCount ?? 0;
    show(this.#badge, !this.#open && unread > 0);
    // Screen readers hear "Open chat, 2 unread"; with nothing unread, no description at all.
    if (unread > 0) setAttr(this.#launcher, 'aria-describedby', 'sb-badge');
    else this.#launcher.removeAttribute('aria-describedby');
    setAttr(this.#badge, 'aria-label', `${unread} unread`);
    setText(this.#badge, unread > 9 ? '9+' : String(unread));

    this.#receipts.update(id, messages, this.#open && document.visibilityState === 'visible');
  }
}
