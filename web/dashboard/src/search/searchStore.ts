import type { SearchFilter, SearchResults, SearchSnippet } from '@switchboard/client';

// The search panel's state apart from its view: what the form holds, how it becomes the API's filter, and how a
// snippet's ranges become text pieces the view wraps in <mark> (text nodes only: a message is never markup).

/** The form: the query and its filters, as the inputs hold them ('' means any). */
export interface SearchForm {
  readonly q: string;
  readonly state: string;
  /** 'me', 'none' or ''. */
  readonly assignee: string;
  /** yyyy-mm-dd, the operator's local days. */
  readonly from: string;
  readonly to: string;
}

export const emptyForm: SearchForm = Object.freeze({ q: '', state: '', assignee: '', from: '', to: '' });

export const searchStates = ['bot', 'queued', 'assigned', 'waiting_customer', 'resolved'] as const;

/** A piece of a snippet: plain text, marked or not. */
export interface SnippetPart {
  readonly text: string;
  readonly marked: boolean;
}

export function snippetParts(snippet: SearchSnippet): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const h of snippet.highlights) {
    if (h.start > at) parts.push({ text: snippet.text.slice(at, h.start), marked: false });
    parts.push({ text: snippet.text.slice(h.start, h.start + h.length), marked: true });
    at = h.start + h.length;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), marked: false });
  return parts;
}

/**
 * The API's filter for the form. Days are the operator's local days: "from" starts at its local midnight, "to"
 * includes its whole day (the API's `to` is exclusive, so the next midnight).
 */
export function filterOf(form: SearchForm, cursor?: string): SearchFilter {
  const from = localMidnight(form.from, 0);
  const to = localMidnight(form.to, 1);
  return {
    ...(form.state === '' ? {} : { state: form.state }),
    ...(form.assignee === 'me' || form.assignee === 'none' ? { assignee: form.assignee } : {}),
    ...(from === null ? {} : { from }),
    ...(to === null ? {} : { to }),
    ...(cursor === undefined ? {} : { cursor }),
  };
}

/** Why the form cannot be sent yet, or null. */
export function formProblem(form: SearchForm): string | null {
  if (form.q.trim() === '') return 'Type a word to find.';
  if (form.q.length > 200) return 'The search is too long (200 characters at most).';
  if (form.from !== '' && form.to !== '' && form.from > form.to) return 'The first day is after the last.';
  return null;
}

/** The next page appended to the results so far (contacts come with the first page only). */
export function appendPage(current: SearchResults, next: SearchResults): SearchResults {
  const seen = new Set(current.messages.map((h) => h.message.id));
  return { contacts: current.contacts, messages: [...current.messages, ...next.messages.filter((h) => !seen.has(h.message.id))], next: next.next };
}

function localMidnight(day: string, plusDays: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (m === null) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}
