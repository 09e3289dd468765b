import { parseConversation, parseMember, parseMessage, parseSnapshot, type Conversation, type Member, type Message, type Snapshot } from '../sync/models.js';
import { Fields } from '../sync/wire.js';

// The REST API's answers (docs/api.md), each with its parse function: the wire boundary, which returns a
// complete frozen object or throws WireFormatError (naming the field, never the value).

/** A signed-in member session (`POST /auth/login`). */
export interface LoginResult {
  readonly token: string;
  readonly expiresAt: string;
  readonly member: Member;
}

/** A visitor session of the website widget (`POST /widget/sessions`). */
export interface WidgetSession {
  readonly token: string;
  readonly contactId: number;
  readonly conversationId: number | null;
  readonly expiresAt: string;
  readonly workspaceId: number;
  readonly inboxId: number;
  /** The session belongs to a verified identity (issue 19); false for anonymous visitors. */
  readonly verified: boolean;
}

/** Who the caller is (`GET /auth/me`): `member`, `api_key` or `visitor`. */
export interface CurrentCaller {
  readonly kind: string;
  readonly workspaceId: number;
  readonly role: string | null;
  readonly member: Member | null;
  readonly apiKeyId: number | null;
  readonly contactId: number | null;
}

/** A channel instance; a widget inbox's `publicToken` goes in the page's script tag. */
export interface Inbox {
  readonly id: number;
  readonly name: string;
  readonly channel: string;
  readonly publicToken: string;
  readonly createdAt: string;
  /** The team whose operators see its conversations; null: every operator. */
  readonly teamId: number | null;
}

/** `GET /sync/snapshot`: the store's snapshot plus the inboxes. */
export interface ApiSnapshot extends Snapshot {
  readonly inboxes: readonly Inbox[];
}

/** A page of items and the opaque cursor of the next page (null at the end). */
export interface ItemsPage<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

/** A page of messages in conversation order, consistent with `cursor` (a workspace seq). */
export interface MessagePage {
  readonly items: readonly Message[];
  readonly hasMore: boolean;
  readonly cursor: number;
}

/** The answer to a sent message. */
export interface PostMessageResult {
  readonly message: Message;
  readonly conversation: Conversation;
  readonly seq: number;
  /** The customer wrote after the `seenSeq` sent: the operator stays assigned. */
  readonly customerWroteMeanwhile: boolean;
  readonly replayed: boolean;
}

/** The answer to a conversation change (patch, claim, receipt, widget conversation). */
export interface ConversationWriteResult {
  readonly conversation: Conversation;
  readonly seq: number;
  readonly replayed: boolean;
}

/** The answer to `PUT /presence`: the member after it and the event's seq. */
export interface PresenceResult {
  readonly member: Member;
  readonly seq: number;
}

/** The waiting room: queued conversations oldest first, how many wait in all, and the cursor the list is consistent with. */
export interface QueuePage {
  readonly items: readonly Conversation[];
  readonly waiting: number;
  readonly cursor: number;
}

export function parseLoginResult(value: unknown): LoginResult {
  const f = Fields.of(value, 'login');
  return Object.freeze({ token: f.string('token'), expiresAt: f.string('expiresAt'), member: parseMember(f.raw('member'), 'login.member') });
}

export function parseWidgetSession(value: unknown): WidgetSession {
  const f = Fields.of(value, 'session');
  return Object.freeze({
    token: f.string('token'), contactId: f.int('contactId'), conversationId: f.nullableInt('conversationId'),
    expiresAt: f.string('expiresAt'), workspaceId: f.int('workspaceId'), inboxId: f.int('inboxId'), verified: f.bool('verified'),
  });
}

export function parseCurrentCaller(value: unknown): CurrentCaller {
  const f = Fields.of(value, 'me');
  return Object.freeze({
    kind: f.string('kind'), workspaceId: f.int('workspaceId'), role: f.nullableString('role'),
    member: f.nullableObject('member', parseMember), apiKeyId: f.nullableInt('apiKeyId'), contactId: f.nullableInt('contactId'),
  });
}

export function parseInbox(value: unknown, path = 'inbox'): Inbox {
  const f = Fields.of(value, path);
  return Object.freeze({
    id: f.int('id'), name: f.string('name'), channel: f.string('channel'), publicToken: f.string('publicToken'), createdAt: f.string('createdAt'),
    teamId: f.nullableInt('teamId'),
  });
}

export function parseApiSnapshot(value: unknown, parse: (value: unknown) => Snapshot = parseSnapshot): ApiSnapshot {
  const snapshot = parse(value);
  return Object.freeze({ ...snapshot, inboxes: Object.freeze(Fields.of(value, 'snapshot').array('inboxes', parseInbox)) });
}

export function parseConversationsPage(value: unknown): ItemsPage<Conversation> {
  const f = Fields.of(value, 'page');
  return Object.freeze({ items: Object.freeze(f.array('items', parseConversation)), next: f.nullableString('next') });
}

export function parseMessagePage(value: unknown): MessagePage {
  const f = Fields.of(value, 'page');
  return Object.freeze({ items: Object.freeze(f.array('items', parseMessage)), hasMore: f.bool('hasMore'), cursor: f.int('cursor') });
}

export function parsePostMessageResult(value: unknown): PostMessageResult {
  const f = Fields.of(value, 'answer');
  return Object.freeze({
    message: parseMessage(f.raw('message'), 'answer.message'),
    conversation: parseConversation(f.raw('conversation'), 'answer.conversation'),
    seq: f.int('seq'),
    customerWroteMeanwhile: f.bool('customerWroteMeanwhile'),
    replayed: f.bool('replayed'),
  });
}

export function parseConversationWriteResult(value: unknown): ConversationWriteResult {
  const f = Fields.of(value, 'answer');
  return Object.freeze({ conversation: parseConversation(f.raw('conversation'), 'answer.conversation'), seq: f.int('seq'), replayed: f.bool('replayed') });
}

export function parsePresenceResult(value: unknown): PresenceResult {
  const f = Fields.of(value, 'answer');
  return Object.freeze({ member: parseMember(f.raw('data'), 'answer.data'), seq: f.int('seq') });
}

export function parseQueuePage(value: unknown): QueuePage {
  const f = Fields.of(value, 'queue');
  return Object.freeze({ items: Object.freeze(f.array('items', parseConversation)), waiting: f.int('waiting'), cursor: f.int('cursor') });
}
