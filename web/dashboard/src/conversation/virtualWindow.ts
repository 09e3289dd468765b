// The arithmetic of the windowed message list: item tops from measured heights (an estimate until measured),
// which items cross the viewport, and the anchor that keeps what the reader looks at in place while items above
// it are added (older pages) or re-measured. Pure, so the list stays smooth with 10,000 messages: every function
// is O(n) or O(log n) over plain arrays.

/** `offsets[i]` is the top of item i; `offsets[n]` is the total height. */
export function computeOffsets(keys: readonly string[], heights: ReadonlyMap<string, number>, estimate: number): Float64Array {
  const offsets = new Float64Array(keys.length + 1);
  let top = 0;
  for (let i = 0; i < keys.length; i++) {
    offsets[i] = top;
    top += heights.get(keys[i] as string) ?? estimate;
  }
  offsets[keys.length] = top;
  return offsets;
}

/**
 * `previous` when `next` holds the same keys in the same order, else `next`: a re-render for a status change keeps the
 * same key list, so the layout computed from it is the same object and the scroll position is left alone.
 */
export function sameKeys(previous: readonly string[], next: readonly string[]): readonly string[] {
  if (previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (previous[i] !== next[i]) return next;
  return previous;
}

/** The index of the item at `y` (the last whose top is at or above it); 0 for an empty list. */
export function indexAt(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] as number) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Items to render: those crossing [scrollTop - overscan, scrollTop + viewport + overscan], as [start, end). */
export function visibleRange(offsets: Float64Array, scrollTop: number, viewport: number, overscan: number): { start: number; end: number } {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const start = indexAt(offsets, Math.max(0, scrollTop - overscan));
  const end = Math.min(n, indexAt(offsets, scrollTop + viewport + overscan) + 1);
  return { start, end };
}

/** What the reader looks at: the first item crossing the top edge and how far its top is above the edge. */
export interface Anchor {
  readonly key: string;
  readonly offset: number;
}

export function captureAnchor(keys: readonly string[], offsets: Float64Array, scrollTop: number): Anchor | null {
  if (keys.length === 0) return null;
  const i = indexAt(offsets, scrollTop);
  const key = keys[i];
  return key === undefined ? null : { key, offset: scrollTop - (offsets[i] as number) };
}

/** The scrollTop that puts the anchor item where it was; null when it is gone. */
export function restoreAnchor(anchor: Anchor, indexOfKey: ReadonlyMap<string, number>, offsets: Float64Array): number | null {
  const i = indexOfKey.get(anchor.key);
  return i === undefined ? null : (offsets[i] as number) + anchor.offset;
}

/** Within `slack` px of the bottom: new messages keep the list scrolled to the end. */
export function isAtBottom(scrollTop: number, viewport: number, total: number, slack = 48): boolean {
  return total - (scrollTop + viewport) <= slack;
}
