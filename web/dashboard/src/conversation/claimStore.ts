import type { Conversation } from '@switchboard/client';
import { createObservable } from '../ui/createStore.js';

// Claims (POST /conversations/{id}/claim, POST /queue/claim) are not live-store patches, so they get the same
// rule here (DESIGN §1): a claim shows at once as "mine", and the optimistic guess is dropped only when the
// confirmed state includes it (the stream's cursor reached the answer's seq) or the server refused it. Never on a
// timer. Retries reuse the mutationId, so a retried claim never claims twice.

export interface PendingClaim {
  readonly mutationId: string;
  /** Null for "claim next" until the answer names the conversation. */
  readonly conversationId: number | null;
  /** The answer's seq, once acknowledged. */
  readonly seq: number | null;
}

export class ClaimStore {
  readonly #state = createObservable<readonly PendingClaim[]>([]);

  readonly subscribe = this.#state.subscribe;

  get pending(): readonly PendingClaim[] { return this.#state.get(); }

  /** A claim is on its way. */
  begin(mutationId: string, conversationId: number | null): void {
    if (this.pending.some((p) => p.mutationId === mutationId)) return;
    this.#state.update((list) => [...list, Object.freeze({ mutationId, conversationId, seq: null })]);
  }

  /** The server took it: `seq` is its event; shown as mine until the cursor reaches it. */
  acknowledge(mutationId: string, conversationId: number, seq: number, cursor: number): void {
    this.#state.update((list) => list.map((p) => p.mutationId === mutationId ? Object.freeze({ mutationId, conversationId, seq }) : p));
    this.settle(cursor);
  }

  /** Refused or given up: the view falls back to the confirmed state. */
  drop(mutationId: string): void {
    this.#state.update((list) => list.filter((p) => p.mutationId !== mutationId));
  }

  /** The stream's cursor moved: drop claims the confirmed state includes. */
  settle(cursor: number): void {
    const list = this.pending;
    const open = list.filter((p) => p.seq === null || p.seq > cursor);
    if (open.length !== list.length) this.#state.set(open);
  }

  /** True while a claim of this conversation (or "claim next", for null) is in flight. */
  isClaiming(conversationId: number | null): boolean {
    return this.pending.some((p) => p.conversationId === conversationId && (conversationId !== null || p.seq === null));
  }

  /** The conversation as shown: with a pending claim, assigned to `meId` (the server's claim does that). */
  project(c: Conversation, meId: number | null): Conversation {
    if (meId === null || !this.pending.some((p) => p.conversationId === c.id)) return c;
    if (c.assigneeId === meId && c.state !== 'queued') return c;
    return Object.freeze({ ...c, assigneeId: meId, state: 'assigned', botActive: false });
  }

  reset(): void { this.#state.set([]); }
}
