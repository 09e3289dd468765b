import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { captureAnchor, computeOffsets, isAtBottom, restoreAnchor, sameKeys, visibleRange, type Anchor } from './virtualWindow.js';

interface Props<T> {
  readonly items: readonly T[];
  readonly getKey: (item: T) => string;
  /** Height used until an item is measured. */
  readonly estimate: number;
  readonly render: (item: T, index: number) => ReactNode;
  /** Called when the reader is near the top (load older items). */
  readonly onNearTop?: (() => void) | undefined;
  /** Changing it scrolls to the end (after the operator sent something). */
  readonly followKey?: number;
  /** An item to bring into view once it is among the items (a search hit): scrolled to a third from the top, once. */
  readonly focusKey?: string | undefined;
  readonly className?: string;
  readonly label: string;
}

const overscanPx = 800;
const nearTopPx = 400;

/**
 * A windowed list for long conversations: only the items crossing the viewport (plus an overscan) are in the
 * DOM, between two spacers sized from measured heights (an estimate until measured). It stays at the end while
 * the reader is at the end, and otherwise keeps the item the reader looks at in place when older items are
 * added above or heights change. The container is the role=log; its items are the rendered children.
 */
export function VirtualList<T>({ items, getKey, estimate, render, onNearTop, followKey = 0, focusKey, className, label }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const elements = useRef(new Map<string, HTMLElement>());
  const [measured, setMeasured] = useState(0);
  const [view, setView] = useState({ top: 0, height: 0 });
  const stick = useRef(true);
  const anchor = useRef<Anchor | null>(null);
  // The layout (offsets, viewport height) the scroll position was last set for or taken from: a render that changes
  // neither must leave scrollTop alone, or it undoes a scroll whose event has not been handled yet (a scroll each
  // frame, as wheel and touch animations do, would be pulled back to a stale anchor or to the end every frame).
  const positioned = useRef<{ offsets: Float64Array; height: number } | null>(null);
  const focused = useRef<string | undefined>(undefined);

  // Value-stable: a status change re-renders the items but must not count as a layout change (it would pull the list
  // back to its anchor and undo a scroll whose event has not been handled yet).
  const lastKeys = useRef<readonly string[]>([]);
  const keys = useMemo(() => (lastKeys.current = sameKeys(lastKeys.current, items.map(getKey))), [items, getKey]);
  const indexOfKey = useMemo(() => new Map(keys.map((k, i) => [k, i])), [keys]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const offsets = useMemo(() => computeOffsets(keys, heights.current, estimate), [keys, estimate, measured]);
  const total = offsets[keys.length] ?? 0;
  const { start, end } = visibleRange(offsets, view.top, view.height || 800, overscanPx);

  // Heights of what is rendered, read before paint; a change re-renders with corrected offsets.
  const measure = useCallback((): boolean => {
    let changed = false;
    for (const [key, el] of elements.current) {
      const h = el.offsetHeight;
      if (h > 0 && heights.current.get(key) !== h) {
        heights.current.set(key, h);
        changed = true;
      }
    }
    return changed;
  }, []);

  const observer = useMemo(() => typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
    if (measure()) setMeasured((m) => m + 1);
  }), [measure]);
  useEffect(() => () => observer?.disconnect(), [observer]);

  const itemRef = useCallback((key: string) => (el: HTMLElement | null) => {
    const known = elements.current.get(key);
    if (known !== undefined && known !== el) observer?.unobserve(known);
    if (el === null) elements.current.delete(key);
    else {
      elements.current.set(key, el);
      observer?.observe(el);
    }
  }, [observer]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el === null) return;
    if (measure()) {
      setMeasured((m) => m + 1);
      return;
    }
    // A focus item, once it is here: scrolled to, then held in place by the anchor like anything the reader looks at.
    const focusIndex = focusKey === undefined || focused.current === focusKey ? undefined : indexOfKey.get(focusKey);
    if (focusKey !== undefined && focusIndex !== undefined) {
      focused.current = focusKey;
      stick.current = false;
      el.scrollTop = Math.max(0, (offsets[focusIndex] ?? 0) - el.clientHeight / 3);
      anchor.current = captureAnchor(keys, offsets, el.scrollTop);
      positioned.current = { offsets, height: el.clientHeight };
      setView({ top: el.scrollTop, height: el.clientHeight });
      return;
    }
    // Position: at the end when following, else the anchor where it was; only when the layout changed.
    const layout = positioned.current;
    const moved = layout === null || layout.offsets !== offsets || layout.height !== el.clientHeight;
    if (moved && stick.current) {
      const bottom = Math.max(0, el.scrollHeight - el.clientHeight);
      if (Math.abs(el.scrollTop - bottom) > 1) el.scrollTop = bottom;
    } else if (moved && anchor.current !== null) {
      const top = restoreAnchor(anchor.current, indexOfKey, offsets);
      if (top !== null && Math.abs(el.scrollTop - top) > 1) el.scrollTop = top;
    }
    positioned.current = { offsets, height: el.clientHeight };
    if (el.scrollTop !== view.top || el.clientHeight !== view.height) setView({ top: el.scrollTop, height: el.clientHeight });
  });

  useEffect(() => {
    stick.current = true;
    const el = scrollRef.current;
    if (el !== null) el.scrollTop = el.scrollHeight;
  }, [followKey]);

  useEffect(() => {
    const el = scrollRef.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setView((v) => v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (onNearTop !== undefined && view.height > 0 && view.top < nearTopPx) onNearTop();
  }, [onNearTop, view.top, view.height, total]);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (el === null) return;
    stick.current = isAtBottom(el.scrollTop, el.clientHeight, el.scrollHeight);
    anchor.current = captureAnchor(keys, offsets, el.scrollTop);
    positioned.current = { offsets, height: el.clientHeight };
    setView({ top: el.scrollTop, height: el.clientHeight });
    // Every scroll near the top asks again (the effect below only re-asks when something changed): after a failed or
    // dropped page the reader pulling at the top retries. The SDK runs one request per conversation at a time.
    if (el.scrollTop < nearTopPx) onNearTop?.();
  }, [keys, offsets, onNearTop]);

  const rendered: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const item = items[i];
    const key = keys[i];
    if (item === undefined || key === undefined) continue;
    rendered.push(<div key={key} ref={itemRef(key)} className="vl-item">{render(item, i)}</div>);
  }

  return (
    <div ref={scrollRef} className={`vl-scroll ${className ?? ''}`} onScroll={onScroll} role="log" aria-label={label} tabIndex={0}>
      <div aria-hidden="true" style={{ height: offsets[start] ?? 0 }} />
      {rendered}
      <div aria-hidden="true" style={{ height: Math.max(0, total - (offsets[end] ?? total)) }} />
    </div>
  );
}
