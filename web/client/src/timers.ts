/**
 * The clock and timers the network shell uses, injectable so tests drive time by hand instead of sleeping.
 * Times are epoch milliseconds, as everywhere in the SDK.
 */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The platform's clock and timers. */
export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => { globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>); },
};

/** Resolves after `ms` on `timers`, or at once when `signal` aborts (never rejects). */
export function sleep(timers: Timers, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) { resolve(); return; }
    const done = (): void => {
      timers.clearTimeout(handle);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const handle = timers.setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * An AbortSignal that aborts when `parent` does or after `ms` on `timers` (then `timedOut()` is true).
 * `clearTimer()` ends the deadline but keeps following `parent` (a response body still being read);
 * `dispose()` ends both, once the guarded work is over.
 */
export function deadline(timers: Timers, ms: number | undefined, parent?: AbortSignal): {
  readonly signal: AbortSignal;
  timedOut(): boolean;
  clearTimer(): void;
  dispose(): void;
} {
  const controller = new AbortController();
  let expired = false;
  const onParent = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) onParent();
  else parent?.addEventListener('abort', onParent, { once: true });
  const handle = ms === undefined ? undefined : timers.setTimeout(() => {
    expired = true;
    controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
  }, ms);
  return {
    signal: controller.signal,
    timedOut: () => expired,
    clearTimer: () => { if (handle !== undefined) timers.clearTimeout(handle); },
    dispose: () => {
      if (handle !== undefined) timers.clearTimeout(handle);
      parent?.removeEventListener('abort', onParent);
    },
  };
}

/** One pending wake-up: {@link set} replaces the previous one; undefined cancels it. */
export class Alarm {
  #handle: unknown;

  constructor(private readonly timers: Timers) {}

  /** Calls `callback` at `at` (epoch ms, or at once when past), or nothing for undefined. */
  set(at: number | undefined, callback: () => void): void {
    if (this.#handle !== undefined) this.timers.clearTimeout(this.#handle);
    this.#handle = undefined;
    if (at === undefined) return;
    this.#handle = this.timers.setTimeout(() => { this.#handle = undefined; callback(); }, Math.max(0, at - this.timers.now()));
  }
}
