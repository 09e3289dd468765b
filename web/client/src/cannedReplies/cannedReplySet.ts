import { parseCannedReply, parseCannedReplyDeleted, type CannedReply } from './cannedReply.js';

/** The event types that change the canned replies. */
export const cannedReplyEventTypes = Object.freeze(['canned_reply.updated', 'canned_reply.deleted'] as const);

/**
 * The canned replies the caller may use, kept current: loaded from the snapshot, then changed by the events after
 * its cursor. Versions decide, so an event read twice or late never brings an older copy (or a deleted reply) back.
 */
export class CannedReplySet {
  readonly #byId = new Map<number, CannedReply>();
  // Ids are never reused: a late copy of a deleted reply must not bring it back.
  readonly #deleted = new Set<number>();
  #sorted: readonly CannedReply[] | undefined;

  /** Replaces the set (`replace`: after a reset) or merges into it by version. */
  load(replies: readonly CannedReply[], replace: boolean): void {
    if (replace) {
      this.#byId.clear();
      this.#deleted.clear();
    }
    for (const r of replies) this.#upsert(r);
    this.#sorted = undefined;
  }

  /** Applies a `canned_reply.*` event's data; false for any other type. Throws WireFormatError on bad data. */
  apply(type: string, data: unknown): boolean {
    if (type === 'canned_reply.updated') {
      this.#upsert(parseCannedReply(data, 'event.data'));
    } else if (type === 'canned_reply.deleted') {
      const { id } = parseCannedReplyDeleted(data);
      this.#deleted.add(id);
      this.#byId.delete(id);
    } else {
      return false;
    }
    this.#sorted = undefined;
    return true;
  }

  /** Every reply, by short code (personal before workspace for the same code: one's own wins the first place). */
  get all(): readonly CannedReply[] {
    this.#sorted ??= Object.freeze([...this.#byId.values()].sort(byCode));
    return this.#sorted;
  }

  #upsert(r: CannedReply): void {
    if (this.#deleted.has(r.id)) return;
    const known = this.#byId.get(r.id);
    if (known === undefined || known.version < r.version) this.#byId.set(r.id, r);
  }
}

function byCode(a: CannedReply, b: CannedReply): number {
  if (a.shortCode !== b.shortCode) return a.shortCode < b.shortCode ? -1 : 1;
  if (a.scope !== b.scope) return a.scope === 'personal' ? -1 : 1;
  return a.id - b.id;
}

/**
 * The replies matching what was typed after `/`: by short code first (prefix, then anywhere), then by title
 * (case-insensitive), each group in its order. An empty query lists them all.
 */
export function searchCannedReplies(replies: readonly CannedReply[], query: string): CannedReply[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...replies];
  const rank = (r: CannedReply): number =>
    r.shortCode.startsWith(q) ? 0 : r.shortCode.includes(q) ? 1 : r.title.toLowerCase().includes(q) ? 2 : -1;
  return replies.map((r) => ({ r, at: rank(r) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at).map((x) => x.r);
}
