import type { BaseApiClient as ApiClient } from '../api/apiClient.js';
import { TransportError } from '../api/httpError.js';
import { AsyncQueue } from './asyncQueue.js';
import { isPing, parseFrame } from './streamFrames.js';
import { openItem, type EventStreamTransport, type StreamItem, type StreamLogger } from './streamItem.js';

/** The part of the browser's WebSocket this transport uses (so tests and other runtimes can supply one). */
export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onclose: ((event: { readonly code: number; readonly reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WebSocketTransportOptions {
  /** Default: the platform's `WebSocket` (browsers, Node 22+). */
  readonly webSocket?: WebSocketFactory;
  /** A socket that receives nothing (the server pings every 20 s) for this long is dropped. Default 45 s. */
  readonly idleTimeoutMs?: number;
  readonly logger?: StreamLogger | undefined;
}

/**
 * WebSocket at `/api/v1/stream?cursor=N&frames=batch`: JSON text frames, one per line of a message, several per message
 * when the server has several queued. A browser's WebSocket
 * cannot send headers, so a bearer token goes as `access_token` in the query (a cookie needs nothing). The
 * server's `{"type":"ping"}` is answered with `{"type":"pong"}`. The server ends a stream by closing the
 * socket (its reason in the close frame), after a `reset` frame when a snapshot is needed.
 */
export class WebSocketTransport implements EventStreamTransport {
  readonly name = 'websocket';
  readonly #factory: WebSocketFactory;
  readonly #idleTimeoutMs: number;
  readonly #logger: StreamLogger | undefined;
  #open: WebSocketLike | undefined;

  constructor(private readonly api: ApiClient, options: WebSocketTransportOptions = {}) {
    this.#factory = options.webSocket ?? platformWebSocket;
    this.#idleTimeoutMs = options.idleTimeoutMs ?? 45_000;
    this.#logger = options.logger;
  }

  /**
   * Sends a client frame (docs/protocol.md: `typing`, `read`, `delivered`) on the connection that is open now.
   * False when none is open: such frames are live-only hints, so nothing is queued for later.
   */
  send(frame: Readonly<Record<string, unknown>>): boolean {
    const socket = this.#open;
    if (socket === undefined) return false;
    try {
      socket.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  async *connect(cursor: number, signal: AbortSignal): AsyncGenerator<StreamItem> {
    if (signal.aborted) return;
    const queue = new AsyncQueue<StreamItem>();
    // Batched frames (one per line of a message): a flood of events is a few messages, not a browser task each.
    const socket = this.#factory(this.api.streamUrl(`/api/v1/stream?cursor=${cursor}&frames=batch`, true));
    const { timers } = this.api;
    let opened = false;
    let watchdog: unknown;
    const arm = (): void => {
      if (watchdog !== undefined) timers.clearTimeout(watchdog);
      watchdog = timers.setTimeout(() => {
        queue.fail(new TransportError('The WebSocket went silent.', true));
        socket.close(4000, 'idle');
      }, this.#idleTimeoutMs);
    };
    const onAbort = (): void => { queue.end(); socket.close(1000, 'client_closed'); };
    socket.onopen = () => {
      opened = true;
      this.#open = socket;
      arm();
      queue.push(openItem);
    };
    socket.onmessage = (event) => {
      arm();
      if (typeof event.data !== 'string') return; // the server sends text frames only
      for (const line of event.data.split('\n')) {
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          this.#logger?.warn('Skipped a stream frame that is not JSON.', { length: line.length });
          continue;
        }
        if (isPing(value)) {
          socket.send('{"type":"pong"}');
          continue;
        }
        const item = parseFrame(value, this.#logger);
        if (item !== undefined) queue.push(item);
      }
    };
    socket.onclose = (event) => {
      if (opened) queue.end();
      else queue.fail(new TransportError(`The WebSocket did not open (close code ${event.code}).`, false));
    };
    socket.onerror = () => {
      // A close event always follows and decides between "failed to connect" and "ended".
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        const next = await queue.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      if (watchdog !== undefined) timers.clearTimeout(watchdog);
      if (this.#open === socket) this.#open = undefined;
      signal.removeEventListener('abort', onAbort);
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      socket.close(1000, 'client_closed');
    }
  }
}

function platformWebSocket(url: string): WebSocketLike {
  const ctor = (globalThis as { WebSocket?: new (url: string) => WebSocketLike }).WebSocket;
  if (ctor === undefined) throw new TransportError('No WebSocket on this platform: pass options.webSocket.', false);
  return new ctor(url);
}
