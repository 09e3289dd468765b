import type { FetchLike } from '../../src/index.js';

/** One request the fake saw. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly credentials: RequestCredentials | undefined;
  readonly signal: AbortSignal | undefined;
}

/** How a route answers: a Response, a promise of one (held until the test resolves it), or a thrown error. */
export type Route = (request: SeenRequest) => Response | Promise<Response>;

/**
 * A `fetch` that answers from routes keyed by `METHOD /path` (no query), records every request, and honours
 * the request's AbortSignal as the platform's fetch does (a held answer rejects with the signal's reason).
 */
export class FakeFetch {
  readonly requests: SeenRequest[] = [];
  readonly #routes = new Map<string, Route>();

  route(key: string, answer: Route): this {
    this.#routes.set(key, answer);
    return this;
  }

  seen(key: string): SeenRequest[] {
    return this.requests.filter((r) => `${r.method} ${r.path}` === key);
  }

  readonly fetch: FetchLike = (input, init) => {
    const url = new URL(input, 'http://fake.local');
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => { headers[name] = value; });
    const request: SeenRequest = {
      method: init.method ?? 'GET', url: input, path: url.pathname, headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials, signal: init.signal ?? undefined,
    };
    this.requests.push(request);
    const route = this.#routes.get(`${request.method} ${request.path}`);
    if (route === undefined) return Promise.resolve(json(404, { code: 'no_route', detail: `${request.method} ${request.path}` }));
    const signal = init.signal;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) { reject(signal.reason); return; }
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      Promise.resolve().then(() => route(request)).then(resolve, reject);
    });
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A promise the test settles by hand. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

/** An event-stream body the test writes to chunk by chunk, and closes or breaks. */
export class SseBody {
  readonly #encoder = new TextEncoder();
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  cancelled = false;
  readonly stream = new ReadableStream<Uint8Array>({
    start: (controller) => { this.#controller = controller; },
    cancel: () => { this.cancelled = true; },
  });

  write(text: string): void { if (!this.cancelled) this.#controller.enqueue(this.#encoder.encode(text)); }
  event(frame: unknown, event?: string, id?: number): void {
    this.write(`${id === undefined ? '' : `id: ${id}\n`}${event === undefined ? '' : `event: ${event}\n`}data: ${JSON.stringify(frame)}\n\n`);
  }
  close(): void { if (!this.cancelled) this.#controller.close(); }
  break(): void { if (!this.cancelled) this.#controller.error(new TypeError('terminated')); }
  response(): Response { return new Response(this.stream, { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' } }); }
}
