import type { EventStreamTransport, StreamItem, StreamLogger } from './streamItem.js';

export interface FallbackTransportOptions {
  /** Consecutive failures to connect with the primary transport before switching for good. Default 3. */
  readonly maxConnectFailures?: number;
  readonly logger?: StreamLogger | undefined;
}

/**
 * Uses `primary` (SSE) until it fails to connect `maxConnectFailures` times in a row, then `fallback`
 * (long-poll) from then on: some proxies and networks break long-lived responses but pass plain requests.
 * A connection that opened and later ended is not a connect failure. A fallback that cannot connect either says
 * the network or the server is down (an outage, not a proxy): the primary is tried again, so an outage does not
 * leave the client on the fallback for good. Both read the same log with the same cursor, so switching loses and
 * repeats nothing.
 */
export class FallbackTransport implements EventStreamTransport {
  readonly #maxConnectFailures: number;
  readonly #logger: StreamLogger | undefined;
  #current: EventStreamTransport;
  #failures = 0;

  constructor(readonly primary: EventStreamTransport, readonly fallback: EventStreamTransport, options: FallbackTransportOptions = {}) {
    this.#current = primary;
    this.#maxConnectFailures = options.maxConnectFailures ?? 3;
    this.#logger = options.logger;
  }

  get name(): string { return this.#current.name; }

  /** True while it uses the fallback. */
  get fellBack(): boolean { return this.#current === this.fallback; }

  async *connect(cursor: number, signal: AbortSignal): AsyncGenerator<StreamItem> {
    const transport = this.#current;
    let opened = false;
    try {
      for await (const item of transport.connect(cursor, signal)) {
        if (item.kind === 'open') {
          opened = true;
          if (transport === this.primary) this.#failures = 0;
        }
        yield item;
      }
    } catch (error) {
      if (!opened && !signal.aborted && transport === this.fallback && this.#current === this.fallback) {
        this.#current = this.primary;
        this.#failures = 0;
      } else if (!opened && !signal.aborted && transport === this.primary && this.#current === this.primary && ++this.#failures >= this.#maxConnectFailures) {
        this.#current = this.fallback;
        this.#logger?.warn('The primary stream transport failed to connect; falling back.', { from: this.primary.name, to: this.fallback.name, failures: this.#failures });
      }
      throw error;
    }
  }
}
