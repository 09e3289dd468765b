import { Fields, isJsonObject, WireFormatError } from '../sync/wire.js';

/** The page a contact's widget last reported (team only). */
export interface ContactPage {
  /** An http(s) URL, fragment included. Show it as text or as a link opened with `noopener`. */
  readonly url: string;
  readonly title: string | null;
  /** The browser's language tag (`de-CH`). */
  readonly language: string | null;
  /** The browser's IANA time zone (`Europe/Zurich`). */
  readonly timeZone: string | null;
  /** What the server derives from those two alone (`Europe/Zurich · CH`); null when they name no place. Not a located address. */
  readonly locationHint: string | null;
  readonly seenAt: string;
}

/** A customer as the team sees them in the contact panel (`GET /contacts/{id}`, `contact.updated`). */
export interface ContactDetails {
  readonly id: number;
  readonly name: string | null;
  readonly email: string | null;
  readonly createdAt: string;
  /** Custom attributes the host page set: a flat object of strings, numbers and booleans, or null. */
  readonly attributes: Readonly<Record<string, string | number | boolean>> | null;
  /** Has a verified identity (the host site's user id, proven by its HMAC). */
  readonly verified: boolean;
  readonly page: ContactPage | null;
  /** Grows with every change: a `contact.updated` with a lower one than held is stale. */
  readonly version: number;
  /** Set once this contact was merged into another: show that one instead. */
  readonly mergedIntoId: number | null;
}

/** The data of `contact.merged` (team copy). */
export interface ContactMerged {
  readonly keptId: number;
  readonly mergedId: number;
  readonly conversationIds: readonly number[];
}

const minDate = '0001-01-01T00:00:00+00:00';

export function parseContactDetails(value: unknown, path = 'contact'): ContactDetails {
  const f = Fields.of(value, path);
  return Object.freeze({
    id: f.int('id'),
    name: f.nullableString('name'),
    email: f.nullableString('email'),
    createdAt: f.date('createdAt', minDate),
    attributes: parseAttributes(f.raw('attributes'), `${path}.attributes`),
    verified: f.bool('verified'),
    page: f.nullableObject('page', parseContactPage),
    version: f.int('version', 1),
    mergedIntoId: f.nullableInt('mergedIntoId'),
  });
}

export function parseContactPage(value: unknown, path = 'page'): ContactPage {
  const f = Fields.of(value, path);
  return Object.freeze({
    url: f.string('url'),
    title: f.nullableString('title'),
    language: f.nullableString('language'),
    timeZone: f.nullableString('timeZone'),
    locationHint: f.nullableString('locationHint'),
    seenAt: f.date('seenAt', minDate),
  });
}

export function parseContactMerged(value: unknown, path = 'event.data'): ContactMerged {
  const f = Fields.of(value, path);
  return Object.freeze({ keptId: f.int('keptId'), mergedId: f.int('mergedId'), conversationIds: Object.freeze(f.ids('conversationIds')) });
}

function parseAttributes(value: unknown, path: string): Readonly<Record<string, string | number | boolean>> | null {
  if (value === undefined || value === null) return null;
  if (!isJsonObject(value)) throw new WireFormatError(path, 'an object or null');
  const out: Record<string, string | number | boolean> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new WireFormatError(`${path}.${key}`, 'a string, number or boolean');
    out[key] = v;
  }
  return Object.freeze(out);
}
