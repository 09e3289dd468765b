import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TypingSender } from '../src/index.js';

describe('typingSender', () => {
  it('sends start once, refreshes it while typing goes on, and stop after a pause', () => {
    const sent: string[] = [];
    const t = new TypingSender((id, state) => sent.push(`${id}:${state}`), { refreshMs: 3000, idleMs: 4000 });
    t.input(4, true, 0);
    t.input(4, true, 1000);
    t.input(4, true, 3000);
    assert.deepEqual(sent, ['4:start', '4:start']);
    t.tick(6999);
    assert.equal(t.typing, true);
    assert.equal(t.nextTick(), 7000);
    t.tick(7000);
    assert.deepEqual(sent, ['4:start', '4:start', '4:stop']);
    assert.equal(t.nextTick(), undefined);
  });

  it('stops when the draft is cleared, sent, or the operator moves to another conversation', () => {
    const sent: string[] = [];
    const t = new TypingSender((id, state) => sent.push(`${id}:${state}`));
    t.input(4, true, 0);
    t.input(4, false, 10);
    t.input(4, true, 20);
    t.input(5, true, 30);
    t.stop();
    t.stop();
    assert.deepEqual(sent, ['4:start', '4:stop', '4:start', '4:stop', '5:start', '5:stop']);
  });
});
