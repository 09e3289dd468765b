import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Conversation } from '@switchboard/client';
import { conversation } from '../testing/fixtures.js';
import { attentionCount, detectAlerts, remember, titleWith } from './alertRules.js';

const me = 7;
const ctx = { meId: me, openId: null, focused: true };
const c = (id: number, over: Partial<Conversation>): Conversation => conversation(id, over);

describe('alerts', () => {
  test('a conversation that starts waiting alerts once; staying queued does not alert again', () => {
    const before = remember([c(1, { state: 'bot' })]);
    const queued = [c(1, { state: 'queued' }), c(2, { state: 'queued' })];
    assert.deepEqual(detectAlerts(before, queued, ctx), [{ kind: 'queued', conversationId: 1 }, { kind: 'queued', conversationId: 2 }]);
    assert.deepEqual(detectAlerts(remember(queued), queued, ctx), []);
  });

  test('a customer message alerts in one\'s own conversations only, and never for the one open in a focused tab', () => {
    const before = remember([c(1, { state: 'assigned', assigneeId: me }), c(2, { state: 'assigned', assigneeId: 9 })]);
    const after = [c(1, { state: 'assigned', assigneeId: me, unreadCount: 1 }), c(2, { state: 'assigned', assigneeId: 9, unreadCount: 3 })];
    assert.deepEqual(detectAlerts(before, after, ctx), [{ kind: 'message', conversationId: 1 }]);
    assert.deepEqual(detectAlerts(before, after, { ...ctx, openId: 1 }), []);
    assert.deepEqual(detectAlerts(before, after, { ...ctx, openId: 1, focused: false }), [{ kind: 'message', conversationId: 1 }]);
  });

  test('one\'s own reply (unread back to 0, state waiting) and a read receipt never alert', () => {
    const before = remember([c(1, { state: 'assigned', assigneeId: me, unreadCount: 2 })]);
    assert.deepEqual(detectAlerts(before, [c(1, { state: 'waiting_customer', assigneeId: me, unreadCount: 0 })], ctx), []);
  });

  test('the title counts waiting customers and own unread conversations', () => {
    const list = [c(1, { state: 'queued' }), c(2, { state: 'assigned', assigneeId: me, unreadCount: 2 }), c(3, { state: 'assigned', assigneeId: 9, unreadCount: 1 }),
      c(4, { state: 'resolved', assigneeId: me, unreadCount: 1 })];
    assert.equal(attentionCount(list, me), 2);
    assert.equal(titleWith(2, 'Switchboard'), '(2) Switchboard');
    assert.equal(titleWith(0, 'Switchboard'), 'Switchboard');
    assert.equal(titleWith(120, 'Switchboard'), '(99+) Switchboard');
  });
});
