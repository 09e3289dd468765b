import {
  BaseApiClient, HttpError, type AttachmentLink, isRetryableError, LiveStore, PollTransport, RetryPolicy, SseTransport, type StoreError, type WidgetAttributes, type WidgetIdentity,
} from '@switchboard/client';
import { currentPage, watchPage } from './page';
import { Receipts } from './receipts';
import { loadSession, saveSession } from './sessionStore';
import { WidgetTransport } from './widgetTransport';

/**
 * Where the panel is: `intro` (no session yet: ask who they are), `connecting` (starting or resuming the session
 * and its conversation, retried while the network fails), `ready` (the live store runs), `unavailable` (the server
 * refused this inbox: retrying would not help).
 */
export type Phase = 'intro' | 'connecting' | 'ready' | 'unavailable';

/** The conversation the panel shows once `ready`. */
export interface LiveConversation {
  readonly store: LiveStore;
  readonly conversationId: number;
}

/**
 * The widget's session controller: the visitor's session (localStorage), its conversation, the SDK's LiveStore over
 * SSE with long-poll as fallback (its one connection: typing goes over HTTP), receipts, and the panel's phase. It
 * holds no DOM: `onChange` says the view should render again.
 */
export class WidgetSession {
  readonly api: BaseApiClient;
  readonly #receipts: Receipts;
  #phase: Phase;
  #store: LiveStore | undefined;
  #conversationId: number | undefined;
  #started = false;
  #connecting = false;
  #renewedAt: number | undefined;
  #refusalsSeen = 0;
  #identity: WidgetIdentity | undefined;
  #attributes: WidgetAttributes | undefined;
  /** Why the server refused (`origin_not_allowed`, `identity_required`, …) once `unavailable`. */
  reason: string | undefined;
  /** The last attempt to connect failed on the network: the view says so instead of "Connecting…". */
  offline = false;

  constructor(private readonly inboxToken: string, private readonly baseUrl: string, private readonly onChange: (afterMs?: number) => void) {
    this.api = new BaseApiClient({ baseUrl });
    this.#receipts = new Receipts(this.api, (ms) => onChange(ms), { isRetryable: isRetryableError, policy: RetryPolicy.default });
    this.#phase = 'intro';
    watchPage(() => this.#reportPage());
  }

  /** Resumes a saved session, or starts the verified one, at once; otherwise the panel's intro starts it. */
  begin(): void {
    if (this.#phase === 'intro' && (loadSession(this.inboxToken) !== undefined || this.#identity !== undefined)) void this.connect({});
  }

  /** The server refused this page (its origin, or an identity it requires): nothing to retry. */
  refuse(reason: string): void {
    this.reason = reason;
    this.#set('unavailable');
  }

  /** A verified identity: used to start the session, or (already chatting) to move this visitor onto it. */
  async identify(identity: WidgetIdentity): Promise<void> {
    this.#identity = identity;
    const live = this.live;
    if (live === undefined) return;
    const session = await this.api.identifyWidgetVisitor(identity);
    saveSession(this.inboxToken, { token: session.token });
    await this.#restart(live.store, session.conversationId ?? undefined);
  }

  /** Custom attributes of the contact: sent now when chatting, else once the session starts. */
  async setAttributes(attributes: WidgetAttributes): Promise<void> {
    this.#attributes = { ...this.#attributes, ...attributes };
    if (this.live !== undefined) await this.api.setWidgetAttributes(this.#attributes);
  }

  /** The visitor's email for an answer while the team is away; false when the server did not take it. */
  async leaveEmail(email: string): Promise<boolean> {
    return this.api.leaveWidgetEmail(email).then(() => true, () => false);
  }

  get phase(): Phase { return this.#phase; }

  /** The live store and conversation, once `ready`. */
  get live(): LiveConversation | undefined {
    return this.#phase === 'ready' && this.#store !== undefined && this.#conversationId !== undefined
      ? { store: this.#store, conversationId: this.#conversationId } : undefined;
  }

  /** Starts (or resumes) the session and conversation, then the live store; retries while the network fails. */
  async connect(details: { name?: string; email?: string }): Promise<void> {
    if (this.#connecting) return;
    this.#connecting = true;
    this.#set('connecting');
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#start(details);
        break;
      } catch (error) {
        // A refusal (an unknown inbox token) will not change by retrying; a lost network or a restarting server will.
        if (!isRetryableError(error)) {
          this.refuse(error instanceof HttpError ? error.code : 'unavailable');
          return;
        }
        this.offline = true;
        this.onChange();
        await new Promise((resolve) => setTimeout(resolve, RetryPolicy.reconnect.delayAfterFailures(attempt + 1, Math.random)));
      }
    }
    this.offline = false;
    this.#set('ready');
    if (this.#attributes !== undefined) void this.api.setWidgetAttributes(this.#attributes).catch(() => undefined);
    this.#reportPage();
  }

  // The team's contact panel shows where the visitor is. Advisory: a report that fails (a file:// page, the rate limit) is dropped.
  #reportPage(): void {
    if (this.live !== undefined) void this.api.reportWidgetPage(currentPage()).catch(() => undefined);
  }

  /** Sends a message, with files if any (shown at once as `sending`); false when there is nothing to send or nowhere to send it. */
  send(text: string, files: readonly File[] = []): boolean {
    const live = this.live;
    if ((text === '' && !files.length) || live === undefined) return false;
    // A pasted screenshot may come without a name.
    live.store.sendMessage(live.conversationId, text, { sendSeenSeq: false, files: files.map((file) => ({ file, name: file.name || 'image.png' })) });
    live.store.typing.stop();
    return true;
  }

  /** Feeds the composer's content to the SDK's typing policy. */
  typing(hasText: boolean): void {
    const live = this.live;
    live?.store.typing.input(live.conversationId, hasText, Date.now());
  }

  stopTyping(): void { this.#store?.typing.stop(); }

  retry(clientMessageId: string): void { this.#store?.retryMessage(clientMessageId); }

  cancel(clientMessageId: string): void { this.#store?.cancelMessage(clientMessageId); }

  /** An attachment's signed links, made absolute: the server answers them relative to itself. */
  async link(attachmentId: number): Promise<AttachmentLink> {
    const live = this.live!;
    const l = await live.store.attachmentLink(live.conversationId, attachmentId);
    return { ...l, url: this.baseUrl + l.url, thumbnailUrl: l.thumbnailUrl && this.baseUrl + l.thumbnailUrl };
  }

  /** Rates the conversation's newest rating request; false when there is none or the server did not take it. */
  async rate(rating: number, comment: string): Promise<boolean> {
    const live = this.live;
    const request = live?.store.csat(live.conversationId);
    if (live === undefined || request === undefined) return false;
    return live.store.rateConversation(live.conversationId, request.id, rating, comment || undefined).then(() => true, () => false);
  }

  /** Loads the page below what the transcript holds (the SDK asks for exactly the gap); a failure: the next scroll retries. */
  loadOlder(): void {
    const live = this.live;
    if (live === undefined || live.store.loadingOlder(live.conversationId)) return;
    live.store.loadOlder(live.conversationId).catch(() => {});
  }

  /** Messages the server refused since the last call (each once): the view gives their text back. */
  takeRefusals(): readonly StoreError[] {
    const errors = this.#store?.errors ?? [];
    const fresh = errors.slice(this.#refusalsSeen).filter((e) => e.text !== null);
    this.#refusalsSeen = errors.length;
    return fresh;
  }

  /** After each render: receipts for what is shown, and a new session when the stream refuses the token. */
  afterRender(canRead: boolean): void {
    const live = this.live;
    if (live === undefined) return;
    // The stream refuses the token (expired, or the server forgot the workspace): start a new session.
    if (live.store.streamError instanceof HttpError && live.store.streamError.status === 401) void this.#renew(live.store);
    this.#receipts.update(live.conversationId, live.store.transcript(live.conversationId).messages, canRead);
  }

  // Each step is kept once done, so a retry goes on where the last attempt failed.
  async #start(details: { name?: string; email?: string }): Promise<void> {
    if (this.#conversationId === undefined) {
      // A verified identity starts its own contact's session (the same on every device), never an anonymous one's.
      const saved = this.#identity === undefined ? loadSession(this.inboxToken) : undefined;
      const session = await this.api.startWidgetSession(this.inboxToken, {
        ...details, ...(saved === undefined ? {} : { resumeToken: saved.token }), ...(this.#identity === undefined ? {} : { identity: this.#identity }),
      });
      saveSession(this.inboxToken, { token: session.token });
      this.#conversationId = session.conversationId ?? (await this.api.startWidgetConversation()).conversation.id;
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
    if (this.#store !== old || (this.#renewedAt !== undefined && Date.now() - this.#renewedAt < 60_000)) return;
    this.#renewedAt = Date.now();
    await this.#restart(old, undefined);
  }

  // A new live store on the current token: after a renewed session, or on the verified contact's conversation.
  async #restart(old: LiveStore, conversationId: number | undefined): Promise<void> {
    this.#store = undefined;
    this.#started = false;
    this.#conversationId = conversationId;
    this.#connecting = false;
    this.#refusalsSeen = 0;
    await old.stop();
    await this.connect({});
  }

  #createStore(): LiveStore {
    const api = this.api;
    const store = new LiveStore({
      api,
      transport: new WidgetTransport(new SseTransport(api), new PollTransport(api)),
      // The visitor's own typing comes back on its stream: only the team's counts.
      isSelf: (actor) => actor.type !== 'member',
      // The team merged this contact into another: start the session again, which the server re-points to the kept contact.
      applyOther: (type) => type === 'contact.merged' && (setTimeout(() => void this.#restart(store, undefined), 0), true),
    });
    store.subscribe(() => this.onChange());
    store.signals.subscribe(() => this.onChange());
    return store;
  }

  #set(phase: Phase): void {
    this.#phase = phase;
    this.onChange();
  }
}
