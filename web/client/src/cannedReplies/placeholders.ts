/**
 * Placeholders of canned replies, filled in the composer when a reply is inserted (the operator sees and can edit
 * the final text). The same table as the server's `CannedReplyPlaceholders`, which refuses unknown names on save.
 */

/** Every known placeholder and what it becomes when its value is missing or blank. */
export const placeholderFallbacks: Readonly<Record<string, string>> = Object.freeze({
  'contact.name': 'there',
  'contact.first_name': 'there',
  'contact.email': '',
  'operator.name': 'our team',
  'operator.first_name': 'our team',
});

// Inner spaces are allowed ({{ contact.name }}); anything else between braces is a name to look up.
const placeholder = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The values placeholders are filled from: the conversation's contact and the operator writing. */
export interface PlaceholderSubjects {
  readonly contactName?: string | null | undefined;
  readonly contactEmail?: string | null | undefined;
  readonly operatorName?: string | null | undefined;
}

/** Each placeholder's value for these subjects; a first name is the name's first word. */
export function placeholderValues(subjects: PlaceholderSubjects): Record<string, string | null> {
  return {
    'contact.name': subjects.contactName ?? null,
    'contact.first_name': firstName(subjects.contactName),
    'contact.email': subjects.contactEmail ?? null,
    'operator.name': subjects.operatorName ?? null,
    'operator.first_name': firstName(subjects.operatorName),
  };
}

/** Replaces each known placeholder by its (trimmed) value or its fallback; unknown ones stay as written. */
export function fillPlaceholders(text: string, subjects: PlaceholderSubjects): string {
  const values = placeholderValues(subjects);
  return text.replace(placeholder, (match, name: string) => {
    const fallback = placeholderFallbacks[name];
    if (fallback === undefined) return match;
    const value = values[name]?.trim() ?? '';
    return value === '' ? fallback : value;
  });
}

/** The names in `text` that are not known placeholders, each once, in order (the server refuses them on save). */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(placeholder)].map((m) => m[1] ?? '').filter((n) => placeholderFallbacks[n] === undefined);
  return [...new Set(names)];
}

function firstName(name: string | null | undefined): string | null {
  return name?.trim().split(/\s+/)[0] || null;
}
