import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { captureAnchor, computeOffsets, indexAt, isAtBottom, restoreAnchor, sameKeys, visibleRange } from './virtualWindow.js';

const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `k${from + i}`);

describe('virtualWindow', () => {
  it('keeps the same key list when only the items changed, and a new one when a key did', () => {
    const first = ['a', 'b', 'c'];
    assert.equal(sameKeys(first, ['a', 'b', 'c']), first);
    const added = ['a', 'b', 'c', 'd'];
    assert.equal(sameKeys(first, added), added);
    const replaced = ['a', 'x', 'c'];
    assert.equal(sameKeys(first, replaced), replaced);
    assert.equal(sameKeys([], []).length, 0);
  });

  it('places items by measured heights, the estimate for the rest', () => {
    const offsets = computeOffsets(['a', 'b', 'c'], new Map([['b', 100]]), 50);
    assert.deepEqual([...offsets], [0, 50, 150, 200]);
  });

  it('renders only what crosses the viewport plus the overscan, even with 10,000 items', () => {
    const list = keys(10_000);
    const offsets = computeOffsets(list, new Map(), 60);
    assert.equal(offsets[10_000], 600_000);
    const { start, end } = visibleRange(offsets, 300_000, 900, 600);
    assert.equal(start, indexAt(offsets, 299_400));
    assert.ok(end - start <= 45, `${end - start} items rendered`);
    assert.deepEqual(visibleRange(computeOffsets([], new Map(), 60), 0, 900, 600), { start: 0, end: 0 });
    assert.equal(visibleRange(offsets, 599_100, 900, 600).end, 10_000);
  });

  it('keeps the item the reader looks at in place when older items are added above', () => {
    const before = keys(100, 100);
    const heights = new Map<string, number>();
    const offsetsBefore = computeOffsets(before, heights, 40);
    const anchor = captureAnchor(before, offsetsBefore, 410)!; // 10 px into k110
    assert.deepEqual(anchor, { key: 'k110', offset: 10 });
    const after = [...keys(100, 0), ...before];
    const offsetsAfter = computeOffsets(after, heights, 40);
    const top = restoreAnchor(anchor, new Map(after.map((k, i) => [k, i])), offsetsAfter);
    assert.equal(top, 110 * 40 + 10);
  });

  it('keeps it in place when items above it are re-measured', () => {
    const list = keys(50);
    const anchor = captureAnchor(list, computeOffsets(list, new Map(), 40), 800)!;
    const measured = computeOffsets(list, new Map([['k0', 140], ['k5', 10]]), 40);
    assert.equal(restoreAnchor(anchor, new Map(list.map((k, i) => [k, i])), measured), 800 + 100 - 30);
    assert.equal(restoreAnchor({ key: 'gone', offset: 0 }, new Map(), measured), null);
  });

  it('knows when the reader is at the end', () => {
    assert.equal(isAtBottom(1000, 500, 1530), true);
    assert.equal(isAtBottom(900, 500, 1530), false);
  });
});
