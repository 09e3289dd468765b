/** A non-2xx answer of the REST API. `code` is the server's stable error code (ProblemDetails `code`). */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    /** HTTP status. */
    readonly status: number,
    /** Stable code to branch on, such as `conversation_not_found`, or `http_NNN` when the body had none. */
    readonly code: string,
    /** A human-readable explanation, when the server gave one. */
    readonly detail: string | null,
    /** How long the server asked to wait before trying again (`retryAfterSeconds` of a 429), when it said. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${status} ${code}${detail === null ? '' : `: ${detail}`}`);
  }
}

/**
 * No answer: the network failed, or the request ran past its timeout (`timedOut`). A write that fails this
 * way may or may not have reached the server; retrying it with the same id is safe.
 */
export class TransportError extends Error {
  override readonly name = 'TransportError';

  constructor(message: string, readonly timedOut: boolean, options?: { cause?: unknown }) {
    super(message, options);
  }
}
