import type { EventStreamTransport, StreamItem } from '@switchboard/client';

export interface WidgetTransportOptions {
  /** Consecutive failures to connect over SSE before a spell of long-polling. Default 2. */
  readonly maxSseFailures?: number;
  /** How long a spell of long-polling lasts before SSE is tried again. Default 60 s. */
  readonly pollSpellMs?: number;
  readonly now?: () => number;
}

/**
 * SSE, with long-poll when SSE cannot connect (proxies that buffer streams, flaky networks). Unlike the SDK's
 * FallbackTransport it does not switch for good: after a spell of polling it tries SSE again, because only SSE
 * carries the live signals (typing, bot thinking, streamed bot replies). Both read the same log from the same
 * cursor, so switching loses and repeats nothing.
 */
export class WidgetTransport implements EventStreamTransport {
  readonly #maxSseFailures: number;
  readonly #pollSpellMs: number;
  readonly #now: () => number;
  #sseFailures = 0;
  #pollUntil = 0;

  constructor(readonly sse: EventStreamTransport, readonly poll: EventStreamTransport, options: WidgetTransportOptions = {}) {
    this.#maxSseFailures = options.maxSseFailures ?? 2;
    this.#pollSpellMs = options.pollSpellMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  get name(): string { return this.#polling() ? this.poll.name : this.sse.name; }

  #polling(): boolean { return this.#now() < this.#pollUntil; }

  async *connect(cursor: number, signal: AbortSignal): AsyncGenerator<StreamItem> {
    if (this.#polling()) {
      yield* this.#pollSpell(cursor, signal);
      return;
    }
    let opened = false;
    try {
      for await (const item of this.sse.connect(cursor, signal)) {
        if (item.kind === 'open') {
          opened = true;
          this.#sseFailures = 0;
        }
        yield item;
      }
    } catch (error) {
      if (!opened && !signal.aborted && ++this.#sseFailures >= this.#maxSseFailures) {
        this.#sseFailures = 0;
        this.#pollUntil = this.#now() + this.#pollSpellMs;
      }
      throw error;
    }
  }

  // Polls until the spell ends; the store then reconnects from its cursor, over SSE again.
  async *#pollSpell(cursor: number, signal: AbortSignal): AsyncGenerator<StreamItem> {
    const spell = new AbortController();
    const stop = (): void => spell.abort();
    signal.addEventListener('abort', stop, { once: true });
    const timer = setTimeout(stop, Math.max(0, this.#pollUntil - this.#now()));
    let opened = false;
    try {
      for await (const item of this.poll.connect(cursor, spell.signal)) {
        opened = true;
        yield item;
      }
    } catch (error) {
      // Polling cannot connect either: the network or the server is down, not a proxy. SSE again next time.
      if (!opened) this.#pollUntil = 0;
      if (!spell.signal.aborted || signal.aborted) throw error;
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
    }
  }
}
