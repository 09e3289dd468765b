import { parseConversation, parseMember, parseMessage, type Conversation, type Member, type Message, type StreamEvent } from './models.js';
import { isJsonObject, WireFormatError } from './wire.js';

/** The entity snapshots an event carries, read in full before any is applied. */
export interface EventData {
  readonly member: Member | null;
  readonly message: Message | null;
  readonly conversation: Conversation | null;
}

const none: EventData = { member: null, message: null, conversation: null };

/**
 * Reads `data`: the member of `member.updated`, else `{ message?, conversation? }`. Data that is not an
 * object carries nothing; data that is an object but not the protocol's throws WireFormatError (as the
 * .NET `EventData.Read` returns null: the event's data is then skipped whole).
 */
export function readEventData(e: StreamEvent): EventData {
  const data = e.data;
  if (!isJsonObject(data)) return none;
  if (e.type === 'member.updated') return { ...none, member: withId(parseMember(data, 'event.data'), 'event.data') };
  const message = data['message'];
  const conversation = data['conversation'];
  return {
    member: null,
    message: message === undefined || message === null ? null : parseKeyedMessage(message, 'event.data.message'),
    conversation: conversation === undefined || conversation === null
      ? null
      : withId(parseConversation(conversation, 'event.data.conversation'), 'event.data.conversation'),
  };
}

/**
 * A message with the fields the store keys on (a conversation and a clientMessageId), as the .NET
 * `EventData.ReadMessage` requires; throws WireFormatError otherwise.
 */
export function parseKeyedMessage(value: unknown, path: string): Message {
  const m = parseMessage(value, path);
  if (m.conversationId <= 0) throw new WireFormatError(`${path}.conversationId`, 'a positive integer');
  if (m.clientMessageId === '') throw new WireFormatError(`${path}.clientMessageId`, 'a non-empty string');
  return m;
}

function withId<T extends { readonly id: number }>(entity: T, path: string): T {
  if (entity.id <= 0) throw new WireFormatError(`${path}.id`, 'a positive integer');
  return entity;
}
