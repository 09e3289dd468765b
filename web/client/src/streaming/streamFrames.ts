import { parseStreamEvent } from '../sync/models.js';
import { isJsonObject, WireFormatError } from '../sync/wire.js';
import type { StreamItem, StreamLogger } from './streamItem.js';

// Reading one frame at the wire boundary (docs/protocol.md, the server's Realtime/RealtimeContracts.cs): a
// durable event is the envelope with a numeric seq; `reset` and `disconnect` end the connection; `ping` and
// `pong` keep it alive; anything else without a seq is an ephemeral signal. One frame that cannot be read is
// dropped (and logged), never fatal.

/** True for the server's `{"type":"ping"}`, which a WebSocket client answers with `{"type":"pong"}`. */
export function isPing(value: unknown): boolean {
  return isJsonObject(value) && !Object.hasOwn(value, 'seq') && value['type'] === 'ping';
}

/** Parses a frame's JSON text; undefined when there is nothing to hand on. */
export function parseFrameText(text: string, logger?: StreamLogger, typeHint?: string): StreamItem | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    logger?.warn('Skipped a stream frame that is not JSON.', { length: text.length });
    return undefined;
  }
  return parseFrame(value, logger, typeHint);
}

/**
 * Reads one parsed frame. `typeHint` is the SSE `event:` name, used when the JSON names no type. An event
 * whose envelope cannot be read but whose seq can still counts as a cursor advance, as the store counts an
 * event whose data it cannot read: the stream never stalls on it and never delivers it twice.
 */
export function parseFrame(value: unknown, logger?: StreamLogger, typeHint?: string): StreamItem | undefined {
  if (!isJsonObject(value)) {
    logger?.warn('Skipped a stream frame that is not an object.', {});
    return undefined;
  }
  const seq = value['seq'];
  if (typeof seq === 'number') {
    try {
      return Object.freeze({ kind: 'event', event: parseStreamEvent(value) });
    } catch (error) {
      if (!(error instanceof WireFormatError)) throw error;
      logger?.warn('Skipped an unreadable event envelope; its seq counts.', { seq: Number.isSafeInteger(seq) ? seq : null, path: error.path });
      return Number.isSafeInteger(seq) && seq > 0 ? Object.freeze({ kind: 'cursor', cursor: seq }) : undefined;
    }
  }
  const type = typeof value['type'] === 'string' ? value['type'] : (typeHint ?? '');
  switch (type) {
    case 'reset':
    case 'cursor': {
      const cursor = value['cursor'];
      if (typeof cursor !== 'number' || !Number.isSafeInteger(cursor) || cursor < 0) {
        logger?.warn('Skipped a stream frame without a readable cursor.', { type });
        return undefined;
      }
      return Object.freeze({ kind: type, cursor });
    }
    case 'disconnect': {
      const reason = value['reason'];
      return Object.freeze({ kind: 'disconnect', reason: typeof reason === 'string' ? reason : '' });
    }
    case 'ping':
    case 'pong':
    case '':
    case 'message': // SSE's default event name: a frame without a type says nothing
      return undefined;
    default: {
      const conversationId = value['conversationId'];
      return Object.freeze({
        kind: 'signal',
        signal: Object.freeze({
          type,
          conversationId: typeof conversationId === 'number' && Number.isSafeInteger(conversationId) ? conversationId : null,
          actor: value['actor'] ?? null,
          data: value['data'] ?? null,
        }),
      });
    }
  }
}
