import { HttpError, type Availability, type WidgetAttributes, type WidgetIdentity, type WidgetPublicConfig } from '@switchboard/client';
import { availabilityText, offersEmail } from './availability';
import type { WidgetConfig } from './config';
import { h } from './dom';
import type { HostActions, HostEvents } from './hostApi';
import { loadStrings } from './i18n/language';
import { lookOf, pageLanguage, sameLook, type Look } from './look';
import { asksAnything } from './prechat';
import { loadOpen, saveOpen } from './sessionStore';
import { WidgetSession } from './session';
import { adoptStyles } from './styles';
import { applyTheme } from './theme';
import { WidgetView } from './view';

/**
 * The chat widget: wires the session controller (session.ts: session, live store, receipts, the panel's phase) to
 * the view (view.ts: the DOM in a shadow root), applies the inbox's config (look.ts: colour, texts, language; read
 * on load, when the panel opens and when the stream reconnects), and renders at most once per microtask. Signals,
 * the typing policy and every retry rule and schedule are the SDK's.
 */
export class ChatWidget implements HostActions {
  readonly host = h('div', { id: 'switchboard-widget' });
  readonly #root: ShadowRoot;
  readonly #session: WidgetSession;
  #view: WidgetView;
  #look: Look;
  #remote: WidgetPublicConfig | undefined;
  #events: HostEvents | undefined;
  #open = false;
  #scheduled = false;
  #wasLive = false;
  /** The newest team message the host page has heard of (undefined until the first render: that history is not news). */
  #lastTeamMessageId: number | undefined;
  #unread = 0;

  constructor(private readonly config: WidgetConfig) {
    this.#root = this.host.attachShadow({ mode: 'open' });
    adoptStyles(this.#root);
    this.#session = new WidgetSession(config.inboxToken, config.baseUrl, (afterMs) => {
      if (afterMs === undefined || afterMs <= 0) this.#schedule();
      else setTimeout(() => this.#schedule(), afterMs);
    });
    if (config.identity !== undefined) void this.#session.identify(config.identity);
    this.#look = lookOf(config, undefined, 'en');
    this.#view = this.#buildView();
    document.addEventListener('visibilitychange', () => this.#schedule());
    window.addEventListener('focus', () => this.#schedule());
  }

  /** After the host page's queued calls ran: reads the inbox's config, then resumes or starts the session. */
  start(events: HostEvents): void {
    this.#events = events;
    if (loadOpen(this.config.inboxToken) || this.config.open) this.#setOpen(true, false);
    this.#render();
    void this.#pageLook();
    void this.#refresh().then((ok) => {
      if (ok) this.#session.begin();
      events.emit('ready');
    });
  }

  open(): void { this.#setOpen(true, true); }
  close(): void { this.#setOpen(false, false); }
  toggle(): void { this.#setOpen(!this.#open, true); }
  identify(identity: WidgetIdentity): Promise<void> { return this.#session.identify(identity); }
  setAttributes(attributes: WidgetAttributes): Promise<void> { return this.#session.setAttributes(attributes); }

  /**
   * Reads the inbox's config and applies it (a new look rebuilds the view). A refused origin or unknown inbox ends
   * the session's hopes with a plain message; a network failure keeps what is shown (the session retries on its own).
   */
  async #refresh(): Promise<boolean> {
    try {
      const remote = await this.#session.api.getWidgetConfig(this.config.inboxToken);
      const lang = pageLanguage(this.config, remote.language);
      const t = await loadStrings(this.config.baseUrl, lang);
      this.#remote = remote;
      this.#setLook(lookOf(this.config, remote, lang, t));
      this.#autoStart();
      return true;
    } catch (error) {
      // A 404 without `inbox_not_found` is a server without the config endpoint: the widget goes on with its defaults.
      if (error instanceof HttpError && (error.status === 403 || error.code === 'inbox_not_found')) {
        this.#session.refuse(error.code);
        return false;
      }
      if (!(error instanceof HttpError)) this.#session.offline = this.#remote === undefined;
      this.#schedule();
      return this.#remote === undefined;
    }
  }

  // Until the inbox's config is read (or when it cannot be), the page's language: the refusal is said in it too.
  async #pageLook(): Promise<void> {
    const lang = pageLanguage(this.config, undefined);
    const t = await loadStrings(this.config.baseUrl, lang);
    if (this.#remote === undefined) this.#setLook(lookOf(this.config, undefined, lang, t));
  }

  #setLook(look: Look): void {
    if (sameLook(look, this.#look)) return this.#schedule();
    this.#look = look;
    const hadFocus = this.#open && this.#view.hasFocus;
    const draft = this.#view.remove();
    this.#view = this.#buildView();
    this.#view.draft = draft;
    this.#view.setOpen(this.#open, false);
    this.#render();
    if (hadFocus) this.#view.focusPanel();
  }

  #buildView(): WidgetView {
    const look = this.#look;
    applyTheme(this.host, { color: look.color, position: look.position, rtl: look.rtl, lang: look.lang });
    return new WidgetView(this.#root, look, {
      toggle: (open) => this.#setOpen(open, true),
      start: (details) => this.#connect(details),
      send: (text, files) => this.#session.send(text, files),
      cancel: (id) => this.#session.cancel(id),
      link: (id) => this.#session.link(id),
      typing: (hasText) => this.#session.typing(hasText),
      retry: (id) => this.#session.retry(id),
      leaveEmail: (email) => this.#session.leaveEmail(email),
      loadOlder: () => this.#session.loadOlder(),
      rate: (rating, comment) => this.#session.rate(rating, comment),
    });
  }

  #connect(details: { name?: string; email?: string }): void {
    const hadFocus = this.#open && this.#view.hasFocus;
    void this.#session.connect(details).then(() => {
      if (hadFocus && this.#session.phase === 'ready') {
        this.#render();
        this.#view.focusPanel();
      }
    });
  }

  #setOpen(open: boolean, moveFocus: boolean): void {
    if (open !== this.#open) this.#events?.emit(open ? 'opened' : 'closed');
    this.#open = open;
    saveOpen(this.config.inboxToken, open);
    if (open) {
      this.#render();
      // Opening shows the team's current look and availability; an inbox without a pre-chat form starts at once.
      void this.#refresh();
      this.#autoStart();
    } else this.#session.stopTyping();
    this.#view.setOpen(open, moveFocus);
    if (!open) this.#schedule();
  }

  // An inbox without a pre-chat form starts the chat as soon as the panel is open (and its config known).
  #autoStart(): void {
    if (this.#open && this.#session.phase === 'intro' && this.#remote !== undefined && !asksAnything(this.#remote.preChat)) this.#connect({});
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#render();
    });
  }

  #render(): void {
    const session = this.#session;
    const live = session.live;
    const isLive = live?.store.state === 'live';
    // A (re)connected stream may have missed a config change: read it again.
    if (isLive && !this.#wasLive && this.#remote !== undefined) void this.#refresh();
    this.#wasLive = isLive;
    const transcript = live?.store.transcript(live.conversationId);
    const messages = transcript?.messages;
    const conversation = live === undefined || transcript === undefined ? undefined : {
      messages: transcript.messages,
      hasOlder: transcript.hasOlder,
      signals: live.store.signals.view(live.conversationId),
      unread: live.store.getConversation(live.conversationId)?.unreadCount ?? 0,
      refusals: session.takeRefusals(),
      resolved: live.store.getConversation(live.conversationId)?.state === 'resolved',
      csat: live.store.csat(live.conversationId),
    };
    const availability: Availability | undefined = this.#remote?.availability;
    this.#view.render({
      phase: session.phase, open: this.#open, connection: live?.store.state, reason: session.reason, offline: session.offline,
      availability: { text: availabilityText(this.#look.t, availability, this.#look.lang), state: availability?.state ?? 'online', offerEmail: offersEmail(availability) },
      ...(conversation === undefined ? {} : { conversation }),
    });
    if (messages !== undefined && conversation !== undefined) this.#announce(messages, conversation.unread);
    session.afterRender(this.#open && document.visibilityState === 'visible');
  }

  // Host page events: `message` for each new team message (not the history already there), `unread` on a change.
  // By id, not by count: older pages loaded while scrolling up are history, not news.
  #announce(messages: readonly { id: number | null; senderRole: string; text: string }[], unread: number): void {
    const team = messages.filter((m) => m.id !== null && (m.senderRole === 'operator' || m.senderRole === 'bot'));
    const newest = team.reduce((max, m) => Math.max(max, m.id ?? 0), 0);
    if (this.#lastTeamMessageId !== undefined) {
      for (const m of team) if ((m.id ?? 0) > this.#lastTeamMessageId) this.#events?.emit('message', { text: m.text, role: m.senderRole });
    }
    this.#lastTeamMessageId = Math.max(this.#lastTeamMessageId ?? 0, newest);
    if (unread !== this.#unread) this.#events?.emit('unread', unread);
    this.#unread = unread;
  }
}
