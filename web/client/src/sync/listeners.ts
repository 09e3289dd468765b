/** The store's change listeners. One that throws does not stop the others: its error goes to `reportError`. */
export class Listeners {
  readonly #listeners = new Set<() => void>();

  constructor(private readonly reportError: (error: unknown) => void = platformReportError) {}

  add(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => { this.#listeners.delete(listener); };
  }

  notify(): void {
    // A copy: a listener may unsubscribe (itself or another) while being told.
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (error) {
        this.reportError(error);
      }
    }
  }
}

/** The platform's `reportError` (console and `window.onerror`, as for a DOM listener), else an asynchronous rethrow. */
export function platformReportError(error: unknown): void {
  const platform = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (platform !== undefined) platform(error);
  else queueMicrotask(() => { throw error; });
}
