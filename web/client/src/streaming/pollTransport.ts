import type { BaseApiClient as ApiClient } from '../api/apiClient.js';
import { Fields } from '../sync/wire.js';
import { parseFrame } from './streamFrames.js';
import { openItem, type EventStreamTransport, type StreamItem, type StreamLogger } from './streamItem.js';

export interface PollTransportOptions {
  /** One poll's timeout; the server answers an empty batch after 25 s, so keep it above that. Default 40 s. */
  readonly requestTimeoutMs?: number;
  readonly logger?: StreamLogger | undefined;
}

/**
 * Long-poll: `GET /api/v1/events/poll?cursor=N` answers `{ events: [...], cursor }` as soon as something
 * follows the cursor, or an empty batch after a while. The answer's cursor can pass events this viewer may
 * not see (a cursor advance); a reset comes as the only frame of a batch.
 */
export class PollTransport implements EventStreamTransport {
  readonly name = 'poll';
  readonly #timeoutMs: number;
  readonly #logger: StreamLogger | undefined;

  constructor(private readonly api: ApiClient, options: PollTransportOptions = {}) {
    this.#timeoutMs = options.requestTimeoutMs ?? 40_000;
    this.#logger = options.logger;
  }

  async *connect(cursor: number, signal: AbortSignal): AsyncGenerator<StreamItem> {
    let position = cursor;
    let opened = false;
    while (!signal.aborted) {
      const batch = Fields.of(await this.api.getJson(`/api/v1/events/poll?cursor=${position}`, { signal, timeoutMs: this.#timeoutMs }), 'poll');
      const next = batch.int('cursor', position);
      const frames = batch.raw('events');
      if (!opened) {
        opened = true;
        yield openItem;
      }
      for (const frame of Array.isArray(frames) ? frames : []) {
        const item = parseFrame(frame, this.#logger);
        if (item === undefined) continue;
        yield item;
        if (item.kind === 'reset' || item.kind === 'disconnect') return;
        if (item.kind === 'event' || item.kind === 'cursor') position = Math.max(position, item.kind === 'event' ? item.event.seq : item.cursor);
      }
      if (next > position) {
        yield { kind: 'cursor', cursor: next };
        position = next;
      }
    }
  }
}
