// Wire JSON as the server sends it, for the shell's tests.

const t0 = '2026-01-01T00:00:00Z';

export function conversationJson(id: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id, inboxId: 1, contact: { id: 10 + id, name: `Customer ${id}`, email: null }, state: 'bot', botActive: true, assigneeId: null,
    messageCount: 0, lastMessageAt: null, unreadCount: 0, version: 3, createdAt: t0, updatedAt: t0, ...extra,
  };
}

export function messageJson(clientMessageId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 200, conversationId: 1, ordinal: 1, clientMessageId, senderRole: 'operator', senderId: 7, senderName: 'Olivia', text: 'hello',
    isNote: false, status: 'sent', error: null, seq: 11, version: 1, createdAt: t0, ...extra,
  };
}

export function snapshotJson(cursor: number, conversations = [conversationJson(1)]): Record<string, unknown> {
  return { cursor, conversations, members: [], inboxes: [{ id: 1, name: 'Website', channel: 'widget', publicToken: 'pub_1', createdAt: t0 }] };
}

/** A durable event envelope. */
export function eventJson(seq: number, type: string, data: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { seq, type, conversationId: 1, version: 1, mutationId: null, clientMessageId: null, actor: null, createdAt: t0, data, ...extra };
}

/** `message.created` for a message (and the conversation after it). */
export function messageCreated(seq: number, clientMessageId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const message = messageJson(clientMessageId, { seq, id: 100 + seq, ordinal: seq, ...extra });
  return eventJson(seq, 'message.created', { message, conversation: conversationJson(1, { version: 3 + seq, messageCount: seq }) }, { clientMessageId });
}

/** `conversation.updated` switching the bot. */
export function botSwitched(seq: number, botActive: boolean, mutationId: string | null, version: number): Record<string, unknown> {
  return eventJson(seq, 'conversation.updated', { conversation: conversationJson(1, { botActive, state: botActive ? 'bot' : 'queued', version }), change: botActive ? 'bot_on' : 'bot_off' }, { mutationId, version });
}
