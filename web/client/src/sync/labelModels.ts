import { Fields } from './wire.js';

/** A workspace label (team only): a name unique in the workspace regardless of case, a `#rrggbb` colour. */
export interface Label {
  readonly id: number;
  readonly name: string;
  /** `#rrggbb`, lower-case. */
  readonly colour: string;
  readonly description: string | null;
  /** Entity version: a `label.updated` with a lower one than held is stale. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const minDate = '0001-01-01T00:00:00+00:00';

export function parseLabel(value: unknown, path = 'label'): Label {
  const f = Fields.of(value, path);
  return Object.freeze({
    id: f.int('id'),
    name: f.string('name'),
    colour: f.string('colour', '#808080'),
    description: f.nullableString('description'),
    version: f.int('version'),
    createdAt: f.date('createdAt', minDate),
    updatedAt: f.date('updatedAt', minDate),
  });
}

/** The data of `label.deleted`. */
export function parseDeletedLabelId(value: unknown, path = 'event.data'): number {
  const id = Fields.of(value, path).int('id');
  return id;
}

/**
 * A text colour readable on a label's colour: black or white, whichever contrasts more (WCAG relative luminance).
 * Views use it for chips so a name stays legible on any colour an admin picks.
 */
export function labelTextColour(colour: string): '#000000' | '#ffffff' {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (m === null) return '#000000';
  const channel = (hex: string): number => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(m[1]!) + 0.7152 * channel(m[2]!) + 0.0722 * channel(m[3]!);
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
