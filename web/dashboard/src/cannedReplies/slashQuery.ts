import type { CannedReply } from '@switchboard/client';
// The module itself, not the package: the dashboard's unit tests run in node, which resolves no alias.
import { searchCannedReplies } from '../../../client/src/cannedReplies/cannedReplySet.js';

/** A `/query` being typed in the composer: where it starts (the slash) and what follows it. */
export interface SlashQuery {
  readonly start: number;
  readonly query: string;
}

/** At most this many matches are listed: the list stays short enough to read (typing more narrows it). */
export const maxShown = 8;

/**
 * The `/query` that ends at the caret, or null: the slash must start the text or follow whitespace (so a URL or
 * "and/or" opens nothing) and the query holds no whitespace.
 */
export function slashQuery(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)\/([^\s/]*)$/.exec(before);
  if (match === null) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}

/** The replies a query lists, best first. */
export function cannedMatches(replies: readonly CannedReply[], query: string): CannedReply[] {
  return searchCannedReplies(replies, query).slice(0, maxShown);
}

/** The text with the `/query` replaced by `filled`, and where the caret goes (after the inserted text). */
export function insertCanned(text: string, at: SlashQuery, filled: string): { readonly text: string; readonly caret: number } {
  const end = at.start + 1 + at.query.length;
  return { text: text.slice(0, at.start) + filled + text.slice(end), caret: at.start + filled.length };
}
