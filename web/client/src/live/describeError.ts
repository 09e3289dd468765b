import { HttpError, TransportError } from '../api/httpError.js';

/** What a log may say about an error: its kind, status and code, never a message that could hold user text. */
export function describeError(error: unknown): Record<string, string | number | null> {
  if (error instanceof HttpError) return { error: error.name, status: error.status, code: error.code };
  if (error instanceof TransportError) return { error: error.name, timedOut: error.timedOut ? 1 : 0 };
  return { error: error instanceof Error ? error.name : typeof error };
}
