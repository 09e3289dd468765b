import type { Timers } from '../timers.js';

/**
 * What the shell can do to the stream loop from outside: {@link wake} cuts a reconnect wait short (the browser is
 * back online, or a request just reached the server: no need to wait out the schedule), {@link drop} ends the
 * connection in use (the browser went offline: a half-open socket would otherwise look live for a long time).
 */
export class StreamControl {
  #wake: (() => void) | undefined;
  #connection: AbortController | undefined;

  wake(): void { this.#wake?.(); }

  drop(): void { this.#connection?.abort(); }

  /** A signal for one connection: aborted by `stop` or by {@link drop}. Call `done` when the connection is over. */
  connection(stop: AbortSignal): { readonly signal: AbortSignal; done(): void } {
    const controller = this.#connection = new AbortController();
    const onStop = (): void => controller.abort();
    stop.addEventListener('abort', onStop, { once: true });
    return {
      signal: controller.signal,
      done: () => {
        stop.removeEventListener('abort', onStop);
        if (this.#connection === controller) this.#connection = undefined;
      },
    };
  }

  /** Waits `ms` on `timers`, or less when `stop` aborts or {@link wake} is called (never rejects). */
  sleep(timers: Timers, ms: number, stop: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (stop.aborted) { resolve(); return; }
      const done = (): void => {
        timers.clearTimeout(handle);
        stop.removeEventListener('abort', done);
        if (this.#wake === done) this.#wake = undefined;
        resolve();
      };
      const handle = timers.setTimeout(done, Math.max(0, ms));
      stop.addEventListener('abort', done, { once: true });
      this.#wake = done;
    });
  }
}
