import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isSnoozed, LiveStoreCore, parseConversation, parseSnapshot, parseStreamEvent } from '../src/index.js';

// Snooze in the live store: optimistic until the stream confirms it, sent on its own endpoints, and a wake from the
// server (the customer writing, the timer) replaces it like any newer snapshot.

const t0 = Date.UTC(2026, 0, 1);
const queued = {
  id: 1, inboxId: 1, state: 'queued', botActive: false, assigneeId: null, version: 3, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  snoozedUntil: null, snoozeUntilReply: false, wakeReason: null,
};

function store(): LiveStoreCore {
  const s = new LiveStoreCore();
  s.loadSnapshot(parseSnapshot({ cursor: 10, conversations: [queued] }));
  return s;
}

describe('snooze', () => {
  test('the fields parse, and a server without them reads as not snoozed', () => {
    const c = parseConversation({ ...queued, snoozedUntil: '2026-01-02T09:00:00+01:00', wakeReason: 'snooze_ended' });
    assert.equal(c.snoozedUntil, '2026-01-02T09:00:00+01:00');
    assert.equal(c.wakeReason, 'snooze_ended');
    assert.equal(isSnoozed(c), true);
    const old = parseConversation({ id: 2 });
    assert.deepEqual([old.snoozedUntil, old.snoozeUntilReply, old.wakeReason, isSnoozed(old)], [null, false, null, false]);
  });

  test('snoozing shows at once, goes to /snooze with the mutation id, and settles on its event', () => {
    const s = store();
    s.updateConversation(1, { snooze: { untilReply: true } }, 'm1');
    assert.equal(isSnoozed(s.getConversation(1)!), true);
    const [request] = s.takeDueRequests(t0);
    assert.deepEqual([request?.method, request?.path, request?.body], ['POST', '/api/v1/conversations/1/snooze', { mutationId: 'm1', untilReply: true }]);
    s.onResponse('m1', 200, { seq: 11, replayed: false, conversation: { ...queued, version: 4, snoozeUntilReply: true } }, t0);
    s.applyEvent(parseStreamEvent({
      seq: 11, type: 'conversation.updated', conversationId: 1, mutationId: 'm1',
      data: { conversation: { ...queued, version: 4, snoozeUntilReply: true }, change: 'snoozed' },
    }));
    assert.equal(s.pendingCount, 0);
    assert.equal(s.getConversation(1)?.snoozeUntilReply, true);

    // The customer writes: the message's snapshot wakes it, with the marker.
    s.applyEvent(parseStreamEvent({
      seq: 12, type: 'message.created', conversationId: 1, clientMessageId: 'v1',
      data: {
        message: { id: 5, conversationId: 1, ordinal: 1, clientMessageId: 'v1', senderRole: 'customer', text: 'hi', status: 'sent', seq: 12, version: 1, createdAt: '2026-01-01T00:00:00Z' },
        conversation: { ...queued, version: 5, wakeReason: 'customer_replied' },
      },
    }));
    assert.deepEqual([isSnoozed(s.getConversation(1)!), s.getConversation(1)?.wakeReason], [false, 'customer_replied']);
  });

  test('a timed snooze and an unsnooze go to their endpoints; a refusal falls back to the confirmed state', () => {
    const s = store();
    s.updateConversation(1, { snooze: { until: '2026-01-01T10:00:00Z' } }, 'm1');
    assert.equal(s.getConversation(1)?.snoozedUntil, '2026-01-01T10:00:00Z');
    const [snooze] = s.takeDueRequests(t0);
    assert.deepEqual([snooze?.path, snooze?.body], ['/api/v1/conversations/1/snooze', { mutationId: 'm1', until: '2026-01-01T10:00:00Z' }]);
    s.onResponse('m1', 400, { code: 'snooze_until_invalid', detail: 'until must be in the future.' }, t0);
    assert.equal(isSnoozed(s.getConversation(1)!), false);
    assert.equal(s.errors.at(-1)?.code, 'snooze_until_invalid');

    s.updateConversation(1, { snooze: null }, 'm2');
    const [unsnooze] = s.takeDueRequests(t0);
    assert.deepEqual([unsnooze?.path, unsnooze?.body], ['/api/v1/conversations/1/unsnooze', { mutationId: 'm2' }]);
  });

  test('a snooze travels alone, and resolving shows the snooze gone', () => {
    const s = store();
    assert.throws(() => s.updateConversation(1, { snooze: { untilReply: true }, resolved: true }));
    s.updateConversation(1, { snooze: { untilReply: true } }, 'm1');
    s.updateConversation(1, { resolved: true }, 'm2');
    assert.deepEqual([s.getConversation(1)?.state, isSnoozed(s.getConversation(1)!)], ['resolved', false]);
  });
});
