import type { BaseApiClient as ApiClient } from '../api/apiClient.js';
import { problem } from '../api/apiClient.js';
import { TransportError } from '../api/httpError.js';
import { SseParser } from './sseParser.js';
import { parseFrameText } from './streamFrames.js';
import { openItem, type EventStreamTransport, type StreamItem, type StreamLogger } from './streamItem.js';

export interface SseTransportOptions {
  /**
   * A connection that receives nothing (not even the server's `: ping`, every 20 s) for this long is dead
   * and is dropped, so the store reconnects. Default 45 s.
   */
  readonly idleTimeoutMs?: number;
  readonly logger?: StreamLogger | undefined;
}

/**
 * Server-Sent Events from `GET /api/v1/events?cursor=N`, read over `fetch` and a ReadableStream rather than
 * `EventSource`: the same code runs in browsers and Node, it sends the bearer header (or the cookie), and
 * reconnecting stays the store's job (EventSource would reconnect on its own, from its own Last-Event-ID).
 */
export class SseTransport implements EventStreamTransport {
  readonly name = 'sse';
  readonly #idleTimeoutMs: number;
  readonly #logger: StreamLogger | undefined;

  constructor(private readonly api: ApiClient, options: SseTransportOptions = {}) {
    this.#idleTimeoutMs = options.idleTimeoutMs ?? 45_000;
    this.#logger = options.logger;
  }

  async *connect(cursor: number, signal: AbortSignal): AsyncGenerator<StreamItem> {
    const response = await this.api.open(`/api/v1/events?cursor=${cursor}`, { Accept: 'text/event-stream' }, { signal });
    if (!response.ok) throw problem(response.status, await response.text().catch(() => ''));
    const contentType = response.headers.get('content-type') ?? '';
    if (response.body === null || !contentType.toLowerCase().startsWith('text/event-stream')) {
      await response.body?.cancel().catch(() => undefined);
      throw new TransportError('The answer is not an event stream.', false);
    }
    const reader = response.body.getReader();
    const { timers } = this.api;
    let idle = false;
    let watchdog: unknown;
    const cancel = (): void => { void reader.cancel().catch(() => undefined); };
    const arm = (): void => {
      if (watchdog !== undefined) timers.clearTimeout(watchdog);
      watchdog = timers.setTimeout(() => { idle = true; cancel(); }, this.#idleTimeoutMs);
    };
    signal.addEventListener('abort', cancel, { once: true });
    const decoder = new TextDecoder();
    const parser = new SseParser();
    try {
      arm();
      yield openItem;
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          if (signal.aborted) return;
          throw new TransportError('The event stream broke.', false, { cause: error });
        }
        if (idle) throw new TransportError('The event stream went silent.', true);
        if (chunk.done || signal.aborted) return;
        arm();
        for (const message of parser.push(decoder.decode(chunk.value, { stream: true }))) {
          const item = parseFrameText(message.data, this.#logger, message.event);
          if (item !== undefined) yield item;
        }
      }
    } finally {
      if (watchdog !== undefined) timers.clearTimeout(watchdog);
      signal.removeEventListener('abort', cancel);
      cancel();
    }
  }
}
