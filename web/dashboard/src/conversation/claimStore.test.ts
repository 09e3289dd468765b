import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conversation } from '../testing/fixtures.js';
import { ClaimStore } from './claimStore.js';

describe('claimStore', () => {
  const queued = conversation(3, { state: 'queued', botActive: false });

  it('shows a claim at once as mine, until the cursor reaches the answer\'s seq', () => {
    const claims = new ClaimStore();
    claims.begin('m1', 3);
    assert.equal(claims.isClaiming(3), true);
    assert.deepEqual([claims.project(queued, 7).state, claims.project(queued, 7).assigneeId], ['assigned', 7]);
    claims.acknowledge('m1', 3, 50, 40);
    assert.equal(claims.project(queued, 7).assigneeId, 7, 'not confirmed before the cursor reaches 50');
    claims.settle(49);
    assert.equal(claims.pending.length, 1);
    claims.settle(50);
    assert.equal(claims.pending.length, 0);
    assert.equal(claims.project(queued, 7), queued);
  });

  it('an answer that arrives after its event settles at once', () => {
    const claims = new ClaimStore();
    claims.begin('m1', 3);
    claims.acknowledge('m1', 3, 50, 55);
    assert.equal(claims.pending.length, 0);
  });

  it('a refusal drops the guess: the view falls back to the confirmed state', () => {
    const claims = new ClaimStore();
    claims.begin('m1', 3);
    claims.drop('m1');
    assert.equal(claims.project(queued, 7), queued);
  });

  it('claim next learns its conversation from the answer', () => {
    const claims = new ClaimStore();
    claims.begin('m2', null);
    assert.equal(claims.isClaiming(null), true);
    assert.equal(claims.project(queued, 7), queued);
    claims.acknowledge('m2', 3, 60, 0);
    assert.equal(claims.isClaiming(null), false);
    assert.equal(claims.project(queued, 7).assigneeId, 7);
  });

  it('the same mutationId is one claim', () => {
    const claims = new ClaimStore();
    claims.begin('m1', 3);
    claims.begin('m1', 3);
    assert.equal(claims.pending.length, 1);
  });
});
