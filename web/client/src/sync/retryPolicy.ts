import { HttpError } from '../api/httpError.js';

/**
 * The one rule for which answers are worth sending the same request again (with the same id): 408 and 429 (the
 * server asks for patience), 5xx, and 401 (an expired session must not lose what the user did: the write waits
 * for a new sign-in rather than being dropped). Every other 4xx is a definitive refusal.
 */
export function isRetryable(status: number): boolean {
  return status === 401 || status === 408 || status === 429 || status >= 500;
}

/** {@link isRetryable} for a thrown error: an `HttpError` by its status; anything else (network, timeout) retries. */
export function isRetryableError(error: unknown): boolean {
  return !(error instanceof HttpError) || isRetryable(error.status);
}

/** The one schedule (ms), for writes, reconnects and every other retry loop of the SDK and its UIs. */
export const defaultRetryDelaysMs: readonly number[] = Object.freeze([0, 2000, 10000, 30000]);

/**
 * When to retry: a schedule of delays (data, not scattered sleeps) plus jitter. A write gives up after the last
 * delay ({@link delayBefore}: a message then shows as failed); a connection keeps trying at the last delay
 * ({@link delayAfterFailures}).
 */
export class RetryPolicy {
  /** The default: {@link defaultRetryDelaysMs} plus up to 20 % jitter (a write gets five attempts over ~45 s). */
  static readonly default = new RetryPolicy(defaultRetryDelaysMs);

  readonly delaysMs: readonly number[];

  constructor(
    /** Delay before retry 1, 2, ... in milliseconds. */
    delaysMs: readonly number[],
    /** Up to this fraction of each delay is added at random, so clients do not retry in lockstep. */
    readonly jitterRatio = 0.2,
  ) {
    this.delaysMs = Object.freeze([...delaysMs]);
  }

  /**
   * The delay in ms before retry number `retry` (1-based), or undefined when the budget is spent.
   * `random` returns a number in [0, 1), like Math.random.
   */
  delayBefore(retry: number, random: () => number): number | undefined {
    const baseMs = retry >= 1 ? this.delaysMs[retry - 1] : undefined;
    if (baseMs === undefined) return undefined;
    return baseMs + baseMs * this.jitterRatio * random();
  }

  /** The delay after `failures` failures in a row (0 after none), the last delay repeating for as long as it takes. */
  delayAfterFailures(failures: number, random: () => number): number {
    if (failures <= 0 || this.delaysMs.length === 0) return 0;
    return this.delayBefore(Math.min(failures, this.delaysMs.length), random) ?? 0;
  }
}
