import type { StreamEvent } from '../sync/models.js';

/**
 * An ephemeral signal: live only, no seq, never stored (`typing`, `presence`, `bot.thinking`, and the
 * WebSocket's `error` replies to client frames). `data` is as the server sent it; read it with care.
 */
export interface Signal {
  readonly type: string;
  readonly conversationId: number | null;
  /** Who caused it (`{ type, id }`), when the server says. */
  readonly actor: unknown;
  readonly data: unknown;
}

/**
 * Something one connection of the event stream delivered: `open` once it is established, then durable events,
 * cursor advances (past events this viewer may not see), a `reset` (take a snapshot), ephemeral signals, or a
 * `disconnect` from the server (reconnect with the cursor).
 */
export type StreamItem =
  | { readonly kind: 'open' }
  | { readonly kind: 'event'; readonly event: StreamEvent }
  | { readonly kind: 'cursor'; readonly cursor: number }
  | { readonly kind: 'reset'; readonly cursor: number }
  | { readonly kind: 'signal'; readonly signal: Signal }
  | { readonly kind: 'disconnect'; readonly reason: string };

export const openItem: StreamItem = Object.freeze({ kind: 'open' });

/**
 * One way to receive the event stream (SSE, long-poll, WebSocket). `connect` opens one connection from
 * `cursor`: it yields `open` once connected, then what arrives, and returns when the connection ends, or
 * throws when it fails (an `HttpError`, a `TransportError`). The `LiveStore` reconnects from its own cursor,
 * so a transport never has to remember anything between connections.
 */
export interface EventStreamTransport {
  /** `sse`, `poll` or `websocket` (a fallback transport names the one in use). */
  readonly name: string;
  connect(cursor: number, signal: AbortSignal): AsyncIterable<StreamItem>;
}

/** Where transports report what they skipped: frame kinds, seqs and field paths, never content. */
export interface StreamLogger {
  warn(message: string, fields: Readonly<Record<string, string | number | null>>): void;
}
