import type { Conversation, Signal } from '@switchboard/client';

/** A conversation as the server sends it, with what a test cares about changed. */
export function conversation(id: number, change: Partial<Conversation> = {}): Conversation {
  return {
    id, inboxId: 1, contact: { id: 100 + id, name: `Contact ${id}`, email: null }, state: 'bot', botActive: true, assigneeId: null,
    messageCount: 1, lastMessageAt: `2026-01-0${id % 9 + 1}T10:00:00.000+00:00`, lastMessagePreview: 'Hello', unreadCount: 0,
    handoffReason: null, snoozedUntil: null, snoozeUntilReply: false, wakeReason: null, version: 1, createdAt: '2026-01-01T09:00:00.000+00:00', updatedAt: '2026-01-01T09:00:00.000+00:00', labelIds: [], ...change,
  };
}

export function signal(type: string, conversationId: number | null, actor: unknown, data: unknown): Signal {
  return { type, conversationId, actor, data };
}
