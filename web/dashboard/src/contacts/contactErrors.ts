import { HttpError } from '@switchboard/client';

/** A refusal as the operator can act on it. */
export function describe(error: unknown): string {
  if (!(error instanceof HttpError)) return 'Could not reach the server. Try again.';
  switch (error.code) {
    case 'name_invalid': return 'The name must be 1 to 100 characters.';
    case 'email_invalid': return 'That is not an email address.';
    case 'contact_email_taken': return 'Another contact has this email: merge the two instead.';
    case 'merge_self': return 'A contact cannot be merged into itself.';
    case 'contact_merged': return 'That contact was already merged into another.';
    default: return error.detail ?? 'The server refused the change.';
  }
}
