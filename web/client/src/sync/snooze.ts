import type { Conversation } from './models.js';

/**
 * How to snooze a conversation (docs/api.md, "Snooze"): until an instant (ISO 8601 with its offset), or until the
 * customer writes. A customer message wakes either kind; `null` in a patch unsnoozes (and dismisses a wake marker).
 */
export type SnoozeChange = { readonly until: string } | { readonly untilReply: true };

/** Why a snoozed conversation came back: the marker shown until someone deals with it. */
export type WakeReason = 'snooze_ended' | 'customer_replied';

/** True while a conversation sleeps: it belongs under "Snoozed", not in the active lists or the queue. */
export function isSnoozed(c: Pick<Conversation, 'snoozedUntil' | 'snoozeUntilReply'>): boolean {
  return c.snoozedUntil !== null || c.snoozeUntilReply;
}

/** The optimistic guess of a snooze change, as the server applies it (state, assignee and queue place stay). */
export function applySnooze(c: Conversation, snooze: SnoozeChange | null): Conversation {
  if (c.state === 'resolved') return c; // refused by the server; the view never shows it snoozed
  if (snooze === null) return { ...c, snoozedUntil: null, snoozeUntilReply: false, wakeReason: null };
  return 'until' in snooze
    ? { ...c, snoozedUntil: snooze.until, snoozeUntilReply: false, wakeReason: null }
    : { ...c, snoozedUntil: null, snoozeUntilReply: true, wakeReason: null };
}

/** The request that carries a snooze change: its own endpoint, not the PATCH. */
export function snoozeRequest(conversationId: number, snooze: SnoozeChange | null, mutationId: string): { path: string; body: Record<string, unknown> } {
  if (snooze === null) return { path: `/api/v1/conversations/${conversationId}/unsnooze`, body: { mutationId } };
  return { path: `/api/v1/conversations/${conversationId}/snooze`, body: { mutationId, ...snooze } };
}
