import { parseKeyedMessage } from './eventData.js';
import type { Message } from './models.js';
import { isJsonObject, WireFormatError } from './wire.js';

// Reading the body of an answer to a write. A body that is not what the protocol says never throws out
// of the store: the parts it cannot read count as absent.

/** The seq of the event the write produced (`{ seq }` of every 2xx answer). */
export function readSeq(body: unknown): number | undefined {
  const seq = isJsonObject(body) ? body['seq'] : undefined;
  return typeof seq === 'number' && Number.isSafeInteger(seq) ? seq : undefined;
}

/**
 * The stored message of a POST answer (`{ message }`), or undefined when there is none or it cannot be
 * read (`onError` hears why). A message that is not the one written (another `clientMessageId`) is
 * unreadable too: it would otherwise join the confirmed state under a key the store never sent.
 */
export function readMessage(body: unknown, clientMessageId: string, onError: (error: WireFormatError) => void): Message | undefined {
  if (!isJsonObject(body) || body['message'] === undefined || body['message'] === null) return undefined;
  try {
    const message = parseKeyedMessage(body['message'], 'answer.message');
    if (message.clientMessageId !== clientMessageId) throw new WireFormatError('answer.message.clientMessageId', 'the clientMessageId that was sent');
    return message;
  } catch (error) {
    if (!(error instanceof WireFormatError)) throw error;
    onError(error);
    return undefined;
  }
}

/** ProblemDetails `code`. */
export function readCode(body: unknown): string | null {
  return readString(body, 'code');
}

/** ProblemDetails `detail`. */
export function readDetail(body: unknown): string | null {
  return readString(body, 'detail');
}

function readString(body: unknown, name: string): string | null {
  const v = isJsonObject(body) ? body[name] : undefined;
  return typeof v === 'string' ? v : null;
}

/** The id of the conversation a claim's answer (`{ conversation: { id } }`) names. */
export function readConversationId(body: unknown): number | undefined {
  const conversation = isJsonObject(body) ? body['conversation'] : undefined;
  const id = isJsonObject(conversation) ? conversation['id'] : undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
