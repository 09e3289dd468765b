import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HistoryStore } from './historyStore.js';

describe('historyStore', () => {
  it('loads the page before the oldest ordinal and remembers when the beginning is reached', async () => {
    const history = new HistoryStore();
    const asked: number[] = [];
    const applied: number[][] = [];
    const fetchPage = async (before: number) => { asked.push(before); return { items: [before - 2, before - 1], hasMore: before > 3 }; };
    await history.loadOlder(1, 10, fetchPage, (items) => applied.push([...items]));
    assert.deepEqual(asked, [10]);
    assert.deepEqual(applied, [[8, 9]]);
    assert.equal(history.get(1).complete, false);
    await history.loadOlder(1, 3, fetchPage, (items) => applied.push([...items]));
    assert.equal(history.get(1).complete, true);
    await history.loadOlder(1, 1, fetchPage, () => {});
    assert.deepEqual(asked, [10, 3], 'nothing is asked once complete');
  });

  it('asks once while a page is loading, and needs no request at ordinal 1', async () => {
    const history = new HistoryStore();
    let calls = 0;
    let release: () => void = () => {};
    const fetchPage = () => { calls++; return new Promise<{ items: number[]; hasMore: boolean }>((r) => { release = () => r({ items: [], hasMore: true }); }); };
    const first = history.loadOlder(2, 50, fetchPage, () => {});
    void history.loadOlder(2, 50, fetchPage, () => {});
    assert.equal(history.get(2).loading, true);
    release();
    await first;
    assert.equal(calls, 1);
    await history.loadOlder(3, 1, fetchPage, () => {});
    assert.equal(calls, 1);
    assert.equal(history.get(3).complete, true);
  });

  it('a failed page can be tried again', async () => {
    const history = new HistoryStore();
    await history.loadOlder(4, 20, () => Promise.reject(new Error('offline')), () => {});
    assert.deepEqual(history.get(4), { loading: false, complete: false, failed: true });
    await history.loadOlder(4, 20, async () => ({ items: [], hasMore: false }), () => {});
    assert.equal(history.get(4).complete, true);
  });
});
