import { readCode, readConversationId, readDetail, readMessage, readSeq } from './answers.js';
import type { ConversationPatch } from './conversationPatch.js';
import {
  newPendingClaim, newPendingMessage, newPendingPatch, targetOf, toRequest, toUploadRequest,
  type OutgoingRequest, type PendingMessage, type PendingMutation, type PendingUpload,
} from './pending.js';
import { parseAttachment } from '../attachments/attachment.js';
import { WireFormatError } from './wire.js';
import { isRetryable, type RetryPolicy } from './retryPolicy.js';
import type { StoreError } from './storeError.js';

/** What an answer did to the queue: nothing, acknowledged a write (the store settles), or changed it otherwise. */
export type AnswerOutcome = 'ignored' | 'acknowledged' | 'changed';

/**
 * The writes of the live store on their way to the server (the .NET `LiveStoreCore.Writes.cs`): one in
 * flight per target, retries on the policy's schedule, refusals and give-ups reported as errors. The store
 * owns the confirmed state and decides when a write is confirmed ({@link settle}).
 */
export class PendingQueue {
  #items: PendingMutation[] = [];
  readonly #errors: StoreError[] = [];
  #nextOrder = 0;
  #connected = true;

  constructor(
    private readonly retry: RetryPolicy,
    private readonly random: () => number,
  ) {}

  /** In creation order. */
  get items(): readonly PendingMutation[] { return this.#items; }

  get errors(): readonly StoreError[] { return this.#errors; }

  addMessage(key: string, conversationId: number, text: string, seenSeq: number | null, isNote: boolean, replyAnyway = false, uploads: PendingUpload[] = []): void {
    this.#items.push(newPendingMessage(key, conversationId, this.#nextOrder++, text, seenSeq, isNote, replyAnyway, uploads));
  }

  /**
   * Drops a message never posted (its uploads may be on their way: the shell aborts them); false when there is no
   * such message or its POST went out once (it may be stored even if no answer came: it cannot be taken back).
   */
  cancelMessage(key: string): boolean {
    const p = this.#items.find((x): x is PendingMessage => x.key === key && x.kind === 'message');
    if (p === undefined || p.posted) return false;
    this.#items = this.#items.filter((x) => x !== p);
    return true;
  }

  /** An upload's progress (0..1); true when it changed what the view shows. */
  progress(key: string, fraction: number): boolean {
    const found = this.#upload(key);
    if (found === undefined || found.u.state !== 'inFlight') return false;
    const progress = Math.min(1, Math.max(0, fraction));
    if (progress === found.u.progress) return false;
    found.u.progress = progress;
    found.p.rev++;
    return true;
  }

  addPatch(key: string, conversationId: number, patch: ConversationPatch): void {
    this.#items.push(newPendingPatch(key, conversationId, this.#nextOrder++, patch));
  }

  addClaim(key: string, requested: number | null, claimerId: number): void {
    if (this.#items.some((p) => p.key === key)) return; // the same mutationId is one claim
    this.#items.push(newPendingClaim(key, requested, claimerId, this.#nextOrder++));
  }

  /** Drops the writes `confirmed` says the confirmed state now includes. */
  settle(confirmed: (p: PendingMutation) => boolean): void {
    this.#items = this.#items.filter((p) => !confirmed(p));
  }

  /** Queues a failed message again, with a fresh retry budget. */
  retryFailed(clientMessageId: string): boolean {
    const failed = this.#items.find((p) => p.key === clientMessageId && p.state === 'failed');
    if (failed === undefined) return false;
    failed.state = 'queued';
    failed.attempts = 0;
    if (failed.kind === 'message') {
      // Only what the server has not stored goes again (same clientAttachmentId: a lost answer is replayed, not stored twice).
      failed.error = null;
      for (const u of failed.uploads) if (u.state === 'failed' || u.state === 'waitingRetry') this.#requeue(u, 'queued', 0);
      failed.rev++;
    }
    return true;
  }

  /**
   * The stream went down or came back. While it is down a write that runs out of retries waits (as `waitingRetry`
   * with no time) instead of failing: a lost network is not a refusal. When it is back, every write that waits,
   * and every message that failed, goes again at once with a fresh budget.
   */
  setConnected(connected: boolean, now: number): boolean {
    if (connected === this.#connected) return false;
    this.#connected = connected;
    if (!connected) return false;
    let changed = false;
    for (const p of this.#items) {
      if (p.kind === 'message') {
        for (const u of p.uploads) {
          if (u.state !== 'waitingRetry' && !(u.state === 'failed' && u.error === null)) continue;
          this.#requeue(u, 'waitingRetry', now);
          p.rev++;
          changed = true;
        }
        // A refused upload is not the network's fault: its message waits for the user's retry.
        if (p.error !== null) continue;
      }
      if (p.state !== 'waitingRetry' && p.state !== 'failed') continue;
      p.state = 'waitingRetry';
      p.retryAt = now;
      p.attempts = 0;
      changed = true;
    }
    return changed;
  }

  get nextRetryAt(): number | undefined {
    return this.nextRetryAfter(-Infinity);
  }

  /** The earliest retry time after `now` (a due retry blocked behind a write in flight waits for its answer). */
  nextRetryAfter(now: number): number | undefined {
    let next: number | undefined;
    const consider = (w: { state: string; retryAt: number }): void => {
      if (w.state === 'waitingRetry' && w.retryAt > now && Number.isFinite(w.retryAt) && (next === undefined || w.retryAt < next)) next = w.retryAt;
    };
    for (const p of this.#items) {
      consider(p);
      if (p.kind === 'message' && p.state !== 'failed') p.uploads.forEach(consider);
    }
    return next;
  }

  takeDue(now: number): OutgoingRequest[] {
    const busy = new Set<string>();
    const due: OutgoingRequest[] = [];
    for (const p of [...this.#items].sort((a, b) => a.order - b.order)) {
      if (p.state === 'acknowledged' || p.state === 'failed') continue;
      // A message waiting for its files stays out of its conversation's send order until every file is stored (DESIGN
      // §1 orders writes per target so the last intent wins; messages are not intents that override each other, and
      // the server's ordinals give every viewer the same order). Holding its place would keep every later message
      // of the conversation waiting for a 25 MB upload, or for a refusal's retry; so later messages overtake it, and it
      // is posted (and ordered by the server) once its files are in. Until then the view shows it where it was written.
      if (p.kind === 'message' && p.uploads.some((u) => u.state !== 'done')) {
        for (const u of p.uploads) {
          if (u.state !== 'queued' && !(u.state === 'waitingRetry' && u.retryAt <= now)) continue;
          u.state = 'inFlight';
          u.attempts++;
          u.progress = 0;
          p.rev++;
          due.push(toUploadRequest(p, u));
        }
        continue;
      }
      const target = targetOf(p);
      if (busy.has(target)) continue;
      busy.add(target);
      if (p.state === 'queued' || (p.state === 'waitingRetry' && p.retryAt <= now)) {
        p.state = 'inFlight';
        p.attempts++;
        if (p.kind === 'message') p.posted = true;
        due.push(toRequest(p));
      }
    }
    return due;
  }

  answer(key: string, status: number, body: unknown, now: number, onUnreadable: (error: WireFormatError) => void): AnswerOutcome {
    const p = this.#items.find((x) => x.key === key);
    if (p === undefined) {
      const found = this.#upload(key);
      return found === undefined ? 'ignored' : this.#answerUpload(found.p, found.u, status, body, now, onUnreadable);
    }
    if (status >= 200 && status < 300) {
      if (p.state === 'failed') return 'ignored';
      p.state = 'acknowledged';
      const seq = readSeq(body);
      if (seq !== undefined) p.responseSeq = seq;
      if (p.kind === 'message') p.server = readMessage(body, p.key, onUnreadable) ?? p.server;
      if (p.kind === 'claim') p.conversationId = readConversationId(body) ?? p.conversationId;
      return 'acknowledged';
    }
    if (p.state !== 'inFlight') return 'ignored';
    if (isRetryable(status)) return this.fail(key, now) ? 'changed' : 'ignored';
    this.#drop(p, readCode(body) ?? `http_${status}`, status, readDetail(body));
    return 'changed';
  }

  /** A write in flight got no answer: wait for a retry, or give up while connected (a message fails, a patch is dropped). */
  fail(key: string, now: number): boolean {
    const p = this.#items.find((x) => x.key === key && x.state === 'inFlight');
    if (p === undefined) return this.#failUpload(key, now);
    const at = this.#retryAt(p.attempts, now);
    if (at !== undefined) {
      p.state = 'waitingRetry';
      p.retryAt = at;
    } else if (p.kind === 'message') {
      p.state = 'failed'; // stays visible with a retry action: never silently dropped
    } else {
      this.#drop(p, 'gave_up', 0, 'The change could not reach the server.');
    }
    return true;
  }

  /** The request a pending write sends, for tests. */
  describe(key: string): OutgoingRequest | undefined {
    const p = this.#items.find((x) => x.key === key);
    if (p !== undefined) return toRequest(p);
    const found = this.#upload(key);
    return found === undefined ? undefined : toUploadRequest(found.p, found.u);
  }

  #answerUpload(p: PendingMessage, u: PendingUpload, status: number, body: unknown, now: number, onUnreadable: (error: WireFormatError) => void): AnswerOutcome {
    if (u.state === 'done') return 'ignored';
    if (status >= 200 && status < 300) {
      u.state = 'done';
      u.progress = 1;
      u.error = null;
      try {
        u.server = parseAttachment(body, 'answer');
      } catch (error) {
        if (!(error instanceof WireFormatError)) throw error;
        onUnreadable(error); // stored all the same: the message's POST names it by its clientAttachmentId
      }
      p.rev++;
      return 'changed';
    }
    if (u.state !== 'inFlight') return 'ignored';
    if (isRetryable(status)) return this.#failUpload(u.key, now) ? 'changed' : 'ignored';
    // Refused (too large, type not allowed, empty, bad name, conflict): the message fails with the server's code and waits for the
    // user; it holds no place in the conversation's send order, so later messages go on.
    u.state = 'failed';
    u.error = readCode(body) ?? `http_${status}`;
    p.error = u.error;
    p.state = 'failed';
    p.rev++;
    return 'changed';
  }

  #failUpload(key: string, now: number): boolean {
    const found = this.#upload(key);
    if (found === undefined || found.u.state !== 'inFlight') return false;
    const { p, u } = found;
    const at = this.#retryAt(u.attempts, now);
    if (at !== undefined) {
      u.state = 'waitingRetry';
      u.retryAt = at;
    } else {
      u.state = 'failed';
      if (p.state !== 'failed') p.state = 'failed';
    }
    p.rev++;
    return true;
  }

  /** When a write (or upload) that failed after `attempts` goes again, or undefined when it gives up; offline: Infinity, until setConnected(true). */
  #retryAt(attempts: number, now: number): number | undefined {
    const delay = this.retry.delayBefore(attempts, this.random);
    return delay !== undefined ? now + delay : this.#connected ? undefined : Infinity;
  }

  #requeue(u: PendingUpload, state: 'queued' | 'waitingRetry', at: number): void {
    u.state = state;
    u.retryAt = at;
    u.attempts = 0;
    u.error = null;
  }

  #upload(key: string): { p: PendingMessage; u: PendingUpload } | undefined {
    for (const p of this.#items) {
      if (p.kind !== 'message') continue;
      const u = p.uploads.find((x) => x.key === key);
      if (u !== undefined) return { p, u };
    }
    return undefined;
  }

  #drop(p: PendingMutation, code: string, status: number, detail: string | null): void {
    this.#items = this.#items.filter((x) => x !== p);
    this.#errors.push(Object.freeze({
      key: p.key, code, status, detail, conversationId: p.conversationId, text: p.kind === 'message' ? p.text : null,
    }));
  }
}
