import type { BaseApiClient as ApiClient } from './api/apiClient.js';
import type { Inbox } from './api/apiContracts.js';
import type { EventStreamTransport } from './streaming/streamItem.js';
import type { Listeners } from './sync/listeners.js';
import type { LiveStoreCore } from './sync/liveStoreCore.js';
import type { OrdinalRange, PageRequest } from './sync/history.js';
import type { Transcript } from './sync/view.js';
import { sleep, type Timers } from './timers.js';
import type { Csat } from './csat/csat.js';
import { newId } from './sync/ids.js';
import { isRetryableError, RetryPolicy } from './sync/retryPolicy.js';

/**
 * The stream's state, for a connection indicator: `live`, `reconnecting`, or `offline` (the device has no network,
 * as the browser says, and before start and after stop). Local actions work in every state.
 */
export type ConnectionState = 'live' | 'reconnecting' | 'offline';

/**
 * The lifecycle of a live store: start (snapshot first), stop, the connection state, and the loading of
 * snapshots and watched conversations (again after a reset). {@link LiveStore} adds the writes and the stream.
 */
export abstract class LiveStoreBase {
  /** The sans-I/O store underneath (for reads the shell does not forward). */
  readonly core: LiveStoreCore;
  readonly #stop = new AbortController();
  readonly #watched = new Set<number>();
  readonly #readUpTo = new Map<number, number>();
  #phase: 'new' | 'starting' | 'running' | 'stopped' = 'new';
  #state: ConnectionState = 'offline';
  #connections = 0;
  #revision = 0;
  #inboxes: readonly Inbox[] = [];
  #loop: Promise<void> | undefined;
  #streamError: unknown;
  #pagesStale = false;
  #snapshotLoaded: () => void = () => {};
  /** Settles once `start` has applied its snapshot. */
  readonly #firstSnapshot = new Promise<void>((resolve) => { this.#snapshotLoaded = resolve; });
  readonly #older = new Map<number, Promise<boolean>>();
  readonly #olderFailed = new Set<number>();
  #notifyScheduled = false;

  protected constructor(
    protected readonly api: ApiClient,
    core: LiveStoreCore,
    readonly transport: EventStreamTransport,
    protected readonly timers: Timers,
    protected readonly requestTimeoutMs: number,
    private readonly messagePageSize: number,
    private readonly listeners: Listeners,
    private readonly scheduleNotify: (flush: () => void) => void,
  ) {
    this.core = core;
    core.setConnected(false, timers.now()); // until the stream opens, writes that run out of retries wait
    core.subscribe(() => this.#changed());
  }

  /** Starts the stream and the write pump (the snapshot is in). */
  protected abstract run(): Promise<void>;

  /** Stops what {@link run} started. */
  protected abstract halt(): void;

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
    this.#snapshotLoaded();
    if (this.#phase !== 'starting') return; // stopped meanwhile
    this.#phase = 'running';
    this.setState('reconnecting');
    this.#loop = this.run();
  }

  /** Stops the stream and the write pump, and cancels what is in flight. Final: pending writes are not sent after this. */
  async stop(): Promise<void> {
    if (this.#phase === 'stopped') return;
    this.#phase = 'stopped';
    this.#stop.abort();
    this.#snapshotLoaded(); // a watch waiting for it goes on, and fails on the aborted call
    this.halt();
    await this.#loop;
    this.setState('offline');
  }

  /**
   * Loads the page that extends the conversation's {@link transcript} backwards: exactly the gap below its newest
   * range (`before`/`after` ordinals), one request at a time per conversation. Resolves true when a page was merged,
   * false when there is nothing older or the page was asked for before a reset (the resync reloads); rejects with
   * HttpError or TransportError (call again to retry; {@link olderFailed} says so meanwhile).
   */
  loadOlder(conversationId: number, limit = 100): Promise<boolean> {
    const running = this.#older.get(conversationId);
    if (running !== undefined) return running;
    const request = this.core.nextPage(conversationId);
    if (request === null) return Promise.resolve(false);
    const done = this.#loadPage(request, limit).then((merged) => {
      this.#olderFailed.delete(conversationId);
      return merged;
    }, (error: unknown) => {
      this.#olderFailed.add(conversationId);
      throw error;
    }).finally(() => {
      this.#older.delete(conversationId);
      this.#changed();
    });
    this.#older.set(conversationId, done);
    this.#changed();
    return done;
  }

  /** True while {@link loadOlder} fetches a page of this conversation. */
  loadingOlder(conversationId: number): boolean { return this.#older.has(conversationId); }

  /** True when the last {@link loadOlder} of this conversation failed (the next one tries again). */
  olderFailed(conversationId: number): boolean { return this.#olderFailed.has(conversationId); }

  /** What a view shows of a conversation: its newest contiguous range, in order, never with a hole (see the core). */
  transcript(conversationId: number): Transcript { return this.core.transcript(conversationId); }

  /** The ranges of ordinals held contiguously, oldest first (the last ends at Infinity while live). */
  historyRanges(conversationId: number): readonly OrdinalRange[] { return this.core.historyRanges(conversationId); }

  /** Loads the newest messages of a conversation and keeps them current (reloaded after a reset). */
  async watchConversation(conversationId: number): Promise<void> {
    this.#watched.add(conversationId);
    // A page read before the first snapshot is applied would be dropped by it (pages belong to the log they were read
    // from): a conversation opened by its address before or while the store starts waits for the snapshot.
    if (this.#phase === 'new' || this.#phase === 'starting') await this.#firstSnapshot;
    await this.#loadMessages(conversationId);
  }

  /** Stops reloading a conversation's messages after resets (what was loaded stays). */
  unwatchConversation(conversationId: number): void {
    this.#watched.delete(conversationId);
  }

  /**
   * Tells the server this side has read a conversation up to its newest message (`POST .../receipts`, status
   * `read`). Resolves false when there was nothing new to mark; rejects with HttpError or TransportError (the
   * next call tries again). The effect (unread count, statuses) arrives on the stream, like every change.
   */
  async markRead(conversationId: number): Promise<boolean> {
    let newest: number | undefined;
    for (const m of this.core.transcript(conversationId).messages) if (m.id !== null && (newest === undefined || m.id > newest)) newest = m.id;
    if (newest === undefined || (this.#readUpTo.get(conversationId) ?? 0) >= newest) return false;
    await this.api.postReceipt(conversationId, 'read', newest, this.#call());
    this.#readUpTo.set(conversationId, Math.max(this.#readUpTo.get(conversationId) ?? 0, newest));
    return true;
  }

  /**
   * The visitor rates their conversation's rating request `requestId` (1–5, optional comment). One `mutationId` for every
   * attempt: a lost answer or a 5xx is retried on the write schedule and never rates twice. Rejects with HttpError on a
   * refusal (409 `csat_closed` once the window has passed) or after the last retry. The team sees it by `csat.updated`.
   */
  async rateConversation(conversationId: number, requestId: number, rating: number, comment?: string): Promise<Csat> {
    const body = { mutationId: newId(), requestId, rating, comment: comment ?? null };
    for (let retry = 1; ; retry++) {
      try {
        return (await this.api.submitCsat(conversationId, body, this.#call())).csat;
      } catch (error) {
        const wait = isRetryableError(error) ? RetryPolicy.default.delayBefore(retry, Math.random) : undefined;
        if (wait === undefined) throw error;
        await sleep(this.timers, wait, this.#stop.signal);
      }
    }
  }

  /** Calls `listener` after every change of the view or of the connection state; returns the function that stops it. */
  readonly subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  /** `live` while events arrive, `reconnecting` while (re)connecting, `offline` while the device has no network, before start and after stop. */
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
  get transportName(): string { return this.transport.name; }

  /** Grows on every change: a cheap snapshot for `useSyncExternalStore` and the like. */
  get revision(): number { return this.#revision; }

  protected get loadedInboxes(): readonly Inbox[] { return this.#inboxes; }

  protected get stopSignal(): AbortSignal { return this.#stop.signal; }

  protected get needsResync(): boolean { return this.core.needsSnapshot || this.#pagesStale; }

  protected opened(): void {
    this.#streamError = undefined;
    this.#connections++;
    this.setState('live');
  }

  protected failed(error: unknown): void {
    this.#streamError = error;
  }

  /** After a reset (or a failed one): a fresh snapshot and fresh pages of the watched conversations; pending work stays. */
  protected async resync(): Promise<void> {
    // Until every watched page is in again, a failed round repeats the whole resync: the events the reset
    // skipped are in the pages, nowhere else.
    this.#pagesStale = true;
    this.core.requestSnapshot();
    await this.#loadSnapshot();
    for (const id of [...this.#watched]) await this.#loadMessages(id);
    this.#pagesStale = false;
  }

  protected setState(state: ConnectionState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.core.setConnected(state === 'live', this.timers.now());
    // Rare and meaningful on its own (an indicator, a test waiting for it): heard at once, not batched.
    this.#revision++;
    this.listeners.notify();
  }

  #call(): { signal: AbortSignal; timeoutMs: number } {
    return { signal: this.#stop.signal, timeoutMs: this.requestTimeoutMs };
  }

  async #loadSnapshot(): Promise<void> {
    const snapshot = await this.api.getSnapshot(this.#call());
    this.#inboxes = snapshot.inboxes;
    this.core.loadSnapshot(snapshot);
  }

  async #loadMessages(conversationId: number): Promise<void> {
    await this.#loadPage(this.core.newestPage(conversationId), this.messagePageSize);
  }

  async #loadPage(request: PageRequest, limit: number): Promise<boolean> {
    const { before, after } = request;
    const page = await this.api.getMessages(request.conversationId, { ...(before === null ? {} : { before }), ...(after === null ? {} : { after }), limit }, this.#call());
    return this.core.loadPage(request, page);
  }

  // Listeners hear once per batch (by default once per task: a flood of status events read from one network chunk
  // is one render), while the revision moves at once for readers that poll it.
  #changed(): void {
    this.#revision++;
    if (this.#notifyScheduled) return;
    this.#notifyScheduled = true;
    this.scheduleNotify(() => {
      this.#notifyScheduled = false;
      this.listeners.notify();
    });
  }
}
