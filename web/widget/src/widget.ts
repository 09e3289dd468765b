import type { WidgetConfig } from './config';
import { h } from './dom';
import { loadOpen, saveOpen } from './sessionStore';
import { WidgetSession } from './session';
import { WidgetView } from './view';

/**
 * The chat widget: wires the session controller (session.ts: session, live store, receipts, the panel's phase) to
 * the view (view.ts: the DOM in a shadow root), and renders at most once per microtask. Signals, the typing policy
 * and every retry rule and schedule are the SDK's.
 */
export class ChatWidget {
  readonly host = h('div', { id: 'switchboard-widget' });
  readonly #session: WidgetSession;
  readonly #view: WidgetView;
  #open = false;
  #scheduled = false;

  constructor(private readonly config: WidgetConfig) {
    this.#view = new WidgetView(this.host, config.teamName, config.color, {
      toggle: (open) => this.#setOpen(open, true),
      start: (details) => this.#connect(details),
      send: (text) => this.#session.send(text),
      typing: (hasText) => this.#session.typing(hasText),
      retry: (id) => this.#session.retry(id),
    });
    this.#session = new WidgetSession(config.inboxToken, config.baseUrl, (afterMs) => {
      if (afterMs === undefined || afterMs <= 0) this.#schedule();
      else setTimeout(() => this.#schedule(), afterMs);
    });
    document.addEventListener('visibilitychange', () => this.#schedule());
    window.addEventListener('focus', () => this.#schedule());
    if (loadOpen(config.inboxToken)) this.#setOpen(true, false);
    this.#render();
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
    this.#open = open;
    saveOpen(this.config.inboxToken, open);
    if (open) this.#render();
    else this.#session.stopTyping();
    this.#view.setOpen(open, moveFocus);
    if (!open) this.#schedule();
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
    const conversation = live === undefined ? undefined : {
      messages: live.store.getMessages(live.conversationId),
      signals: live.store.signals.view(live.conversationId),
      unread: live.store.getConversation(live.conversationId)?.unreadCount ?? 0,
      refusals: session.takeRefusals(),
    };
    this.#view.render({ phase: session.phase, open: this.#open, live: live?.store.state === 'live', ...(conversation === undefined ? {} : { conversation }) });
    session.afterRender(this.#open && document.visibilityState === 'visible');
  }
}
