import { HttpError, TransportError } from '../../../client/src/api/httpError.js';

/** What the sign-in form says when signing in failed. */
export function loginError(err: unknown): string {
  if (err instanceof HttpError) {
    if (err.status === 401 || err.status === 400) return 'Wrong email or password.';
    if (err.status === 429) return tooManyAttempts(err.retryAfterSeconds);
    if (err.status === 403) return 'This account is deactivated.';
    return `Sign-in failed (${err.code}).`;
  }
  if (err instanceof TransportError) return 'The server cannot be reached. Check your connection and try again.';
  return 'Sign-in failed.';
}

/**
 * The wait the server asked for (1 s after a few wrong passwords, growing up to 15 min), rounded up so that trying
 * again when told never meets another refusal; without one, a minute.
 */
function tooManyAttempts(seconds: number | null): string {
  if (seconds === null) return 'Too many attempts. Wait a minute and try again.';
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `Too many attempts. Try again in ${s} ${s === 1 ? 'second' : 'seconds'}.`;
  const m = Math.ceil(s / 60);
  return `Too many attempts. Try again in ${m} ${m === 1 ? 'minute' : 'minutes'}.`;
}
