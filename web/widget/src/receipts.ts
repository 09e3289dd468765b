import type { ApiClient, MessageView, RetryPolicy } from '@switchboard/client';

/** The SDK's one retry rule and schedule (`isRetryableError`, `RetryPolicy.default`), passed in by the widget. */
export interface ReceiptRetry {
  readonly isRetryable: (error: unknown) => boolean;
  readonly policy: Pick<RetryPolicy, 'delayAfterFailures'>;
}

/**
 * The visitor's delivered and read receipts (`POST .../receipts`): `delivered` as soon as a team message is here,
 * `read` while the panel is open and the page visible. One receipt in flight at a time, each up to the newest team
 * message; the statuses come back on the stream like every change. A failure the SDK's rule calls retryable is
 * tried again on its schedule (the last delay repeating); a refusal is not asked again.
 */
export class Receipts {
  #inFlight = false;
  #delivered = 0;
  #read = 0;
  #failures = 0;
  #retryAt = 0;

  constructor(
    private readonly api: ApiClient,
    private readonly wake: (afterMs: number) => void,
    private readonly retry: ReceiptRetry,
    private readonly random: () => number = Math.random,
  ) {}

  update(conversationId: number, messages: readonly MessageView[], canRead: boolean): void {
    if (this.#inFlight || Date.now() < this.#retryAt) return;
    let newest = 0;
    let undelivered = 0;
    let unread = 0;
    for (const m of messages) {
      if (m.id === null || m.pending || m.senderRole === 'customer') continue;
      newest = Math.max(newest, m.id);
      if (m.status === 'sent') undelivered = Math.max(undelivered, m.id);
      if (m.status !== 'read') unread = Math.max(unread, m.id);
    }
    if (canRead && unread > this.#read) void this.#send(conversationId, 'read', newest);
    else if (undelivered > Math.max(this.#delivered, this.#read)) void this.#send(conversationId, 'delivered', newest);
  }

  async #send(conversationId: number, status: 'delivered' | 'read', upTo: number): Promise<void> {
    this.#inFlight = true;
    try {
      await this.api.postReceipt(conversationId, status, upTo);
      this.#failures = 0;
    } catch (error) {
      if (this.retry.isRetryable(error)) {
        const delay = this.retry.policy.delayAfterFailures(++this.#failures, this.random);
        this.#retryAt = Date.now() + delay;
        this.wake(delay);
        return;
      }
      // Refused: asking again would be refused again; the next newer message asks anew.
    } finally {
      this.#inFlight = false;
    }
    if (status === 'read') this.#read = Math.max(this.#read, upTo);
    this.#delivered = Math.max(this.#delivered, upTo);
    this.wake(0);
  }
}
