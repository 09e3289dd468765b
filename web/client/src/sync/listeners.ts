/** Listeners of one kind of news. One that throws does not stop the others: its error goes to `reportError`. */
export class Emitter<T> {
  readonly #listeners = new Set<(value: T) => void>();

  constructor(private readonly reportError: (error: unknown) => void = platformReportError) {}

  add(listener: (value: T) => void): () => void {
    this.#listeners.add(listener);
    return () => { this.#listeners.delete(listener); };
  }

  emit(value: T): void {
    // A copy: a listener may unsubscribe (itself or another) while being told.
    for (const listener of [...this.#listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.reportError(error);
      }
    }
  }
}

/** The store's change listeners. */
export class Listeners extends Emitter<void> {
  notify(): void { this.emit(); }
}

/** The platform's `reportError` (console and `window.onerror`, as for a DOM listener), else an asynchronous rethrow. */
export function platformReportError(error: unknown): void {
  const platform = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (platform !== undefined) platform(error);
  else queueMicrotask(() => { throw error; });
}
