/** A write the server refused (4xx) or that gave up after its retries; the view no longer shows it. */
export interface StoreError {
  /** The write's `mutationId` or `clientMessageId`. */
  readonly key: string;
  /** The server's error code (ProblemDetails `code`), or `gave_up` / `http_NNN`. */
  readonly code: string;
  /** HTTP status, or 0 when no answer ever came. */
  readonly status: number;
  /** A human-readable explanation, when there is one. */
  readonly detail: string | null;
  /** The conversation the refused write was for. */
  readonly conversationId: number;
  /** For a refused message, its text, so a UI can give it back to the user as a draft; null for other changes. */
  readonly text: string | null;
}
