/**
 * Lets promises and async loops run: a bounded number of event-loop turns (setImmediate), not a sleep. Real
 * time never decides a test; `FakeTimers.advance` moves the clock.
 */
export async function turns(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Runs turns until `condition` holds; fails after `max` turns, naming what it waited for. */
export async function until(condition: () => boolean, what: string, max = 500): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (condition()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Runs turns, and whenever nothing else moves, fires the soonest fake timer, until `condition` holds.
 * For walking through a retry schedule without caring about the exact waits (tests that do, check `delays`).
 */
export async function advanceUntil(timers: { readonly delays: number[]; advance(ms: number): void }, condition: () => boolean, what: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await turns(5);
    if (condition()) return;
    const next = timers.delays[0];
    if (next !== undefined) timers.advance(next);
  }
  throw new Error(`timed out waiting for ${what}`);
}
