import { parseConversation, parseMember, parseMessage, type Conversation, type Member, type Message, type StreamEvent } from './models.js';
import { isJsonObject } from './wire.js';

/** The entity snapshots an event carries, read in full before any is applied. */
export interface EventData {
  readonly member: Member | null;
  readonly message: Message | null;
  readonly conversation: Conversation | null;
}

const none: EventData = { member: null, message: null, conversation: null };

/**
 * Reads `data`: the member of `member.updated`, else `{ message?, conversation? }`. Data that is not an
 * object carries nothing; data that is an object but not the protocol's throws WireFormatError.
 */
export function readEventData(e: StreamEvent): EventData {
  const data = e.data;
  if (!isJsonObject(data)) return none;
  if (e.type === 'member.updated') return { ...none, member: parseMember(data, 'event.data') };
  return {
    member: null,
    message: isJsonObject(data['message']) ? parseMessage(data['message'], 'event.data.message') : null,
    conversation: isJsonObject(data['conversation']) ? parseConversation(data['conversation'], 'event.data.conversation') : null,
  };
}
