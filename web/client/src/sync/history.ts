import type { Attachment } from '../attachments/attachment.js';
import type { Message } from './models.js';

// History is part of the live store's model (DESIGN §1): per conversation, the ranges of ordinals the store holds
// contiguously. A message that arrived alone (a status event about an old message, a creation far ahead after a
// reset) is kept for its status but is inside no range, so it never makes the transcript look complete: a view
// shows only the newest range, and paging asks for exactly the gap below it.

/** Ordinals `from`..`to` (inclusive) are all held; `to` is Infinity for the live edge (the stream adds to it). */
export interface OrdinalRange {
  readonly from: number;
  readonly to: number;
}

/**
 * What to fetch next (`GET .../messages?before=&after=&limit=`): `before` null asks for the newest page. `epoch`
 * ties the request to the stream's continuity: a page asked for before a reset is not merged after it.
 */
export interface PageRequest {
  readonly conversationId: number;
  readonly before: number | null;
  readonly after: number | null;
  readonly epoch: number;
}

/** A page as the server answered it: items in conversation order, and whether more lie beyond the limit. */
export interface LoadedPage {
  readonly items: readonly Message[];
  readonly hasMore: boolean;
  /** The log's seq when the server read the page (`cursor` of the answer); 0 when unknown. */
  readonly cursor?: number;
}

/** Sorted, disjoint, non-adjacent ranges. */
export class HistoryRanges {
  #ranges: OrdinalRange[] = [];

  get ranges(): readonly OrdinalRange[] { return this.#ranges; }

  /** The range a view shows: the live one, else the one reaching highest. */
  get top(): OrdinalRange | undefined { return this.#ranges[this.#ranges.length - 1]; }

  add(from: number, to: number): void {
    if (to < from) return;
    let lo = from;
    let hi = to;
    const kept: OrdinalRange[] = [];
    for (const r of this.#ranges) {
      // Adjacent ranges merge too: ordinals are integers, so [1,5] and [6,9] leave nothing between them.
      if (r.to + 1 < lo || r.from > hi + 1) kept.push(r);
      else { lo = Math.min(lo, r.from); hi = Math.max(hi, r.to); }
    }
    kept.push(Object.freeze({ from: lo, to: hi }));
    this.#ranges = kept.sort((a, b) => a.from - b.from);
  }

  /** The stream's continuity broke (a reset): the live edge is no longer known to be complete. */
  closeLiveEdge(highestHeld: number): void {
    const top = this.top;
    if (top === undefined || top.to !== Infinity) return;
    this.#ranges = this.#ranges.slice(0, -1);
    if (highestHeld >= top.from) this.#ranges.push(Object.freeze({ from: top.from, to: highestHeld }));
  }

  /** The gap below the top range, as a request's bounds; null when the top range starts at the beginning. */
  gapBelowTop(): { before: number; after: number | null } | null {
    const top = this.top;
    if (top === undefined || top.from <= 1) return null;
    const below = this.#ranges[this.#ranges.length - 2];
    return { before: top.from, after: below === undefined ? null : below.to };
  }

  clear(): void { this.#ranges = []; }
}

/**
 * The range a page answered for: a page asked for before B (or the newest, B = ∞) with items holds everything from
 * its oldest item (or from just after `after`, or from the beginning, when nothing more lies beyond the limit) up
 * to B - 1. Notes hidden from visitors leave ordinals out, so coverage comes from the request, not the items.
 */
export function pageCoverage(request: PageRequest, page: LoadedPage): OrdinalRange | null {
  const to = request.before === null ? Infinity : request.before - 1;
  const oldest = page.items.reduce((min, m) => Math.min(min, m.ordinal), Infinity);
  if (page.hasMore && oldest === Infinity) return null; // a malformed answer: more, but nothing given
  const from = page.hasMore ? oldest : (request.after ?? 0) + 1;
  return to < from ? null : { from, to };
}

/** A conversation's confirmed messages: by clientMessageId, and in ordinal order for slices without sorting. */
export class ConversationMessages {
  readonly byClientId = new Map<string, Message>();
  readonly ranges = new HistoryRanges();
  /** Grows when what the newest range shows changes (a message inside it, or the ranges). */
  viewVersion = 0;
  #ordered: Message[] = [];

  get highestOrdinal(): number { return this.#ordered[this.#ordered.length - 1]?.ordinal ?? 0; }

  has(clientMessageId: string): boolean { return this.byClientId.has(clientMessageId); }

  /** Keeps the newer version; true when it changed something. */
  upsert(m: Message): boolean {
    const known = this.byClientId.get(m.clientMessageId);
    if (known !== undefined && known.version >= m.version) return false;
    this.byClientId.set(m.clientMessageId, m);
    const i = this.#indexOf(m.ordinal);
    if (known !== undefined && this.#ordered[i] === known) this.#ordered[i] = m;
    else {
      if (known !== undefined) this.#ordered.splice(this.#ordered.indexOf(known), 1);
      this.#ordered.splice(this.#indexOf(m.ordinal), 0, m);
    }
    if (this.#inView(m.ordinal)) this.viewVersion++;
    return true;
  }

  /**
   * Replaces one attachment (by id) of a held message (by id), keeping the message's version: the event carries the
   * attachment, not the message. False when the message or the attachment is not held.
   */
  replaceAttachment(messageId: number, attachment: Attachment): boolean {
    const known = this.#ordered.find((m) => m.id === messageId);
    const i = known?.attachments.findIndex((a) => a.id === attachment.id) ?? -1;
    if (known === undefined || i < 0) return false;
    const attachments = Object.freeze(known.attachments.map((a, j) => (j === i ? attachment : a)));
    const m: Message = Object.freeze({ ...known, attachments });
    this.byClientId.set(m.clientMessageId, m);
    this.#ordered[this.#ordered.indexOf(known)] = m;
    if (this.#inView(m.ordinal)) this.viewVersion++;
    return true;
  }

  addRange(range: OrdinalRange): void {
    this.ranges.add(range.from, range.to);
    this.viewVersion++;
  }

  closeLiveEdge(): void {
    this.ranges.closeLiveEdge(this.highestOrdinal);
    this.viewVersion++;
  }

  /** Every held message in ordinal order. */
  all(): readonly Message[] { return this.#ordered; }

  /** The held messages of the top range, in ordinal order (empty without ranges). */
  topSlice(): Message[] {
    const top = this.ranges.top;
    if (top === undefined) return [];
    return this.#ordered.slice(this.#indexOf(top.from), top.to === Infinity ? undefined : this.#indexOf(top.to + 1));
  }

  #inView(ordinal: number): boolean {
    const top = this.ranges.top;
    return top !== undefined && ordinal >= top.from && ordinal <= top.to;
  }

  /** The first index whose ordinal is at least `ordinal`. */
  #indexOf(ordinal: number): number {
    let lo = 0;
    let hi = this.#ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#ordered[mid] as Message).ordinal < ordinal) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
