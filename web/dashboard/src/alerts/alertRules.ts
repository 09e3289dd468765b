import type { Conversation } from '@switchboard/client';
import { isSnoozed } from '../conversations/conversationStore.js';

// Which changes deserve an operator's attention, as pure functions over the live store's conversations, so the
// rules are tested without a browser. The alerts hook diffs each new view of the store against the last one.

/** What an alert needs to know of a conversation, kept between two views. */
export interface Seen {
  readonly state: string;
  readonly unreadCount: number;
  readonly assigneeId: number | null;
}

export interface Alert {
  readonly kind: 'queued' | 'message';
  readonly conversationId: number;
}

export interface AlertContext {
  readonly meId: number;
  /** The conversation on screen, or null. */
  readonly openId: number | null;
  /** Whether this tab has the focus (and is visible). */
  readonly focused: boolean;
}

export function remember(conversations: readonly Conversation[]): Map<number, Seen> {
  return new Map(conversations.map((c) => [c.id, { state: c.state, unreadCount: c.unreadCount, assigneeId: c.assigneeId }]));
}

/**
 * The alerts between two views: a conversation that has just started waiting in the queue, and a new customer
 * message in one of the operator's own conversations (the team's unread count grows only with what the customer
 * writes, so one's own replies and notes never alert). Nothing for the conversation the operator is looking at.
 */
export function detectAlerts(before: ReadonlyMap<number, Seen>, now: readonly Conversation[], ctx: AlertContext): Alert[] {
  const alerts: Alert[] = [];
  for (const c of now) {
    if (ctx.focused && ctx.openId === c.id) continue;
    const was = before.get(c.id);
    // A snoozed conversation waits for nobody: no alert while it sleeps.
    if (c.state === 'queued' && !isSnoozed(c) && was?.state !== 'queued') alerts.push({ kind: 'queued', conversationId: c.id });
    else if (c.assigneeId === ctx.meId && c.state !== 'resolved' && c.unreadCount > (was?.unreadCount ?? 0)) alerts.push({ kind: 'message', conversationId: c.id });
  }
  return alerts;
}

/** The number the tab title and the icon show: customers waiting in the queue, and own conversations with unread messages. */
export function attentionCount(conversations: readonly Conversation[], meId: number): number {
  return conversations.filter((c) => (c.state === 'queued' && !isSnoozed(c)) || (c.assigneeId === meId && c.state !== 'resolved' && c.unreadCount > 0)).length;
}

/** The tab's title with the count in front, as mail and chat apps do: "(3) Switchboard". */
export function titleWith(count: number, base: string): string {
  return count > 0 ? `(${count > 99 ? '99+' : count}) ${base}` : base;
}
