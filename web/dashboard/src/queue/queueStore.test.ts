import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conversation } from '../testing/fixtures.js';
import { orderIsStale, queuedConversations } from './queueStore.js';

describe('queueStore', () => {
  const all = [
    conversation(1, { state: 'queued', updatedAt: '2026-01-01T10:05:00Z' }),
    conversation(2, { state: 'assigned' }),
    conversation(3, { state: 'queued', updatedAt: '2026-01-01T10:01:00Z' }),
    conversation(4, { state: 'queued', updatedAt: '2026-01-01T10:09:00Z' }),
  ];

  it('lists only queued conversations, in the server\'s order, newcomers last', () => {
    assert.deepEqual(queuedConversations(all, [1, 3]).map((c) => c.id), [1, 3, 4]);
    assert.deepEqual(queuedConversations(all, []).map((c) => c.id), [3, 1, 4]);
  });

  it('a conversation that left the queue leaves the list at once, whatever the last order said', () => {
    assert.deepEqual(queuedConversations(all, [2, 1, 3, 4]).map((c) => c.id), [1, 3, 4]);
  });

  it('asks for the order again only when someone joined that it does not know', () => {
    assert.equal(orderIsStale(all, [1, 3, 4]), false);
    assert.equal(orderIsStale(all, [1, 3]), true);
    assert.equal(orderIsStale(all, [1, 3, 4, 9]), false);
  });
});
