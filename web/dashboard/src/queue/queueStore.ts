import type { Conversation } from '@switchboard/client';
import { isWaiting } from '../conversations/conversationStore.js';

// The waiting room: the live store's queued conversations (so it changes live, with the stream), in the order
// the server serves them (GET /queue: longest waiting first, by `queuedAt` which conversations do not carry).
// The order is refetched when the set of queued conversations changes; one the last answer did not know yet
// goes last, as the newest arrival.

export function queuedConversations(all: readonly Conversation[], serverOrder: readonly number[]): Conversation[] {
  const rank = new Map(serverOrder.map((id, i) => [id, i]));
  return all
    .filter(isWaiting)
    .map((c) => ({ c, r: rank.get(c.id) ?? serverOrder.length, t: Date.parse(c.updatedAt) }))
    .sort((a, b) => (a.r - b.r) || (a.t - b.t) || (a.c.id - b.c.id))
    .map((x) => x.c);
}

/** True when the server's order does not cover the queued conversations shown: time to refetch it. */
export function orderIsStale(all: readonly Conversation[], serverOrder: readonly number[]): boolean {
  const known = new Set(serverOrder);
  return all.some((c) => isWaiting(c) && !known.has(c.id));
}
