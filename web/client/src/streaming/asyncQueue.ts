/**
 * Turns callbacks (a WebSocket's events) into an async iterator: `push` items, then `end()` or `fail(error)`.
 * Unbounded on purpose: the socket's own buffering is the bound, and the store applies frames as fast as
 * they come.
 */
export class AsyncQueue<T> implements AsyncIterator<T> {
  readonly #items: T[] = [];
  #waiting: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | undefined;
  #closed = false;
  #error: { error: unknown } | undefined;

  push(item: T): void {
    if (this.#closed) return;
    const w = this.#waiting;
    if (w !== undefined) {
      this.#waiting = undefined;
      w.resolve({ value: item, done: false });
    } else {
      this.#items.push(item);
    }
  }

  end(): void {
    this.#finish(undefined);
  }

  fail(error: unknown): void {
    this.#finish({ error });
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.#items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.#closed) return this.#error === undefined ? Promise.resolve({ value: undefined, done: true }) : Promise.reject(this.#error.error);
    return new Promise((resolve, reject) => { this.#waiting = { resolve, reject }; });
  }

  #finish(error: { error: unknown } | undefined): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#error = error;
    const w = this.#waiting;
    this.#waiting = undefined;
    if (w === undefined) return;
    if (error === undefined) w.resolve({ value: undefined, done: true });
    else w.reject(error.error);
  }
}
