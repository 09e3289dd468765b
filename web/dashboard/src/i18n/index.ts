import { en, type Messages } from './en.js';

/**
 * The dashboard's strings. English only for now; a translation adds a file shaped like `en.ts` and is chosen here
 * (for example from the member's setting or `navigator.language`).
 */
export const t: Messages = en;

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}
