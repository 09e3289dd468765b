import { parseContactDetails, parseContactMerged, type ContactDetails } from './contactModels.js';

/** The event types that change contacts (team only). */
export const contactEventTypes = Object.freeze(['contact.updated', 'contact.merged'] as const);

/**
 * The contacts a dashboard has looked at, kept current by `contact.updated` (the whole contact, by version) and
 * `contact.merged` (the merged-away one now points at the kept one). Fed by {@link load} from `GET /contacts/{id}` and
 * by the live store's `applyOther` hook: a load older than an event already applied changes nothing.
 */
export class ContactSet {
  readonly #byId = new Map<number, ContactDetails>();
  readonly #listeners = new Set<() => void>();

  /** Merges a contact read from the API, by version. */
  load(contact: ContactDetails): void {
    if (this.#upsert(contact)) this.#notify();
  }

  /** Applies a `contact.*` event's data; false for any other type. Throws WireFormatError on bad data. */
  apply(type: string, data: unknown): boolean {
    if (type === 'contact.updated') {
      if (this.#upsert(parseContactDetails(data, 'event.data'))) this.#notify();
      return true;
    }
    if (type === 'contact.merged') {
      const { keptId, mergedId } = parseContactMerged(data);
      const merged = this.#byId.get(mergedId);
      if (merged !== undefined && merged.mergedIntoId !== keptId) {
        this.#byId.set(mergedId, Object.freeze({ ...merged, mergedIntoId: keptId, version: merged.version + 1 }));
        this.#notify();
      }
      return true;
    }
    return false;
  }

  /** The contact as last known, or undefined when never loaded. */
  get(id: number): ContactDetails | undefined {
    return this.#byId.get(id);
  }

  /** Hears every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => { this.#listeners.delete(listener); };
  }

  #upsert(c: ContactDetails): boolean {
    const known = this.#byId.get(c.id);
    if (known !== undefined && known.version >= c.version) return false;
    this.#byId.set(c.id, c);
    return true;
  }

  #notify(): void {
    for (const l of [...this.#listeners]) {
      try { l(); } catch (error) { queueMicrotask(() => { throw error; }); }
    }
  }
}
