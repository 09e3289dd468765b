import { parseCsatEvent, type Csat } from './csat.js';

/**
 * The newest rating request of each conversation, kept current: loaded from the snapshot, then changed by `csat.updated`
 * events. A newer resolution's request replaces an older one's; versions decide within one, so an event read twice or
 * late never brings an older copy back.
 */
export class CsatSet {
  readonly #byConversation = new Map<number, Csat>();

  /** Replaces the set (`replace`: after a reset) or merges into it. */
  load(items: readonly Csat[], replace: boolean): void {
    if (replace) this.#byConversation.clear();
    for (const c of items) this.#upsert(c);
  }

  /** Applies a `csat.updated` event's data; false for any other type. Throws WireFormatError on bad data. */
  apply(type: string, data: unknown): boolean {
    if (type !== 'csat.updated') return false;
    this.#upsert(parseCsatEvent(data));
    return true;
  }

  /** The conversation's newest request, if it has one. */
  of(conversationId: number): Csat | undefined {
    return this.#byConversation.get(conversationId);
  }

  #upsert(c: Csat): void {
    const known = this.#byConversation.get(c.conversationId);
    if (known === undefined || known.id < c.id || (known.id === c.id && known.version < c.version)) this.#byConversation.set(c.conversationId, c);
  }
}
