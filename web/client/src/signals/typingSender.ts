import { Alarm, type Timers } from '../timers.js';

// The one typing policy (docs/protocol.md): `start` when a draft begins, repeated every 3 s while typing goes
// on, `stop` after 4 s without input or when the draft is sent, cleared or left; viewers expire typing after
// 6 s (signalsStore.ts). Pure: a composer feeds it input and the time (epoch ms), and it calls `send`; a timer
// calls `tick` at `nextTick()`, or, given `timers`, it does so itself.

export type TypingState = 'start' | 'stop';

export interface TypingSenderOptions {
  /** `start` is repeated at most this often while typing goes on. Default 3 s. */
  readonly refreshMs?: number;
  /** No input for this long sends `stop`. Default 4 s. */
  readonly idleMs?: number;
  /** When given, the sender wakes itself to send `stop` after the idle time. */
  readonly timers?: Timers;
}

export class TypingSender {
  readonly #send: (conversationId: number, state: TypingState) => void;
  readonly #refreshMs: number;
  readonly #idleMs: number;
  readonly #timers: Timers | undefined;
  readonly #alarm: Alarm | undefined;
  #conversationId: number | null = null;
  #lastStart = 0;
  #lastInput = 0;

  constructor(send: (conversationId: number, state: TypingState) => void, options: TypingSenderOptions = {}) {
    this.#send = send;
    this.#refreshMs = options.refreshMs ?? 3_000;
    this.#idleMs = options.idleMs ?? 4_000;
    this.#timers = options.timers;
    this.#alarm = options.timers === undefined ? undefined : new Alarm(options.timers);
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
    this.#arm();
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
    this.#arm();
    this.#send(id, 'stop');
  }

  #arm(): void {
    const timers = this.#timers;
    this.#alarm?.set(this.nextTick(), () => { if (timers !== undefined) this.tick(timers.now()); this.#arm(); });
  }
}
