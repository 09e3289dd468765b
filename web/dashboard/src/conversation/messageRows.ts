import type { MessageView } from '@switchboard/client';
import type { BotDraft } from '@switchboard/client';
import type { Row } from './MessageItem.js';

// The rows of a conversation's message list: messages in order, with "who wrote" shown once per run of one
// sender, a day divider where the local day changes, and the bot's streaming drafts at the end.

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

export function messageRows(messages: readonly MessageView[], drafts: readonly BotDraft[], meId: number): Row[] {
  const rows: Row[] = [];
  let previousSender: string | null = null;
  let previousDay: string | null = null;
  for (const m of messages) {
    const created = m.server?.createdAt;
    const dayKey = created === undefined ? null : new Date(created).toDateString();
    const showDay = dayKey !== null && dayKey !== previousDay;
    if (dayKey !== null) previousDay = dayKey;
    const sender = `${m.senderRole === 'self' ? 'operator' : m.senderRole}:${m.server?.senderId ?? (m.senderRole === 'self' ? meId : '')}:${m.isNote}`;
    const own = m.senderRole === 'self' || (m.senderRole === 'operator' && m.server?.senderId === meId);
    rows.push({ kind: 'message', message: m, own, first: sender !== previousSender || showDay, day: showDay && created !== undefined ? dayFormat.format(new Date(created)) : null });
    previousSender = sender;
  }
  for (const d of drafts) rows.push({ kind: 'draft', replyId: d.replyId, text: d.text });
  return rows;
}

export function rowKey(row: Row): string {
  return row.kind === 'message' ? row.message.clientMessageId : `draft:${row.replyId}`;
}

/** The oldest ordinal held (for `before=`), or null when no server message is loaded. */
export function oldestOrdinal(messages: readonly MessageView[]): number | null {
  for (const m of messages) if (m.ordinal !== null) return m.ordinal;
  return null;
}
