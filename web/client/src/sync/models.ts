import type { Label } from './labelModels.js';
import type { CannedReply } from '../cannedReplies/cannedReply.js';
import { parseCsat, type Csat } from '../csat/csat.js';
import { Fields } from './wire.js';
import { parseAttachment, type Attachment } from '../attachments/attachment.js';

// The server's JSON, field for field (docs/api.md; the .NET SDK's Models.cs). Each parse function is the
// wire boundary for its type: it returns a complete, immutable object or throws WireFormatError.

/** Dates are ISO 8601 strings as the server sends them; a missing date reads as this (.NET's default). */
export const minDate = '0001-01-01T00:00:00+00:00';

/** The customer of a conversation. */
export interface Contact {
  readonly id: number;
  readonly name: string | null;
  readonly email: string | null;
}

/** A conversation as the server sends it. */
export interface Conversation {
  readonly id: number;
  /** The inbox (channel) it arrived on. */
  readonly inboxId: number;
  readonly contact: Contact | null;
  /** `bot`, `queued`, `assigned`, `waiting_customer` or `resolved`. */
  readonly state: string;
  readonly botActive: boolean;
  readonly assigneeId: number | null;
  readonly messageCount: number;
  readonly lastMessageAt: string | null;
  readonly lastMessagePreview: string | null;
  readonly unreadCount: number;
  /** Why the bot handed off (team only). */
  readonly handoffReason: string | null;
  /** Entity version: a snapshot with a lower version than the one held is stale and ignored. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The workspace labels on it, ascending ids (team only: empty for a visitor). */
  readonly labelIds: readonly number[];
  /** Snoozed until this instant (team only); a customer message wakes it earlier. */
  readonly snoozedUntil: string | null;
  /** Snoozed until the customer writes (team only). */
  readonly snoozeUntilReply: boolean;
  /** The wake marker (team only): `snooze_ended` or `customer_replied`, until someone answers, resolves or dismisses it. */
  readonly wakeReason: string | null;
}

/** A message as the server sends it. */
export interface Message {
  readonly id: number;
  readonly conversationId: number;
  /** Position in the conversation: the same order for every viewer. */
  readonly ordinal: number;
  /** The id its sender's client generated; unique within the conversation. */
  readonly clientMessageId: string;
  /** `customer`, `operator`, `bot` or `system`. */
  readonly senderRole: string;
  readonly senderId: number | null;
  readonly senderName: string | null;
  /** Always shown as text, never as HTML. */
  readonly text: string;
  /** An internal note (team only). */
  readonly isNote: boolean;
  /** `sending`, `sent`, `delivered`, `read` or `failed`. */
  readonly status: string;
  readonly error: string | null;
  /** Seq of the event that stored it. */
  readonly seq: number;
  readonly version: number;
  readonly createdAt: string;
  /** Answers to pick with one tap (the bot asking which of several things the customer means); send one back as text. */
  readonly quickReplies?: readonly string[];
  /** Its files, in the order sent; empty when it has none (the server then omits the field). */
  readonly attachments: readonly Attachment[];
}

/** A member of the workspace. */
export interface Member {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  /** `admin` or `operator`. */
  readonly role: string;
  /** `online`, `away` or `offline`. */
  readonly presence: string;
  readonly version: number;
}

/** A consistent starting point: applying the events after `cursor` gives the current state. */
export interface Snapshot {
  readonly cursor: number;
  readonly conversations: readonly Conversation[];
  readonly members: readonly Member[];
  /** The workspace's labels (team only: `parseTeamSnapshot` reads them; absent reads as none). */
  readonly labels?: readonly Label[];
  /** The caller's canned replies (the workspace's and their own; team only, as labels); absent reads as none. */
  readonly cannedReplies?: readonly CannedReply[];
  /** The newest rating request of each conversation in it that has one; absent reads as none. */
  readonly csat?: readonly Csat[];
}

/** A durable event from the log (the envelope of docs/protocol.md). */
export interface StreamEvent {
  /** Position in the workspace's log. */
  readonly seq: number;
  /** Such as `message.created`, `message.status`, `conversation.updated`, `member.updated`. */
  readonly type: string;
  readonly conversationId: number | null;
  readonly version: number;
  /** The mutation that caused it, if any. */
  readonly mutationId: string | null;
  /** The client message id that caused it, if any. */
  readonly clientMessageId: string | null;
  /** Entity snapshots, read by the store: `{ message, conversation }`, `{ conversation, change }`, a member. */
  readonly data: unknown;
}

export function parseContact(value: unknown, path = 'contact'): Contact {
  const f = Fields.of(value, path);
  return Object.freeze({ id: f.int('id'), name: f.nullableString('name'), email: f.nullableString('email') });
}

export function parseConversation(value: unknown, path = 'conversation'): Conversation {
  const f = Fields.of(value, path);
  return Object.freeze({
    id: f.int('id'),
    inboxId: f.int('inboxId'),
    contact: f.nullableObject('contact', parseContact),
    state: f.string('state', 'bot'),
    botActive: f.bool('botActive'),
    assigneeId: f.nullableInt('assigneeId'),
    messageCount: f.int('messageCount'),
    lastMessageAt: f.nullableDate('lastMessageAt'),
    lastMessagePreview: f.nullableString('lastMessagePreview'),
    unreadCount: f.int('unreadCount'),
    handoffReason: f.nullableString('handoffReason'),
    version: f.int('version'),
    createdAt: f.date('createdAt', minDate),
    updatedAt: f.date('updatedAt', minDate),
    labelIds: Object.freeze(f.ids('labelIds')),
    // Absent from a server before snooze (issue 20): read as "not snoozed".
    snoozedUntil: f.nullableDate('snoozedUntil'),
    snoozeUntilReply: f.bool('snoozeUntilReply'),
    wakeReason: f.nullableString('wakeReason'),
  });
}

const noAttachments: readonly Attachment[] = Object.freeze([]);

export function parseMessage(value: unknown, path = 'message'): Message {
  const f = Fields.of(value, path);
  return Object.freeze({
    id: f.int('id'),
    conversationId: f.int('conversationId'),
    ordinal: f.int('ordinal'),
    clientMessageId: f.string('clientMessageId'),
    senderRole: f.string('senderRole'),
    senderId: f.nullableInt('senderId'),
    senderName: f.nullableString('senderName'),
    text: f.string('text'),
    isNote: f.bool('isNote'),
    status: f.string('status', 'sent'),
    error: f.nullableString('error'),
    seq: f.int('seq'),
    version: f.int('version'),
    createdAt: f.date('createdAt', minDate),
    ...(f.has('quickReplies') ? { quickReplies: f.strings('quickReplies', true) } : {}),
    attachments: f.raw('attachments') == null ? noAttachments : Object.freeze(f.array('attachments', parseAttachment)),
  });
}

export function parseMember(value: unknown, path = 'member'): Member {
  const f = Fields.of(value, path);
  return Object.freeze({
    id: f.int('id'),
    email: f.string('email'),
    name: f.string('name'),
    role: f.string('role'),
    presence: f.string('presence', 'offline'),
    version: f.int('version'),
  });
}

/**
 * `GET /sync/snapshot`'s answer without the team's parts (labels, canned replies: `parseTeamSnapshot`), as the widget
 * reads it. Other fields, such as inboxes, are not the store's.
 */
export function parseSnapshot(value: unknown, path = 'snapshot'): Snapshot {
  const f = Fields.of(value, path);
  return Object.freeze({
    cursor: f.int('cursor'),
    conversations: Object.freeze(f.array('conversations', parseConversation)),
    members: Object.freeze(f.array('members', parseMember)),
    csat: Object.freeze(f.array('csat', parseCsat)),
  });
}

/**
 * The envelope of a durable event. Its `data` stays unread here: the store reads it and skips data it
 * cannot read, while the seq still counts, so one bad event never stops the stream.
 */
export function parseStreamEvent(value: unknown, path = 'event'): StreamEvent {
  const f = Fields.of(value, path);
  return Object.freeze({
    seq: f.int('seq'),
    type: f.string('type'),
    conversationId: f.nullableInt('conversationId'),
    version: f.int('version'),
    mutationId: f.nullableString('mutationId'),
    clientMessageId: f.nullableString('clientMessageId'),
    data: f.raw('data'),
  });
}
