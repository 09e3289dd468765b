import { copyPatch, isSnoozePatch, type ConversationPatch } from './conversationPatch.js';
import { readEventData } from './eventData.js';
import { ConversationMessages, pageCoverage, type LoadedPage, type OrdinalRange, type PageRequest } from './history.js';
import { newId } from './ids.js';
import { Listeners } from './listeners.js';
import type { Label } from './labelModels.js';
import type { TeamParts } from '../team/teamParts.js';
import { CsatSet } from '../csat/csatSet.js';
import type { Csat } from '../csat/csat.js';
import type { CannedReply } from '../cannedReplies/cannedReply.js';
import type { Conversation, Member, Message, Snapshot, StreamEvent } from './models.js';
import type { OutgoingRequest, PendingMutation } from './pending.js';
import { PendingQueue } from './pendingQueue.js';
import { RetryPolicy } from './retryPolicy.js';
import type { StoreError } from './storeError.js';
import { byActivity, byId, messageViews, pendingPatchesOf, projectConversation, transcriptOf, type MessageView, type Transcript } from './view.js';
import { WireFormatError } from './wire.js';
import { newPendingUpload } from './pending.js';
import { readAttachmentUpdate } from '../attachments/attachmentUpdate.js';
import type { AttachmentFile } from '../attachments/attachment.js';

/** Where the store reports what it skipped. It logs ids, types and seqs, never message text. */
export interface LiveStoreLogger {
  warn(message: string, fields: Readonly<Record<string, string | number | null>>): void;
}

export interface LiveStoreOptions {
  /** Delays before retries of a write; `RetryPolicy.default` when absent. */
  readonly retryPolicy?: RetryPolicy;
  /** A number in [0, 1) for the retry jitter; `Math.random` when absent. */
  readonly random?: () => number;
  readonly logger?: LiveStoreLogger;
  /** Hears an error a listener threw. Default: the platform's `reportError`, else an asynchronous rethrow. */
  readonly reportError?: (error: unknown) => void;
  /**
   * Applies the data of event types the core does not keep (the dashboard's contacts: `contact.*`); true when it took
   * the event. Throws WireFormatError on bad data, which skips the event like any other. Kept out of the core so the
   * widget's bundle does not carry what only the team uses.
   */
  readonly applyOther?: (type: string, data: unknown) => boolean;
  /** The team-only state (labels, canned replies, team changes); without it the store keeps none of them (the widget). */
  readonly team?: TeamParts;
}

export interface SendMessageOptions {
  /** The idempotency id; a new one when absent. */
  readonly clientMessageId?: string;
  /** An internal note (team only). */
  readonly isNote?: boolean;
  /** Send the current cursor as `seenSeq` (operators: detects a customer writing meanwhile). Default true. */
  readonly sendSeenSeq?: boolean;
  /**
   * Reply in a conversation a colleague owns (members only): without it the server refuses with 409
   * `conversation_owned_by_other`. The colleague stays the owner.
   */
  readonly replyAnyway?: boolean;
  /**
   * Files to send with it: each is uploaded first (its own clientAttachmentId, retried like any write), and the
   * message is posted with their ids once all are stored. It shows at once with them `uploading`.
   */
  readonly files?: readonly AttachmentFile[];
}

/**
 * The optimistic live store without any I/O (DESIGN §1): `view = confirmed state + pending mutations
 * re-applied in order`. The caller feeds it snapshots, stream events, answers and the time (epoch ms), and
 * sends what {@link takeDueRequests} returns. The .NET SDK's `LiveStoreCore` implements the same algorithm;
 * both pass the JSON vectors in `spec/sync`. Inputs are typed: parse wire JSON with `parseSnapshot`,
 * `parseStreamEvent` and `parseMessage` first. Answer bodies may be raw JSON.
 */
/** Where a claim is (see {@link LiveStoreCore.claimState}). */
export type ClaimState =
  | { readonly state: 'pending' }
  | { readonly state: 'claimed' | 'confirmed'; readonly conversationId: number }
  | { readonly state: 'gone' };

export class LiveStoreCore {
  readonly #conversations = new Map<number, Conversation>();
  readonly #messages = new Map<number, ConversationMessages>();
  readonly #transcripts = new Map<number, Transcript>();
  readonly #members = new Map<number, Member>();
  readonly #team: TeamParts | undefined;
  readonly #csat = new CsatSet();
  readonly #pending: PendingQueue;
  readonly #confirmedClaims = new Map<string, number>();
  readonly #listeners: Listeners;
  readonly #logger: LiveStoreLogger | undefined;
  readonly #applyOther: ((type: string, data: unknown) => boolean) | undefined;
  #cursor = 0;
  #needsSnapshot = true;
  #revision = 0;
  // Grows at every break of the stream's continuity (a reset, a snapshot that replaces the state): a page asked
  // for in an older epoch may describe a log that no longer exists, or miss what the stream skipped.
  #epoch = 0;
  // Newest pages read ahead of the cursor: their range counts once the stream has caught up with them.
  #ahead: Array<{ readonly request: PageRequest; readonly page: LoadedPage }> = [];

  constructor(options: LiveStoreOptions = {}) {
    this.#pending = new PendingQueue(options.retryPolicy ?? RetryPolicy.default, options.random ?? Math.random);
    this.#listeners = new Listeners(options.reportError);
    this.#logger = options.logger;
    this.#applyOther = options.applyOther;
    this.#team = options.team;
  }

  /** The highest seq applied: every event up to it is part of the confirmed state. */
  get cursor(): number { return this.#cursor; }

  /** True until a snapshot is loaded, and again after the stream said `reset`. */
  get needsSnapshot(): boolean { return this.#needsSnapshot; }

  /** Grows with every `team.updated` / `team.deleted` applied: a screen listing teams (`api.teams.list()`) reloads on it. */
  get teamsRevision(): number { return this.#team?.teamsRevision ?? 0; }

  /** Writes refused by the server or given up, oldest first. */
  get errors(): readonly StoreError[] { return [...this.#pending.errors]; }

  /** Local changes not yet confirmed by the stream. */
  get pendingCount(): number { return this.#pending.items.length; }

  /** When (epoch ms) the next retry is due, if any write waits for one: the shell's next wake-up. */
  get nextRetryAt(): number | undefined { return this.#pending.nextRetryAt; }

  /**
   * The next time after `now` at which {@link takeDueRequests} may have something new without any answer
   * arriving: a shell's timer. (A retry that is due but waits behind a write of the same target in flight is
   * released by that write's answer, so waking for it earlier would only spin.)
   */
  nextRetryAfter(now: number): number | undefined { return this.#pending.nextRetryAfter(now); }

  /** Grows by one on every change of the view: a cheap snapshot for `useSyncExternalStore` and the like. */
  get revision(): number { return this.#revision; }

  /**
   * Calls `listener` after every change of the view; returns the function that stops it. Bound, so it can
   * be passed around as is. A listener that throws stops neither the others nor the store.
   */
  readonly subscribe = (listener: () => void): (() => void) => this.#listeners.add(listener);

  /**
   * Loads a snapshot. While one is needed (the first, or after the stream said `reset`) it is the truth: it
   * replaces the confirmed state and the cursor, even a cursor ahead of it (a server restored from a backup),
   * and messages reload by page. Otherwise it merges by version and the cursor only moves forward. Pending
   * work is kept either way.
   */
  loadSnapshot(snapshot: Snapshot): void {
    const replace = this.#needsSnapshot;
    if (this.#needsSnapshot) {
      this.#conversations.clear();
      this.#members.clear();
      this.#messages.clear();
      this.#transcripts.clear();
      this.#cursor = snapshot.cursor;
      this.#epoch++;
      this.#ahead = [];
    }
    for (const c of snapshot.conversations) this.#upsertConversation(c);
    for (const m of snapshot.members) this.#upsertMember(m);
    this.#team?.loadSnapshot(snapshot, replace);
    this.#csat.load(snapshot.csat ?? [], replace);
    this.#cursor = Math.max(this.#cursor, snapshot.cursor);
    this.#needsSnapshot = false;
    this.#settle();
  }

  /**
   * Merges messages without saying which range they cover (they are kept, but only a page loaded with
   * {@link loadPage} makes a range of the transcript complete). Versions decide, so any order is safe.
   */
  loadMessages(conversationId: number, page: Iterable<Message>): void {
    for (const m of page) this.#upsertMessage(m.conversationId === conversationId ? m : Object.freeze({ ...m, conversationId }));
    this.#settle();
  }

  /**
   * The page that extends what a view shows: the newest page while nothing is held, else exactly the gap below the
   * newest range (`before` its first ordinal, `after` the end of the range below it, if any). Null when the newest
   * range reaches the beginning of the conversation.
   */
  nextPage(conversationId: number): PageRequest | null {
    const gap = this.#messages.get(conversationId)?.ranges.top === undefined ? { before: null, after: null }
      : this.#messages.get(conversationId)?.ranges.gapBelowTop() ?? null;
    return gap === null ? null : Object.freeze({ conversationId, ...gap, epoch: this.#epoch });
  }

  /** The newest page of a conversation (loaded when it is watched, and again after a reset). */
  newestPage(conversationId: number): PageRequest {
    return Object.freeze({ conversationId, before: null, after: null, epoch: this.#epoch });
  }

  /**
   * Merges the answer to a page request and marks the range it covers as held. A page asked for before a reset
   * is dropped whole (false): the log it was read from may be gone, and the stream did not carry what happened
   * between. Versions decide per message, so a page may overlap what events brought.
   */
  loadPage(request: PageRequest, page: LoadedPage): boolean {
    if (request.epoch !== this.#epoch || this.#needsSnapshot) return false;
    // A newest page read ahead of the stream is held back until the stream has caught up with its read: until then
    // a message created between the cursor and the read may be missing below its oldest item while the page shows
    // what is above it, a hole. (The stream brings the same messages meanwhile; versions decide.)
    if (request.before === null && (page.cursor ?? 0) > this.#cursor) this.#ahead.push({ request, page });
    else this.#mergePage(request, page);
    this.#settle();
    return true;
  }

  /** The ranges of ordinals held contiguously, oldest first; the last one ends at Infinity while it is live. */
  historyRanges(conversationId: number): readonly OrdinalRange[] {
    return this.#messages.get(conversationId)?.ranges.ranges ?? [];
  }

  /**
   * What a view shows of a conversation: the newest contiguous range of its confirmed messages in order, then local
   * ones on their way; never a message outside that range, so a transcript has no hole. The same object until it
   * changes (for React and for cheap comparisons), so a flood of events about messages outside it costs nothing.
   */
  transcript(conversationId: number): Transcript {
    const held = this.#messages.get(conversationId);
    const cached = this.#transcripts.get(conversationId);
    const next = transcriptOf(held, this.#pending.items, conversationId, cached);
    if (next !== cached) this.#transcripts.set(conversationId, next);
    return next;
  }

  /**
   * The newest messages held, for settling signals: the transcript once a page is loaded, else whatever events brought
   * (a conversation never opened has no window, yet a reply's message still ends its draft).
   */
  recentMessages(conversationId: number): readonly MessageView[] {
    const transcript = this.transcript(conversationId);
    return transcript.loaded ? transcript.messages : this.getMessages(conversationId);
  }

  /** Applies a durable event. Events at or below the cursor were applied before and change nothing. */
  applyEvent(e: StreamEvent): void {
    if (e.seq <= this.#cursor) return;
    this.#applyData(e);
    this.#cursor = e.seq;
    const { mutationId } = e;
    if (mutationId !== null) {
      const claim = this.#pending.items.find((p) => p.kind === 'claim' && p.key === mutationId);
      if (claim !== undefined) this.#claimConfirmed(mutationId, e.conversationId ?? claim.conversationId);
      this.#pending.settle((p) => p.kind !== 'message' && p.key === mutationId);
    }
    // A message is settled by its confirmed copy (#settle), never by the event's clientMessageId alone:
    // an event whose data was unreadable must not make the message vanish.
    this.#settle();
  }

  /** The stream moved past events this client may not see: the cursor advances without data. */
  advanceCursor(seq: number): void {
    if (seq <= this.#cursor) return;
    this.#cursor = seq;
    this.#settle();
  }

  /** The stream's cursor is older than retention: the caller must load a fresh snapshot; pending work is kept. */
  requestSnapshot(): void {
    this.#needsSnapshot = true;
    this.#epoch++;
    this.#ahead = [];
    for (const held of this.#messages.values()) held.closeLiveEdge();
    this.#changed();
  }

  /** Adds an optimistic message; it shows at once as `sending`. Returns its `clientMessageId`. */
  sendMessage(conversationId: number, text: string, options: SendMessageOptions = {}): string {
    const key = options.clientMessageId ?? newId();
    const uploads = (options.files ?? []).map((f) => newPendingUpload(f.clientAttachmentId ?? newId(), f.file, f.name));
    this.#pending.addMessage(key, conversationId, text, (options.sendSeenSeq ?? true) ? this.#cursor : null, options.isNote ?? false, options.replyAnyway ?? false, uploads);
    this.#changed();
    return key;
  }

  /**
   * Drops a message that is not posted yet (uploading, waiting, or failed): true when it was dropped. Its uploads in
   * flight are the shell's to abort; a late answer to one is ignored. False once its POST went out (it may be stored).
   */
  cancelMessage(clientMessageId: string): boolean {
    if (!this.#pending.cancelMessage(clientMessageId)) return false;
    this.#changed();
    return true;
  }

  /** The clientAttachmentIds of a pending message's files (the shell aborts them when it is cancelled). */
  uploadKeys(clientMessageId: string): string[] {
    const p = this.#pending.items.find((x) => x.key === clientMessageId);
    return p?.kind === 'message' ? p.uploads.map((u) => u.key) : [];
  }

  /** How much of an upload (key = clientAttachmentId) is sent, 0..1: the view's `progress`. */
  onUploadProgress(clientAttachmentId: string, fraction: number): void {
    if (this.#pending.progress(clientAttachmentId, fraction)) this.#changed();
  }

  /**
   * Adds an optimistic change of a conversation; the view shows it at once. Returns its `mutationId`. A `snooze`
   * change travels on its own endpoint, so it must be the patch's only field.
   */
  updateConversation(conversationId: number, patch: ConversationPatch, mutationId?: string): string {
    if (isSnoozePatch(patch) && Object.keys(patch).length > 1) throw new Error('A snooze change must be sent on its own.');
    const key = mutationId ?? newId();
    this.#pending.addPatch(key, conversationId, copyPatch(patch));
    this.#changed();
    return key;
  }

  /**
   * Adds an optimistic claim of a conversation (or of the longest waiting one, for null) by `claimerId`: the view
   * shows it assigned to them at once. Returns its `mutationId`; a refusal (`conversation_not_queued`,
   * `queue_empty`, `capacity_reached`) lands in {@link errors}. The same id is one claim.
   */
  claim(conversationId: number | null, claimerId: number, mutationId?: string): string {
    const key = mutationId ?? newId();
    this.#pending.addClaim(key, conversationId, claimerId);
    this.#changed();
    return key;
  }

  /**
   * Where a claim is: `pending` (on its way), `claimed` with the conversation the server gave (answered, maybe
   * not yet confirmed by the stream: the caller keeps what it learned), `confirmed` (the confirmed state includes
   * it, whether or not its answer ever came), or `gone` (refused, given up, or confirmed long ago).
   */
  claimState(mutationId: string): ClaimState {
    const p = this.#pending.items.find((x) => x.key === mutationId && x.kind === 'claim');
    if (p === undefined) {
      const confirmed = this.#confirmedClaims.get(mutationId);
      return confirmed === undefined ? { state: 'gone' } : { state: 'confirmed', conversationId: confirmed };
    }
    return p.state === 'acknowledged' && p.conversationId !== 0 ? { state: 'claimed', conversationId: p.conversationId } : { state: 'pending' };
  }

  /** True while a claim of this conversation (or, for null, a "claim next" not yet answered) is on its way. */
  isClaiming(conversationId: number | null): boolean {
    return this.#pending.items.some((p) => p.kind === 'claim'
      && (conversationId === null ? p.requested === null && p.state !== 'acknowledged' : p.conversationId === conversationId));
  }

  /** Sends a failed message again, with the same `clientMessageId`. False when no failed message has that id. */
  retryMessage(clientMessageId: string): boolean {
    if (!this.#pending.retryFailed(clientMessageId)) return false;
    this.#changed();
    return true;
  }

  /**
   * The writes to send now: per target the oldest unconfirmed one, if none of that target is in flight
   * or waiting to retry. They are marked in flight; answer each with `onResponse` or `onTransportFailure`.
   */
  takeDueRequests(now: number): OutgoingRequest[] {
    return this.#pending.takeDue(now);
  }

  /**
   * An answer to a write (`body` is the parsed JSON, or undefined). 2xx records the seq (and for a message
   * the server's message, shown in place); 401, 408, 429 and 5xx retry; any other status drops the change and
   * reports it in {@link errors}. An answer proves "stored", never more: later statuses come from the stream.
   */
  onResponse(key: string, status: number, body: unknown, now: number): void {
    const outcome = this.#pending.answer(key, status, body, now, (error) => this.#skipped('answer', key, error));
    if (outcome === 'acknowledged') this.#settle();
    else if (outcome === 'changed') this.#changed();
  }

  /** A write got no answer (network error, timeout): retry later with the same id, or give up after the budget. */
  onTransportFailure(key: string, now: number): void {
    if (this.#pending.fail(key, now)) this.#changed();
  }

  /**
   * Whether the stream is up (the shell says so; a new core assumes it is). While it is down, writes that run out
   * of retries wait instead of failing; when it is back they, and failed messages, go again at once.
   */
  setConnected(connected: boolean, now: number): void {
    if (this.#pending.setConnected(connected, now)) this.#changed();
  }

  /** Conversations as the UI shows them (pending changes applied), newest activity first. */
  get conversations(): Conversation[] {
    return byActivity([...this.#conversations.values()].map((c) => projectConversation(c, this.#pending.items)));
  }

  /** Members of the workspace, by id. */
  get members(): Member[] { return byId(this.#members.values()); }

  /** The workspace's labels, by name (team only; a visitor's store has none). */
  get labels(): Label[] { return this.#team?.labels ?? []; }
  /** The canned replies the caller may use (the workspace's and their own), by short code; kept current by the stream. */
  get cannedReplies(): readonly CannedReply[] { return this.#team?.cannedReplies ?? []; }
  /** A conversation's newest rating request (CSAT), kept current by `csat.updated`; undefined when it never asked. */
  csat(conversationId: number): Csat | undefined { return this.#csat.of(conversationId); }

  /** One conversation as the UI shows it, or undefined when unknown. */
  getConversation(id: number): Conversation | undefined {
    const c = this.#conversations.get(id);
    return c === undefined ? undefined : projectConversation(c, this.#pending.items);
  }

  /** The confirmed conversation, without pending changes (what the server has said so far). */
  getConfirmedConversation(id: number): Conversation | undefined {
    return this.#conversations.get(id);
  }

  /**
   * Every message held of a conversation, in or outside the loaded ranges: confirmed ones in conversation order,
   * then local ones on their way, in the order written. Views show {@link transcript} instead.
   */
  getMessages(conversationId: number): MessageView[] {
    return messageViews(this.#messages.get(conversationId), this.#pending.items, conversationId);
  }

  /** @internal Pending patches of a conversation in order (property tests: the view must show the latest). */
  pendingPatches(conversationId: number): ConversationPatch[] {
    return pendingPatchesOf(this.#pending.items, conversationId).map((p) => p.patch);
  }

  /** @internal The request a pending write sends (tests answer it from a model server), or undefined when settled. */
  describePending(key: string): OutgoingRequest | undefined {
    return this.#pending.describe(key);
  }

  #applyData(e: StreamEvent): void {
    // One malformed event must not stop the stream nor half-apply: its data is read whole first and skipped
    // as a whole when any part is unreadable; its seq still counts.
    try {
      if (this.#team?.apply(e.type, e.data) || this.#csat.apply(e.type, e.data) || this.#applyOther?.(e.type, e.data)) return;
      // Teams are not the store's (admin screens list them): it only counts their changes, for those screens to reload.
      if (e.type === 'attachment.updated') {
        // A channel download finished or gave up: that attachment changes inside its message; unknown messages are not kept.
        const update = readAttachmentUpdate(e.data);
        this.#messages.get(update.conversationId)?.replaceAttachment(update.messageId, update.attachment);
        return;
      }
      const { member, message, conversation } = readEventData(e);
      if (member !== null) this.#upsertMember(member);
      if (message !== null) this.#upsertMessage(message);
      if (conversation !== null) this.#upsertConversation(conversation);
    } catch (error) {
      if (!(error instanceof WireFormatError)) throw error;
      this.#skipped('event', String(e.seq), error);
    }
  }

  #upsertMember(m: Member): void {
    const known = this.#members.get(m.id);
    if (known === undefined || known.version < m.version) this.#members.set(m.id, m);
  }

  #upsertConversation(c: Conversation): void {
    const known = this.#conversations.get(c.id);
    if (known === undefined || known.version < c.version) this.#conversations.set(c.id, c);
  }

  #upsertMessage(m: Message): void {
    this.#held(m.conversationId).upsert(m);
  }

  #mergePage(request: PageRequest, page: LoadedPage): void {
    const held = this.#held(request.conversationId);
    for (const m of page.items) held.upsert(m.conversationId === request.conversationId ? m : Object.freeze({ ...m, conversationId: request.conversationId }));
    const range = pageCoverage(request, page);
    if (range !== null) held.addRange(range);
  }

  #held(conversationId: number): ConversationMessages {
    let held = this.#messages.get(conversationId);
    if (held === undefined) this.#messages.set(conversationId, held = new ConversationMessages());
    return held;
  }

  /** Drops every pending change the confirmed state now includes, then tells the view. */
  #settle(): void {
    if (this.#ahead.length > 0) {
      const caughtUp = this.#ahead.filter((a) => (a.page.cursor ?? 0) <= this.#cursor);
      this.#ahead = this.#ahead.filter((a) => (a.page.cursor ?? 0) > this.#cursor);
      for (const a of caughtUp) this.#mergePage(a.request, a.page);
    }
    for (const p of this.#pending.items) {
      // The cursor passed the answer's seq, so the message is part of the confirmed state even if its event
      // was never seen (a reset skipped it): keep the answer's copy; versions settle any later change.
      if (p.kind !== 'message' || p.server === null || p.responseSeq === null || p.responseSeq > this.#cursor) continue;
      if (!(this.#messages.get(p.conversationId)?.has(p.key) ?? false)) {
        this.#upsertMessage(p.server.conversationId === p.conversationId ? p.server : Object.freeze({ ...p.server, conversationId: p.conversationId }));
      }
    }
    const confirmed = (p: PendingMutation): boolean => (p.responseSeq !== null && p.responseSeq <= this.#cursor)
      || (p.kind === 'message' && (this.#messages.get(p.conversationId)?.has(p.key) ?? false));
    for (const p of this.#pending.items) if (p.kind === 'claim' && confirmed(p)) this.#claimConfirmed(p.key, p.conversationId);
    this.#pending.settle(confirmed);
    this.#changed();
  }

  // Remembers the last confirmed claims, so a claim whose answer was lost after its event still learns its
  // conversation (claimState). Bounded: only a caller still waiting asks.
  #claimConfirmed(key: string, conversationId: number): void {
    this.#confirmedClaims.set(key, conversationId);
    if (this.#confirmedClaims.size > 100) this.#confirmedClaims.delete(this.#confirmedClaims.keys().next().value as string);
  }

  #skipped(what: 'event' | 'answer', id: string, error: WireFormatError): void {
    this.#logger?.warn(`Skipped unreadable ${what} data.`, { id, path: error.path, expected: error.expected });
  }

  #changed(): void {
    this.#revision++;
    this.#listeners.notify();
  }
}
