import type { BaseApiClient as ApiClient } from './api/apiClient.js';
import type { Inbox } from './api/apiContracts.js';
import type { CannedReply } from './cannedReplies/cannedReply.js';
import type { Csat } from './csat/csat.js';
import { StreamControl } from './live/streamControl.js';
import { runStreamLoop, type StreamLoopHost } from './live/streamLoop.js';
import { WritePump } from './live/writePump.js';
import { SignalsStore, type Actor } from './signals/signalsStore.js';
import { TypingSender } from './signals/typingSender.js';
import { FallbackTransport } from './streaming/fallbackTransport.js';
import { PollTransport } from './streaming/pollTransport.js';
import { SseTransport } from './streaming/sseTransport.js';
import type { EventStreamTransport, Signal } from './streaming/streamItem.js';
import { readConversationId } from './sync/answers.js';
import type { ConversationPatch } from './sync/conversationPatch.js';
import { Emitter, Listeners, platformReportError } from './sync/listeners.js';
import { LiveStoreCore, type LiveStoreLogger, type SendMessageOptions } from './sync/liveStoreCore.js';
import type { Label } from './sync/labelModels.js';
import type { Conversation, Member } from './sync/models.js';
import type { OutgoingRequest } from './sync/pending.js';
import { RetryPolicy } from './sync/retryPolicy.js';
import type { StoreError } from './sync/storeError.js';
import type { MessageView, Transcript } from './sync/view.js';
import { systemTimers, type Timers } from './timers.js';
import type { AttachmentLink } from './attachments/attachment.js';
import type { TeamParts } from './team/teamParts.js';
import { LiveStoreBase, type ConnectionState } from './liveStoreBase.js';

/** The answer to a sent message said the customer wrote meanwhile (`customerWroteMeanwhile`). */
export interface CustomerWroteMeanwhile {
  readonly conversationId: number;
  readonly clientMessageId: string;
}

export interface LiveStoreShellOptions {
  readonly api: ApiClient;
  /** Default: SSE, falling back to long-poll after three failures to connect. */
  readonly transport?: EventStreamTransport;
  /** Default: the API client's timers. */
  readonly timers?: Timers;
  /** A number in [0, 1) for jitter; default `Math.random`. */
  readonly random?: () => number;
  /** Retries of writes (transport failures and `isRetryable` statuses); default `RetryPolicy.default`. */
  readonly writeRetry?: RetryPolicy;
  /** Reconnect delays of the stream, the last repeating for as long as it takes; default `RetryPolicy.reconnect`. */
  readonly reconnect?: RetryPolicy;
  /**
   * Where `online` and `offline` events come from: offline drops the connection and says `offline`; online reconnects
   * at once. Default: the global object when it has such events (a browser); null for none.
   */
  readonly network?: EventTarget | null;
  /**
   * A connection that delivered something, or stayed open this long, was healthy: the next reconnect starts
   * the schedule from its beginning. One that opened and closed at once counts as a failure. Default 10 s.
   */
  readonly stableAfterMs?: number;
  /** A write, snapshot or page without an answer after this long is a transport failure. Default 10 s. */
  readonly requestTimeoutMs?: number;
  /** Messages loaded when a conversation is watched; default 200. */
  readonly messagePageSize?: number;
  /** This side's own actor in signals (its typing comes back on the stream and is not shown). Default: none. */
  readonly isSelf?: (actor: Actor) => boolean;
  /** Hears what was skipped or failed: ids, types, statuses and codes, never message text. */
  readonly logger?: LiveStoreLogger;
  /** Hears an error a listener threw. */
  readonly reportError?: (error: unknown) => void;
  /**
   * When listeners hear of changes: `flush` runs once for every batch of changes. Default: once per task (a
   * MessageChannel message, which background tabs do not throttle), so a flood of events is one render.
   * Pass `(flush) => flush()` to hear every change at once.
   */
  readonly scheduleNotify?: (flush: () => void) => void;
  /** Events the core does not keep, such as `contact.*` for a `ContactSet`; see `LiveStoreOptions.applyOther`. */
  readonly applyOther?: (type: string, data: unknown) => boolean;
  /** The team-only parts (labels, canned replies, team changes). Default: `api.teamParts()`, which the team's `ApiClient` gives. */
  readonly team?: TeamParts;
}

/** Once per task: after every microtask of the current one (all events of one network chunk) has run. */
export function nextTask(flush: () => void): void {
  if (typeof MessageChannel === 'undefined') { globalThis.setTimeout(flush, 0); return; }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { channel.port1.close(); flush(); };
  channel.port2.postMessage(null);
}

/**
 * The live store a UI binds to: {@link LiveStoreCore} driven by the REST API and a resumable event stream
 * (the TypeScript twin of the .NET `LiveStore`). Local actions show at once; writes (messages, conversation
 * changes, claims) go one at a time per target and are retried with the same id; the stream reconnects from
 * the cursor on the retry schedule. It also owns the live-only state: signals ({@link signals}) and this
 * side's typing ({@link typing}, sent over HTTP). Nothing here blocks on the network.
 */
export class LiveStore extends LiveStoreBase {
  /** Typing, bot thinking and streamed bot replies by conversation; expires by itself. */
  readonly signals: SignalsStore;
  /** This side's typing: feed it the composer's input; it sends `start`/`stop` by the one typing policy. */
  readonly typing: TypingSender;
  readonly #pump: WritePump;
  readonly #signalListeners: Emitter<Signal>;
  readonly #meanwhile: Emitter<CustomerWroteMeanwhile>;
  readonly #claims = new Map<string, (conversationId: number | null) => void>();
  readonly #isSelf: (actor: Actor) => boolean;
  readonly #loop: StreamLoopHost;
  readonly #settled = new Map<number, { transcript: Transcript; botActive: boolean | undefined }>();
  readonly #control = new StreamControl();
  readonly #network: EventTarget | null;
  readonly #links = new Map<string, { readonly link: Promise<AttachmentLink>; until: number }>();
  #networkDown = false;

  constructor(options: LiveStoreShellOptions) {
    const timers = options.timers ?? options.api.timers ?? systemTimers;
    const random = options.random ?? Math.random;
    const logger = options.logger;
    const team = options.team ?? options.api.teamParts();
    const core = new LiveStoreCore({
      random,
      ...(options.writeRetry === undefined ? {} : { retryPolicy: options.writeRetry }),
      ...(logger === undefined ? {} : { logger }),
      ...(options.reportError === undefined ? {} : { reportError: options.reportError }),
      ...(options.applyOther === undefined ? {} : { applyOther: options.applyOther }),
      ...(team === undefined ? {} : { team }),
    });
    const transport = options.transport
      ?? new FallbackTransport(new SseTransport(options.api, { logger }), new PollTransport(options.api, { logger }), { logger });
    super(options.api, core, transport, timers, options.requestTimeoutMs ?? 10_000, options.messagePageSize ?? 200, new Listeners(options.reportError),
      options.scheduleNotify ?? nextTask);
    const report = options.reportError ?? platformReportError;
    this.#signalListeners = new Emitter(report);
    this.#meanwhile = new Emitter(report);
    this.#isSelf = options.isSelf ?? (() => false);
    this.signals = new SignalsStore(timers);
    this.typing = new TypingSender((conversationId, state) => {
      // Typing is advisory: one that cannot be sent is dropped, and the next keystroke sends again.
      void this.api.sendTyping(conversationId, state, { signal: this.stopSignal, timeoutMs: this.requestTimeoutMs }).catch(() => {});
    }, { timers });
    this.#pump = new WritePump({
      api: options.api, core, timers, stop: this.stopSignal, requestTimeoutMs: this.requestTimeoutMs, logger,
      onAcknowledged: (request, body) => this.#acknowledged(request, body),
      onReachable: () => { if (this.state !== 'live') this.#control.wake(); },
    });
    this.#network = options.network !== undefined ? options.network : platformNetwork();
    this.core.subscribe(() => this.#settle());
    this.#loop = {
      core, transport, timers, random, logger,
      reconnect: options.reconnect ?? RetryPolicy.reconnect,
      control: this.#control,
      stableAfterMs: options.stableAfterMs ?? 10_000,
      needsResync: () => this.needsResync,
      resync: () => this.resync(),
      opened: () => {
        this.#networkDown = false;
        this.opened();
        this.#pump.pump(); // writes that waited for the connection go now
      },
      failed: (error) => this.failed(error),
      reconnecting: () => this.setState(this.#networkDown ? 'offline' : 'reconnecting'),
      signal: (signal) => this.#signal(signal),
      report,
    };
  }

  protected override run(): Promise<void> {
    this.#network?.addEventListener('offline', this.#onOffline);
    this.#network?.addEventListener('online', this.#onOnline);
    this.#pump.start();
    return runStreamLoop(this.#loop, this.stopSignal);
  }

  protected override halt(): void {
    this.#network?.removeEventListener('offline', this.#onOffline);
    this.#network?.removeEventListener('online', this.#onOnline);
    this.#pump.stop();
    this.typing.stop();
    for (const resolve of this.#claims.values()) resolve(null);
    this.#claims.clear();
  }

  /**
   * Drops a message not posted yet (its files uploading, or failed) and aborts its uploads; false when there is none
   * or its POST is already out.
   */
  cancelMessage(clientMessageId: string): boolean {
    const uploads = this.core.uploadKeys(clientMessageId);
    if (!this.core.cancelMessage(clientMessageId)) return false;
    this.#pump.abort(uploads);
    return true;
  }

  /**
   * A signed link to an attachment (`url`, `thumbnailUrl`, relative to the server), from a cache until one minute before
   * it expires. Rejects with HttpError (404 when the caller may not see it) or TransportError; a failure is not cached.
   */
  attachmentLink(conversationId: number, attachmentId: number): Promise<AttachmentLink> {
    const key = `${conversationId}/${attachmentId}`;
    const cached = this.#links.get(key);
    if (cached !== undefined && this.timers.now() < cached.until) return cached.link;
    const entry = { link: this.api.getAttachmentLink(conversationId, attachmentId, { signal: this.stopSignal, timeoutMs: this.requestTimeoutMs }), until: Infinity };
    this.#links.set(key, entry);
    // Kept until a minute before expiry, so a link handed out is always usable for a while.
    entry.link.then((l) => { entry.until = Date.parse(l.expiresAt) - 60_000; }, () => { if (this.#links.get(key) === entry) this.#links.delete(key); });
    return entry.link;
  }

  /** Sends a message optimistically (it shows at once as `sending`, its `files` as `uploading`); returns its clientMessageId. */
  sendMessage(conversationId: number, text: string, options?: SendMessageOptions): string {
    return this.#then(this.core.sendMessage(conversationId, text, options));
  }

  /** Changes a conversation optimistically (bot switch, resolve, assignee); returns its mutationId. */
  updateConversation(conversationId: number, patch: ConversationPatch, mutationId?: string): string {
    return this.#then(this.core.updateConversation(conversationId, patch, mutationId));
  }

  /**
   * Claims a conversation for `claimerId` (or the longest waiting one, for null), shown at once as theirs.
   * Resolves to the claimed conversation's id once the server took it (its answer or its event, whichever comes
   * first: a lost answer after the event does not matter), or null when it refused (the refusal is
   * in {@link errors}), the retries ran out, or the store stopped.
   */
  claim(conversationId: number | null, claimerId: number): Promise<number | null> {
    const key = this.core.claim(conversationId, claimerId);
    const done = new Promise<number | null>((resolve) => this.#claims.set(key, resolve));
    this.#then(key);
    return done;
  }

  /** True while a claim of this conversation (or an unanswered "claim next", for null) is on its way. */
  isClaiming(conversationId: number | null): boolean { return this.core.isClaiming(conversationId); }

  /** Sends a failed message again with the same clientMessageId. */
  retryMessage(clientMessageId: string): boolean {
    const retried = this.core.retryMessage(clientMessageId);
    if (retried) this.#pump.pump();
    return retried;
  }

  /** Calls `listener` for every ephemeral signal (typing, presence, bot.thinking); returns the function that stops it. */
  onSignal(listener: (signal: Signal) => void): () => void { return this.#signalListeners.add(listener); }

  /**
   * Calls `listener` when the answer to a sent message says the customer wrote after the cursor the message was
   * sent with (`customerWroteMeanwhile`: the operator stays assigned); returns the function that stops it.
   */
  onCustomerWroteMeanwhile(listener: (notice: CustomerWroteMeanwhile) => void): () => void { return this.#meanwhile.add(listener); }

  get conversations(): Conversation[] { return this.core.conversations; }
  get members(): Member[] { return this.core.members; }

  /** The workspace's labels, by name, kept live by `label.updated` and `label.deleted` (team only). */
  get labels(): Label[] { return this.core.labels; }
  /** The canned replies the caller may use, by short code, live (`canned_reply.*` events). */
  get cannedReplies(): readonly CannedReply[] { return this.core.cannedReplies; }
  /** A conversation's newest rating request (CSAT) and its rating, live (`csat.updated`). */
  csat(conversationId: number): Csat | undefined { return this.core.csat(conversationId); }
  /** The inboxes of the last snapshot. */
  get inboxes(): readonly Inbox[] { return this.loadedInboxes; }
  getConversation(id: number): Conversation | undefined { return this.core.getConversation(id); }
  getMessages(conversationId: number): MessageView[] { return this.core.getMessages(conversationId); }
  get cursor(): number { return this.core.cursor; }
  /** Grows with every team change the stream delivers (admins'; an operator's stream resets instead): reload `api.teams.list()` on it. */
  get teamsRevision(): number { return this.core.teamsRevision; }
  get pendingCount(): number { return this.core.pendingCount; }
  /** Writes refused (4xx) or given up, oldest first; a refused message carries its text for a draft. */
  get errors(): readonly StoreError[] { return this.core.errors; }

  readonly #onOffline = (): void => {
    this.#networkDown = true;
    this.setState('offline');
    this.#control.drop();
  };

  readonly #onOnline = (): void => {
    this.#networkDown = false;
    if (this.state === 'offline') this.setState('reconnecting');
    this.#control.wake();
  };

  #then(key: string): string {
    this.#pump.pump();
    return key;
  }

  #acknowledged(request: OutgoingRequest, body: unknown): void {
    this.#claims.get(request.key)?.(readConversationId(body) ?? null);
    this.#claims.delete(request.key);
    if (request.method !== 'POST' || typeof body !== 'object' || body === null || (body as Record<string, unknown>)['customerWroteMeanwhile'] !== true) return;
    const match = /^\/api\/v1\/conversations\/(\d+)\/messages$/.exec(request.path);
    if (match !== null) this.#meanwhile.emit(Object.freeze({ conversationId: Number(match[1]), clientMessageId: request.key }));
  }

  #signal(signal: Signal): void {
    this.signals.apply(signal, this.timers.now(), { isSelf: this.#isSelf, name: (actor, id) => this.#nameOf(actor, id) });
    // A piece that arrives after its final message is settled at once, not left to expire.
    if (signal.conversationId !== null) this.#settleSignals(signal.conversationId, true);
    this.#signalListeners.emit(signal);
  }

  // What the stream confirmed settles the live-only state too: claims the confirmed state includes resolve (even
  // when their answer is lost after the event), refused claims resolve to null, final messages replace drafts.
  #settle(): void {
    for (const error of this.core.errors) {
      const resolve = this.#claims.get(error.key);
      if (resolve === undefined) continue;
      this.#claims.delete(error.key);
      resolve(null);
    }
    for (const [key, resolve] of this.#claims) {
      const claim = this.core.claimState(key);
      if (claim.state !== 'confirmed') continue;
      this.#claims.delete(key);
      resolve(claim.conversationId);
    }
    for (const id of this.signals.conversationIds()) this.#settleSignals(id, false);
  }

  // The durable state settles the drafts: a reply's message replaces its draft, and (the fallback for an end signal
  // missed across a reconnect) the bot being off ends them. Only when the transcript or the bot switch changed: a
  // flood of status events about messages outside the transcript costs nothing here.
  #settleSignals(id: number, always: boolean): void {
    const transcript = this.core.transcript(id);
    const conversation = this.core.getConversation(id);
    const botActive = conversation?.botActive;
    const last = this.#settled.get(id);
    if (!always && transcript.loaded && last !== undefined && last.transcript === transcript && last.botActive === botActive) return;
    this.#settled.set(id, { transcript, botActive });
    this.signals.settleMessages(id, this.core.recentMessages(id), conversation);
  }

  #nameOf(actor: Actor, conversationId: number): string | null {
    if (actor.type === 'contact') return this.core.getConversation(conversationId)?.contact?.name ?? null;
    if (actor.type !== 'member' || actor.id === null) return null;
    return this.core.members.find((m) => m.id === actor.id)?.name
      ?? [...this.core.getMessages(conversationId)].reverse().find((m) => m.server?.senderId === actor.id)?.senderName ?? null;
  }
}

/** The browser's window (or worker scope), which says `online` and `offline`; null elsewhere. */
function platformNetwork(): EventTarget | null {
  const scope = globalThis as { addEventListener?: unknown; navigator?: { onLine?: unknown } };
  return typeof scope.addEventListener === 'function' && typeof scope.navigator?.onLine === 'boolean' ? globalThis as unknown as EventTarget : null;
}

export type { ConnectionState };
