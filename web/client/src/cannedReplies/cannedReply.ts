import { Fields, WireFormatError } from '../sync/wire.js';
import { minDate } from '../sync/models.js';

/** Who sees a canned reply: the whole workspace, or its owner alone (`ownerId`). */
export type CannedReplyScope = 'workspace' | 'personal';

/** A canned reply: `text` may hold placeholders (`{{contact.name}}` …) that {@link fillPlaceholders} fills. */
export interface CannedReply {
  readonly id: number;
  readonly scope: CannedReplyScope;
  /** The member who alone sees a personal reply; null for a workspace reply. */
  readonly ownerId: number | null;
  /** Lower-case letters, digits, '-' and '_': typed after `/` in the composer. */
  readonly shortCode: string;
  readonly title: string;
  readonly text: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The data of `canned_reply.deleted`. */
export interface CannedReplyDeleted {
  readonly id: number;
  readonly scope: CannedReplyScope;
  readonly ownerId: number | null;
}

export function parseCannedReply(value: unknown, path = 'cannedReply'): CannedReply {
  const f = Fields.of(value, path);
  return Object.freeze({
    id: positive(f.int('id'), `${path}.id`),
    scope: scope(f.string('scope'), `${path}.scope`),
    ownerId: f.nullableInt('ownerId'),
    shortCode: nonEmpty(f.string('shortCode'), `${path}.shortCode`),
    title: f.string('title'),
    text: nonEmpty(f.string('text'), `${path}.text`),
    version: f.int('version'),
    createdAt: f.date('createdAt', minDate),
    updatedAt: f.date('updatedAt', minDate),
  });
}

export function parseCannedReplyDeleted(value: unknown, path = 'event.data'): CannedReplyDeleted {
  const f = Fields.of(value, path);
  return Object.freeze({ id: positive(f.int('id'), `${path}.id`), scope: scope(f.string('scope'), `${path}.scope`), ownerId: f.nullableInt('ownerId') });
}

// Strict where the composer relies on a value: an unknown scope (a later `team`) is refused whole, never guessed.
function scope(value: string, path: string): CannedReplyScope {
  if (value === 'workspace' || value === 'personal') return value;
  throw new WireFormatError(path, '"workspace" or "personal"');
}

function positive(value: number, path: string): number {
  if (value <= 0) throw new WireFormatError(path, 'a positive integer');
  return value;
}

function nonEmpty(value: string, path: string): string {
  if (value === '') throw new WireFormatError(path, 'a non-empty string');
  return value;
}
