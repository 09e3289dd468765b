import { readCode, readConversationId, readDetail, readMessage, readSeq } from './answers.js';
import type { ConversationPatch } from './conversationPatch.js';
import { newPendingClaim, newPendingMessage, newPendingPatch, targetOf, toRequest, type OutgoingRequest, type PendingMutation } from './pending.js';
import { isRetryable, type RetryPolicy } from './retryPolicy.js';
import type { StoreError } from './storeError.js';
import type { WireFormatError } from './wire.js';

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

  constructor(
    private readonly retry: RetryPolicy,
    private readonly random: () => number,
  ) {}

  /** In creation order. */
  get items(): readonly PendingMutation[] { return this.#items; }

  get errors(): readonly StoreError[] { return this.#errors; }

  addMessage(key: string, conversationId: number, text: string, seenSeq: number | null, isNote: boolean): void {
    this.#items.push(newPendingMessage(key, conversationId, this.#nextOrder++, text, seenSeq, isNote));
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
    return true;
  }

  get nextRetryAt(): number | undefined {
    let next: number | undefined;
    for (const p of this.#items) if (p.state === 'waitingRetry' && (next === undefined || p.retryAt < next)) next = p.retryAt;
    return next;
  }

  /** The earliest retry time after `now` (a due retry blocked behind a write in flight waits for its answer). */
  nextRetryAfter(now: number): number | undefined {
    let next: number | undefined;
    for (const p of this.#items) if (p.state === 'waitingRetry' && p.retryAt > now && (next === undefined || p.retryAt < next)) next = p.retryAt;
    return next;
  }

  takeDue(now: number): OutgoingRequest[] {
    const busy = new Set<string>();
    const due: OutgoingRequest[] = [];
    for (const p of [...this.#items].sort((a, b) => a.order - b.order)) {
      if (p.state === 'acknowledged' || p.state === 'failed') continue;
      const target = targetOf(p);
      if (busy.has(target)) continue;
      busy.add(target);
      if (p.state === 'queued' || (p.state === 'waitingRetry' && p.retryAt <= now)) {
        p.state = 'inFlight';
        p.attempts++;
        due.push(toRequest(p));
      }
    }
    return due;
  }

  answer(key: string, status: number, body: unknown, now: number, onUnreadable: (error: WireFormatError) => void): AnswerOutcome {
    const p = this.#items.find((x) => x.key === key);
    if (p === undefined) return 'ignored'; // already confirmed by the stream
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

  /** A write in flight got no answer: wait for a retry, or give up (a message fails, a patch is dropped). */
  fail(key: string, now: number): boolean {
    const p = this.#items.find((x) => x.key === key && x.state === 'inFlight');
    if (p === undefined) return false;
    const delay = this.retry.delayBefore(p.attempts, this.random);
    if (delay !== undefined) {
      p.state = 'waitingRetry';
      p.retryAt = now + delay;
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
    return p === undefined ? undefined : toRequest(p);
  }

  #drop(p: PendingMutation, code: string, status: number, detail: string | null): void {
    this.#items = this.#items.filter((x) => x !== p);
    this.#errors.push(Object.freeze({
      key: p.key, code, status, detail, conversationId: p.conversationId, text: p.kind === 'message' ? p.text : null,
    }));
  }
}
