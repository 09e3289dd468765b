// When to tell the others that this operator is typing (docs/protocol.md: `typing` start/stop frames, refreshed
// every few seconds, expired by viewers after ~5 s). Pure: the composer feeds it input and the time (epoch ms),
// and it calls `send`; a timer calls `tick` at `nextTick()`.

export type TypingState = 'start' | 'stop';

export interface TypingSenderOptions {
  /** `start` is repeated at most this often while typing goes on. Default 3 s. */
  readonly refreshMs?: number;
  /** No input for this long sends `stop`. Default 4 s. */
  readonly idleMs?: number;
}

export class TypingSender {
  readonly #send: (conversationId: number, state: TypingState) => void;
  readonly #refreshMs: number;
  readonly #idleMs: number;
  #conversationId: number | null = null;
  #lastStart = 0;
  #lastInput = 0;

  constructor(send: (conversationId: number, state: TypingState) => void, options: TypingSenderOptions = {}) {
    this.#send = send;
    this.#refreshMs = options.refreshMs ?? 3_000;
    this.#idleMs = options.idleMs ?? 4_000;
  }

  /** True while a `start` is standing (not yet followed by `stop`). */
  get typing(): boolean { return this.#conversationId !== null; }

  /** The composer of `conversationId` changed; `hasText` says whether a draft remains. */
  input(conversationId: number, hasText: boolean, now: number): void {
    if (this.#conversationId !== null && this.#conversationId !== conversationId) this.stop();
    if (!hasText) {
      this.stop();
      return;
    }
    this.#lastInput = now;
    if (this.#conversationId === null || now - this.#lastStart >= this.#refreshMs) {
      this.#conversationId = conversationId;
      this.#lastStart = now;
      this.#send(conversationId, 'start');
    }
  }

  /** Sends `stop` once the input has been idle long enough. */
  tick(now: number): void {
    if (this.#conversationId !== null && now - this.#lastInput >= this.#idleMs) this.stop();
  }

  /** When `tick` has something to do, if typing. */
  nextTick(): number | undefined {
    return this.#conversationId === null ? undefined : this.#lastInput + this.#idleMs;
  }

  /** Sent, cleared, left the conversation or the page: `stop` now if a `start` is standing. */
  stop(): void {
    const id = this.#conversationId;
    if (id === null) return;
    this.#conversationId = null;
    this.#send(id, 'stop');
  }
}
