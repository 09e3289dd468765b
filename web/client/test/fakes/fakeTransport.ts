import { parseFrame, type EventStreamTransport, type StreamItem } from '../../src/index.js';

/** One connection of {@link FakeTransport}: the test opens it, pushes frames, and ends or breaks it. */
export class FakeConnection {
  readonly #items: StreamItem[] = [];
  #wake: (() => void) | undefined;
  #end: { error?: unknown } | undefined;
  closedByClient = false;

  constructor(readonly cursor: number, readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => { this.closedByClient = true; this.#notify(); }, { once: true });
  }

  open(): this { return this.push({ kind: 'open' }); }

  /** Ended, failed or closed by the client: the store will not read it again. */
  get finished(): boolean { return this.#end !== undefined || this.signal.aborted; }

  /** A stream item, or a wire frame (parsed as the real transports do). */
  push(item: StreamItem | Record<string, unknown>): this {
    const parsed = 'kind' in item ? (item as StreamItem) : parseFrame(item);
    if (parsed !== undefined) this.#items.push(parsed);
    this.#notify();
    return this;
  }

  /** The server ended the connection. */
  end(): void { this.#end = {}; this.#notify(); }

  /** The connection failed (before or after it opened). */
  fail(error: unknown = new TypeError('fetch failed')): void { this.#end = { error }; this.#notify(); }

  async *items(): AsyncGenerator<StreamItem> {
    try {
      for (;;) {
        const item = this.#items.shift();
        if (item !== undefined) { yield item; continue; }
        if (this.signal.aborted) return;
        if (this.#end !== undefined) {
          if ('error' in this.#end) throw this.#end.error;
          return;
        }
        await new Promise<void>((resolve) => { this.#wake = resolve; });
      }
    } finally {
      this.closedByClient ||= this.#end === undefined;
    }
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}

/** A transport whose connections the test drives by hand; `connections` lists them in order. */
export class FakeTransport implements EventStreamTransport {
  readonly connections: FakeConnection[] = [];

  constructor(readonly name = 'fake') {}

  get last(): FakeConnection {
    const c = this.connections.at(-1);
    if (c === undefined) throw new Error('no connection yet');
    return c;
  }

  connect(cursor: number, signal: AbortSignal): AsyncIterable<StreamItem> {
    const connection = new FakeConnection(cursor, signal);
    this.connections.push(connection);
    return connection.items();
  }
}
