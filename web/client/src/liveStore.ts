import type { ApiClient } from './api/apiClient.js';
import type { Inbox } from './api/apiContracts.js';
import { HttpError, TransportError } from './api/httpError.js';
import { FallbackTransport } from './streaming/fallbackTransport.js';
import { PollTransport } from './streaming/pollTransport.js';
import { SseTransport } from './streaming/sseTransport.js';
import type { EventStreamTransport, Signal, StreamItem } from './streaming/streamItem.js';
import type { ConversationPatch } from './sync/conversationPatch.js';
import { Listeners, platformReportError } from './sync/listeners.js';
import { LiveStoreCore, type LiveStoreLogger, type SendMessageOptions } from './sync/liveStoreCore.js';
import type { Conversation, Member } from './sync/models.js';
import type { OutgoingRequest } from './sync/pending.js';
import type { RetryPolicy } from './sync/retryPolicy.js';
import type { StoreError } from './sync/storeError.js';
import type { MessageView } from './sync/view.js';
import { sleep, systemTimers, type Timers } from './timers.js';

/** The answer to a sent message said the customer wrote meanwhile (`customerWroteMeanwhile`). */
export interface CustomerWroteMeanwhile {
  readonly conversationId: number;
  readonly clientMessageId: string;
}

/** The stream's state, for a connection indicator. Local actions work in every state. */
export type ConnectionState = 'live' | 'reconnecting' | 'offline';

export interface LiveStoreShellOptions {
  readonly api: ApiClient;
  /** Default: SSE, falling back to long-poll after three failures to connect. */
  readonly transport?: EventStreamTransport;
  /** Default: the API client's timers. */
  readonly timers?: Timers;
  /** A number in [0, 1) for jitter; default `Math.random`. */
  readonly random?: () => number;
  /** Retries of writes (transport failures, 401, 408, 429, 5xx); default `RetryPolicy.default`. */
  readonly writeRetry?: RetryPolicy;
  /** Reconnect delays of the stream in ms, the last repeating for as long as it takes; default `[0, 2000, 10000, 30000]`. */
  readonly reconnectDelaysMs?: readonly number[];
  /** Up to this fraction of each reconnect delay is added at random; default 0.2. */
  readonly reconnectJitter?: number;
  /**
   * A connection that delivered something, or stayed open this long, was healthy: the next reconnect starts
   * the schedule from its beginning. One that opened and closed at once counts as a failure. Default 10 s.
   */
  readonly stableAfterMs?: number;
  /** A write, snapshot or page without an answer after this long is a transport failure. Default 10 s. */
  readonly requestTimeoutMs?: number;
  /** Messages loaded when a conversation is watched; default 200. */
  readonly messagePageSize?: number;
  /** Hears what was skipped or failed: ids, types, statuses and codes, never message text. */
  readonly logger?: LiveStoreLogger;
  /** Hears an error a listener threw. */
  readonly reportError?: (error: unknown) => void;
}

/**
 * The live store a UI binds to: {@link LiveStoreCore} driven by the REST API and a resumable event stream
 * (the TypeScript twin of the .NET `LiveStore`). Local actions show at once; writes go one at a time per
 * target and are retried with the same id; the stream reconnects from the cursor after any drop on a retry
 * schedule, and takes a snapshot after a `reset`. Nothing here blocks on the network.
 */
export class LiveStore {
  /** The sans-I/O store underneath (for reads the shell does not forward). */
  readonly core: LiveStoreCore;
  readonly #api: ApiClient;
  readonly #transport: EventStreamTransport;
  readonly #timers: Timers;
  readonly #random: () => number;
  readonly #reconnectDelaysMs: readonly number[];
  readonly #reconnectJitter: number;
  readonly #stableAfterMs: number;
  readonly #requestTimeoutMs: number;
  readonly #messagePageSize: number;
  readonly #logger: LiveStoreLogger | undefined;
  readonly #listeners: Listeners;
  readonly #signalListeners = new Set<(signal: Signal) => void>();
  readonly #meanwhileListeners = new Set<(notice: CustomerWroteMeanwhile) => void>();
  readonly #reportError: ((error: unknown) => void) | undefined;
  readonly #watched = new Set<number>();
  readonly #readUpTo = new Map<number, number>();
  readonly #stop = new AbortController();
  #phase: 'new' | 'starting' | 'running' | 'stopped' = 'new';
  #state: ConnectionState = 'offline';
  #connections = 0;
  #revision = 0;
  #inboxes: readonly Inbox[] = [];
  #retryTimer: unknown;
  #streamLoop: Promise<void> | undefined;
  #streamError: unknown;
  #pagesStale = false;

  constructor(options: LiveStoreShellOptions) {
    this.#api = options.api;
    this.#timers = options.timers ?? options.api.timers ?? systemTimers;
    this.#random = options.random ?? Math.random;
    this.#reconnectDelaysMs = Object.freeze([...(options.reconnectDelaysMs ?? [0, 2000, 10000, 30000])]);
    this.#reconnectJitter = options.reconnectJitter ?? 0.2;
    this.#stableAfterMs = options.stableAfterMs ?? 10_000;
    this.#requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.#messagePageSize = options.messagePageSize ?? 200;
    this.#logger = options.logger;
    this.#reportError = options.reportError;
    this.#listeners = new Listeners(options.reportError);
    this.#transport = options.transport
      ?? new FallbackTransport(new SseTransport(options.api, { logger: this.#logger }), new PollTransport(options.api, { logger: this.#logger }), { logger: this.#logger });
    const coreOptions: ConstructorParameters<typeof LiveStoreCore>[0] = {
      random: this.#random,
      ...(options.writeRetry === undefined ? {} : { retryPolicy: options.writeRetry }),
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      ...(options.reportError === undefined ? {} : { reportError: options.reportError }),
    };
    this.core = new LiveStoreCore(coreOptions);
    this.core.subscribe(() => this.#changed());
  }

  /**
   * Loads the snapshot, then starts the stream and the write pump. Rejects (HttpError, TransportError) when
   * the snapshot cannot be had; call it again to retry. Local actions before it are kept and sent once started.
   */
  async start(): Promise<void> {
    if (this.#phase !== 'new') throw new Error(this.#phase === 'stopped' ? 'This store was stopped; make a new one.' : 'Already started.');
    this.#phase = 'starting';
    try {
      await this.#loadSnapshot();
    } catch (error) {
      if (this.#phase === 'starting') this.#phase = 'new';
      throw error;
    }
    if (this.#phase !== 'starting') return; // stopped meanwhile
    this.#phase = 'running';
    this.#setState('reconnecting');
    this.#streamLoop = this.#runStream();
    this.#pump();
  }

  /** Stops the stream and the write pump, and cancels what is in flight. Final: pending writes are not sent after this. */
  async stop(): Promise<void> {
    if (this.#phase === 'stopped') return;
    this.#phase = 'stopped';
    this.#stop.abort();
    if (this.#retryTimer !== undefined) this.#timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    await this.#streamLoop;
    this.#setState('offline');
  }

  /** Loads the newest messages of a conversation and keeps them current (reloaded after a reset). */
  async watchConversation(conversationId: number): Promise<void> {
    this.#watched.add(conversationId);
    await this.#loadMessages(conversationId);
  }

  /** Stops reloading a conversation's messages after resets (what was loaded stays). */
  unwatchConversation(conversationId: number): void {
    this.#watched.delete(conversationId);
  }

  /** Sends a message optimistically (it shows at once as `sending`); returns its clientMessageId. */
  sendMessage(conversationId: number, text: string, options?: SendMessageOptions): string {
    const key = this.core.sendMessage(conversationId, text, options);
    this.#pump();
    return key;
  }

  /** Changes a conversation optimistically (bot switch, resolve, assignee); returns its mutationId. */
  updateConversation(conversationId: number, patch: ConversationPatch, mutationId?: string): string {
    const key = this.core.updateConversation(conversationId, patch, mutationId);
    this.#pump();
    return key;
  }

  /** Sends a failed message again with the same clientMessageId. */
  retryMessage(clientMessageId: string): boolean {
    const retried = this.core.retryMessage(clientMessageId);
    if (retried) this.#pump();
    return retried;
  }

  /**
   * Tells the server this side has read a conversation up to its newest message (`POST .../receipts`, status
   * `read`). Resolves false when there was nothing new to mark; rejects with HttpError or TransportError (the
   * next call tries again). The effect (unread count, statuses) arrives on the stream, like every change.
   */
  async markRead(conversationId: number): Promise<boolean> {
    let newest: number | undefined;
    for (const m of this.core.getMessages(conversationId)) if (m.id !== null && (newest === undefined || m.id > newest)) newest = m.id;
    if (newest === undefined || (this.#readUpTo.get(conversationId) ?? 0) >= newest) return false;
    await this.#api.postReceipt(conversationId, 'read', newest, { signal: this.#stop.signal, timeoutMs: this.#requestTimeoutMs });
    this.#readUpTo.set(conversationId, Math.max(this.#readUpTo.get(conversationId) ?? 0, newest));
    return true;
  }

  /** Calls `listener` after every change of the view or of the connection state; returns the function that stops it. */
  readonly subscribe = (listener: () => void): (() => void) => this.#listeners.add(listener);

  /** Calls `listener` for every ephemeral signal (typing, presence, bot.thinking); returns the function that stops it. */
  onSignal(listener: (signal: Signal) => void): () => void {
    this.#signalListeners.add(listener);
    return () => { this.#signalListeners.delete(listener); };
  }

  /**
   * Calls `listener` when the answer to a sent message says the customer wrote after the cursor the message was
   * sent with (`customerWroteMeanwhile`: the operator stays assigned); returns the function that stops it.
   */
  onCustomerWroteMeanwhile(listener: (notice: CustomerWroteMeanwhile) => void): () => void {
    this.#meanwhileListeners.add(listener);
    return () => { this.#meanwhileListeners.delete(listener); };
  }

  /** `live` while events arrive, `reconnecting` while (re)connecting, `offline` before start and after stop. */
  get state(): ConnectionState { return this.#state; }

  /** How many times the stream has connected. */
  get connections(): number { return this.#connections; }

  /**
   * Why the stream is not live, while it is reconnecting: the last `HttpError` (a 401 means the session
   * expired: sign in again), `TransportError` or other error of a connection or resync; undefined once a
   * connection opens.
   */
  get streamError(): unknown { return this.#streamError; }

  /** The transport in use (`sse`, `poll` or `websocket`). */
  get transportName(): string { return this.#transport.name; }

  /** Grows on every change: a cheap snapshot for `useSyncExternalStore` and the like. */
  get revision(): number { return this.#revision; }

  /** Conversations as shown (pending changes applied), newest activity first. */
  get conversations(): Conversation[] { return this.core.conversations; }

  get members(): Member[] { return this.core.members; }

  /** The inboxes of the last snapshot. */
  get inboxes(): readonly Inbox[] { return this.#inboxes; }

  getConversation(id: number): Conversation | undefined { return this.core.getConversation(id); }

  getMessages(conversationId: number): MessageView[] { return this.core.getMessages(conversationId); }

  get cursor(): number { return this.core.cursor; }

  get pendingCount(): number { return this.core.pendingCount; }

  /** Writes refused (4xx) or given up, oldest first; a refused message carries its text for a draft. */
  get errors(): readonly StoreError[] { return this.core.errors; }

  // The write pump: sends what is due, and sleeps until the next retry (or an answer, or a local action).
  #pump(): void {
    if (this.#phase !== 'running') return;
    const now = this.#timers.now();
    for (const request of this.core.takeDueRequests(now)) void this.#send(request);
    if (this.#retryTimer !== undefined) this.#timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    const next = this.core.nextRetryAfter(now);
    if (next !== undefined) {
      this.#retryTimer = this.#timers.setTimeout(() => {
        this.#retryTimer = undefined;
        this.#pump();
      }, next - now);
    }
  }

  async #send(request: OutgoingRequest): Promise<void> {
    try {
      const answer = await this.#api.sendRaw(request, { signal: this.#stop.signal, timeoutMs: this.#requestTimeoutMs });
      if (this.#phase !== 'running') return;
      this.core.onResponse(request.key, answer.status, answer.body, this.#timers.now());
      if (request.method === 'POST' && answer.status >= 200 && answer.status < 300) this.#noticeMeanwhile(request, answer.body);
    } catch (error) {
      if (this.#phase !== 'running') return;
      this.#logger?.warn('A write got no answer; it will be retried with the same id.', { key: request.key, ...describe(error) });
      this.core.onTransportFailure(request.key, this.#timers.now());
    }
    this.#pump();
  }

  async #runStream(): Promise<void> {
    const signal = this.#stop.signal;
    let failures = 0;
    while (!signal.aborted) {
      let healthy = false;
      let openedAt: number | undefined;
      try {
        if (this.core.needsSnapshot || this.#pagesStale) await this.#resync();
        for await (const item of this.#transport.connect(this.core.cursor, signal)) {
          if (signal.aborted) break;
          if (item.kind === 'open') {
            openedAt = this.#timers.now();
            this.#streamError = undefined;
            this.#connections++;
            this.#setState('live');
            continue;
          }
          if (item.kind === 'reset') {
            if (item.cursor < this.core.cursor) {
              // The server's log is behind this store (restored or recreated): the cursor never moves back, so
              // the stream will keep saying reset. Only a new store (a page reload) recovers; say so loudly.
              this.#logger?.warn('The server\'s log is behind the store\'s cursor; a new store is needed.', { cursor: this.core.cursor, serverCursor: item.cursor });
            }
            this.core.requestSnapshot(); // the next round takes the snapshot, then reconnects from its cursor
            break;
          }
          if (item.kind === 'disconnect') break;
          healthy = true;
          this.#apply(item);
        }
      } catch (error) {
        if (signal.aborted) return;
        this.#streamError = error;
        this.#logger?.warn('The event stream failed; reconnecting from the cursor.', { transport: this.#transport.name, failures: failures + 1, ...describe(error) });
      }
      if (signal.aborted) return;
      if (openedAt !== undefined && this.#timers.now() - openedAt >= this.#stableAfterMs) healthy = true;
      failures = healthy ? 0 : failures + 1;
      this.#setState('reconnecting');
      await sleep(this.#timers, this.#reconnectDelay(failures), signal);
    }
  }

  /**
   * Each item in its own try/catch (Zulip's server_events): an item the store fails on is reported and
   * skipped, its seq counted, so one bad event never stops the stream nor is re-read forever.
   */
  #apply(item: Extract<StreamItem, { kind: 'event' | 'cursor' | 'signal' }>): void {
    try {
      if (item.kind === 'event') this.core.applyEvent(item.event);
      else if (item.kind === 'cursor') this.core.advanceCursor(item.cursor);
      else this.#signal(item.signal);
    } catch (error) {
      this.#report(error);
      if (item.kind === 'event') {
        this.#logger?.warn('Skipped an event the store failed on; its seq counts.', { seq: item.event.seq, type: item.event.type });
        this.core.advanceCursor(item.event.seq);
      }
    }
  }

  /** The schedule is data: no wait after a healthy connection, then the delays in turn, the last repeating, plus jitter. */
  #reconnectDelay(failures: number): number {
    const delays = this.#reconnectDelaysMs;
    if (failures === 0 || delays.length === 0) return 0;
    const base = delays[Math.min(failures, delays.length) - 1] ?? 0;
    // Jitter keeps a restarted server from being hit by every client at the same instant.
    return base + base * this.#reconnectJitter * this.#random();
  }

  /** After a reset (or a failed one): a fresh snapshot and fresh pages of the watched conversations; pending work stays. */
  async #resync(): Promise<void> {
    // Until every watched page is in again, a failed round repeats the whole resync: the events the reset
    // skipped are in the pages, nowhere else.
    this.#pagesStale = true;
    this.core.requestSnapshot();
    await this.#loadSnapshot();
    for (const id of [...this.#watched]) await this.#loadMessages(id);
    this.#pagesStale = false;
  }

  async #loadSnapshot(): Promise<void> {
    const snapshot = await this.#api.getSnapshot({ signal: this.#stop.signal, timeoutMs: this.#requestTimeoutMs });
    this.#inboxes = snapshot.inboxes;
    this.core.loadSnapshot(snapshot);
  }

  async #loadMessages(conversationId: number): Promise<void> {
    const page = await this.#api.getMessages(conversationId, { limit: this.#messagePageSize }, { signal: this.#stop.signal, timeoutMs: this.#requestTimeoutMs });
    this.core.loadMessages(conversationId, page.items);
  }

  #signal(signal: Signal): void {
    for (const listener of [...this.#signalListeners]) {
      try {
        listener(signal);
      } catch (error) {
        this.#report(error);
      }
    }
  }

  #noticeMeanwhile(request: OutgoingRequest, body: unknown): void {
    if (typeof body !== 'object' || body === null || (body as Record<string, unknown>)['customerWroteMeanwhile'] !== true) return;
    const match = /^\/api\/v1\/conversations\/(\d+)\/messages$/.exec(request.path);
    if (match === null) return;
    const notice: CustomerWroteMeanwhile = Object.freeze({ conversationId: Number(match[1]), clientMessageId: request.key });
    for (const listener of [...this.#meanwhileListeners]) {
      try {
        listener(notice);
      } catch (error) {
        this.#report(error);
      }
    }
  }

  #report(error: unknown): void {
    (this.#reportError ?? platformReportError)(error);
  }

  #setState(state: ConnectionState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.#changed();
  }

  #changed(): void {
    this.#revision++;
    this.#listeners.notify();
  }
}

/** What a log may say about an error: its kind, status and code, never a message that could hold user text. */
function describe(error: unknown): Record<string, string | number | null> {
  if (error instanceof HttpError) return { error: error.name, status: error.status, code: error.code };
  if (error instanceof TransportError) return { error: error.name, timedOut: error.timedOut ? 1 : 0 };
  return { error: error instanceof Error ? error.name : typeof error };
}
