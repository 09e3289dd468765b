import { parseConversation, parseMessage, type Conversation, type Message } from '../sync/models.js';
import { Fields, WireFormatError } from '../sync/wire.js';

// The answer of `GET /api/v1/search` (docs/api.md "Search"), parsed at the wire boundary: a complete frozen object
// or a WireFormatError. A snippet is plain text plus ranges; a UI wraps the ranges in <mark> as text nodes.

/** Filters of a search; all optional. */
export interface SearchFilter {
  /** One state or several (`queued`, `assigned`, ...). */
  readonly state?: string | readonly string[];
  /** `me`, `none` or a member id. */
  readonly assignee?: 'me' | 'none' | number;
  readonly inboxId?: number;
  /** Only conversations carrying this label. */
  readonly labelId?: number;
  /** ISO 8601, inclusive: hits from this instant on (a message's creation, a contact hit's conversation activity). */
  readonly from?: string;
  /** ISO 8601, exclusive. */
  readonly to?: string;
  /** 1 to 50 (server default 20). */
  readonly limit?: number;
  /** The `next` of the previous page. */
  readonly cursor?: string;
}

/** A range of a snippet's text that matched (UTF-16 offsets, as JavaScript strings count). */
export interface SearchHighlight {
  readonly start: number;
  readonly length: number;
}

export interface SearchSnippet {
  readonly text: string;
  /** In order, never overlapping, always inside `text`. */
  readonly highlights: readonly SearchHighlight[];
}

/** A message that matched, with its conversation (notes included: search is the team's only). */
export interface SearchMessageHit {
  readonly conversation: Conversation;
  readonly message: Message;
  readonly snippet: SearchSnippet;
}

/** A conversation whose contact's name or e-mail matched; the snippet is cut from "name <email>". */
export interface SearchContactHit {
  readonly conversation: Conversation;
  readonly snippet: SearchSnippet;
}

export interface SearchResults {
  /** On the first page only. */
  readonly contacts: readonly SearchContactHit[];
  /** Best first. */
  readonly messages: readonly SearchMessageHit[];
  /** The cursor of the next page, or null at the end. */
  readonly next: string | null;
}

export function parseSearchSnippet(value: unknown, path = 'snippet'): SearchSnippet {
  const f = Fields.of(value, path);
  const text = f.string('text');
  let end = 0;
  const highlights = f.array('highlights', (item, at) => {
    const h = Fields.of(item, at);
    const start = h.int('start');
    const length = h.int('length');
    // Ranges a UI slices the text by: one outside the text, or out of order, is a broken answer, not something to draw.
    if (start < end || length < 1 || start + length > text.length) throw new WireFormatError(at, 'a range inside the text, after the previous one');
    end = start + length;
    return Object.freeze({ start, length });
  });
  return Object.freeze({ text, highlights: Object.freeze(highlights) });
}

export function parseSearchResults(value: unknown): SearchResults {
  const f = Fields.of(value, 'search');
  return Object.freeze({
    contacts: Object.freeze(f.array('contacts', (item, at) => {
      const h = Fields.of(item, at);
      return Object.freeze({ conversation: parseConversation(h.raw('conversation'), `${at}.conversation`), snippet: parseSearchSnippet(h.raw('snippet'), `${at}.snippet`) });
    })),
    messages: Object.freeze(f.array('messages', (item, at) => {
      const h = Fields.of(item, at);
      return Object.freeze({
        conversation: parseConversation(h.raw('conversation'), `${at}.conversation`),
        message: parseMessage(h.raw('message'), `${at}.message`),
        snippet: parseSearchSnippet(h.raw('snippet'), `${at}.snippet`),
      });
    })),
    next: f.nullableString('next'),
  });
}
