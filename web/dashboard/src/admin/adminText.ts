import { HttpError, TransportError } from '@switchboard/client';

// What the admin pages say about the SDK's answers.

/** A human sentence for a failed admin call. */
export function failure(error: unknown): string {
  if (error instanceof HttpError) {
    if (error.status === 403) return 'Only admins can do this.';
    return error.detail ?? `The server refused it (${error.code}).`;
  }
  if (error instanceof TransportError) return 'The server cannot be reached. Try again in a moment.';
  return 'Something went wrong.';
}

/** True when the server does not have this feature (the endpoint is not there). */
export function isMissingFeature(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 404 || error.status === 405);
}

/** The widget's embed code for an inbox token. */
export function widgetSnippet(origin: string, token: string): string {
  return `<script src="${origin}/widget.js" data-inbox="${token}" async></script>`;
}
