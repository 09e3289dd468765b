/**
 * When to retry a write that failed in transport or with 401, 408, 429 or 5xx: a schedule of delays (data, not
 * scattered sleeps) plus jitter. After the last delay the write gives up: a message shows as failed.
 */
export class RetryPolicy {
  /** The default for writes: four attempts over about 15 seconds. */
  static readonly default = new RetryPolicy([1000, 4000, 10000]);

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
}
