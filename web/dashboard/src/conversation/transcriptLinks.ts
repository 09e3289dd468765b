/** The two transcript formats the server exports (docs/api.md, "Transcripts"). */
export type TranscriptFormat = 'text' | 'json';

/**
 * Where a conversation's transcript downloads from. The dashboard signs in by cookie, so a plain link downloads it:
 * the browser streams the file to disk, however long the conversation, and nothing passes through script memory.
 * Times in the text come in the operator's own time zone.
 */
export function transcriptUrl(conversationId: number, format: TranscriptFormat, timeZone: string | undefined): string {
  const query = new URLSearchParams({ format });
  if (timeZone !== undefined && timeZone !== '') query.set('timeZone', timeZone);
  return `/api/v1/conversations/${conversationId}/transcript?${query.toString()}`;
}

/** The browser's IANA time zone (e.g. `Europe/Berlin`), or undefined where it cannot tell (the server then uses UTC). */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
