import type { ApiClient, MessageView } from '@switchboard/client';

/**
 * The visitor's delivered and read receipts (`POST .../receipts`): `delivered` as soon as a team message is here,
 * `read` while the panel is open and the page visible. One receipt in flight at a time, each up to the newest team
 * message; the statuses come back on the stream like every change. A failed receipt is tried again a little later.
 */
export class Receipts {
  #inFlight = false;
  #delivered = 0;
  #read = 0;
  #retryAt = 0;

  constructor(private readonly api: ApiClient, private readonly wake: (afterMs: number) => void, private readonly retryMs = 3000) {}

  update(conversationId: number, messages: readonly MessageView[], canRead: boolean): void {
    const now = Date.now();
    if (this.#inFlight || now < this.#retryAt) return;
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
      if (status === 'read') this.#read = Math.max(this.#read, upTo);
      this.#delivered = Math.max(this.#delivered, upTo);
    } catch {
      this.#retryAt = Date.now() + this.retryMs;
      this.wake(this.retryMs);
      return;
    } finally {
      this.#inFlight = false;
    }
    this.wake(0);
  }
}
