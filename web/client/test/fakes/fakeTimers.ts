import type { Timers } from '../../src/index.js';

/**
 * A manual clock: timers fire only when a test calls `advance`, in due order (those a callback schedules
 * inside the advanced span too). It starts at a random-looking instant so code that reads the real clock
 * instead fails.
 */
export class FakeTimers implements Timers {
  #now = Date.UTC(2026, 0, 1, 3, 17, 42, 123);
  #nextId = 1;
  readonly #due = new Map<number, { at: number; callback: () => void }>();

  now = (): number => this.#now;

  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.#nextId++;
    this.#due.set(id, { at: this.#now + Math.max(0, ms), callback });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.#due.delete(handle as number);
  };

  /** Timers waiting to fire. */
  get pending(): number { return this.#due.size; }

  /** Delays (from now) of the timers waiting, soonest first. */
  get delays(): number[] { return [...this.#due.values()].map((t) => t.at - this.#now).sort((a, b) => a - b); }

  /** Moves the clock by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      let first: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.#due) if (entry[1].at <= end && (first === undefined || entry[1].at < first[1].at || (entry[1].at === first[1].at && entry[0] < first[0]))) first = entry;
      if (first === undefined) break;
      this.#due.delete(first[0]);
      this.#now = Math.max(this.#now, first[1].at);
      first[1].callback();
    }
    this.#now = end;
  }
}
