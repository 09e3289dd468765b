import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { conversation } from '../testing/fixtures.js';
import { contactName, filterCounts, inboxState, isWaiting, matchesFilter, visibleConversations } from './conversationStore.js';

const me = 7;
const all = [
  conversation(1, { state: 'assigned', assigneeId: me, botActive: false, unreadCount: 2 }),
  conversation(2, { state: 'queued', botActive: false, contact: { id: 2, name: 'Grace Hopper', email: null } }),
  conversation(3, { state: 'bot', contact: { id: 3, name: 'Ada Lovelace', email: 'ada@example.com' }, unreadCount: 1 }),
  conversation(4, { state: 'resolved', assigneeId: me, botActive: false }),
  conversation(5, { state: 'waiting_customer', assigneeId: 9, botActive: false, contact: { id: 5, name: 'Zoë Ångström', email: null } }),
];

describe('conversationStore', () => {
  beforeEach(() => inboxState.reset());

  it('puts each conversation under the filters it belongs to', () => {
    const ids = (f: Parameters<typeof visibleConversations>[1]) => visibleConversations(all, f, '', me).map((c) => c.id);
    assert.deepEqual(ids('mine'), [1]);
    assert.deepEqual(ids('queued'), [2]);
    assert.deepEqual(ids('bot'), [3]);
    assert.deepEqual(ids('resolved'), [4]);
    assert.deepEqual(ids('all'), [1, 2, 3, 4, 5]);
    assert.deepEqual(ids('snoozed'), []);
  });

  it('a snoozed conversation leaves every list but Snoozed, and the waiting count', () => {
    const sleeping = [conversation(6, { state: 'queued', botActive: false, snoozeUntilReply: true }),
      conversation(7, { state: 'assigned', assigneeId: me, botActive: false, snoozedUntil: '2026-01-02T09:00:00.000+00:00' })];
    const ids = (f: Parameters<typeof visibleConversations>[1]) => visibleConversations([...all, ...sleeping], f, '', me).map((c) => c.id);
    assert.deepEqual(ids('snoozed'), [6, 7]);
    assert.deepEqual(ids('queued'), [2]);
    assert.deepEqual(ids('mine'), [1]);
    assert.deepEqual(ids('all'), [1, 2, 3, 4, 5]);
    assert.equal(isWaiting(sleeping[0]!), false);
    assert.equal(isWaiting(all[1]!), true);
    assert.equal(filterCounts([...all, ...sleeping], me).snoozed.total, 2);
  });

  it('keeps the live order it is given (newest activity first), so the list reorders with the store', () => {
    const reordered = [all[2]!, all[0]!, all[1]!];
    assert.deepEqual(visibleConversations(reordered, 'all', '', me).map((c) => c.id), [3, 1, 2]);
  });

  it('searches contact names and emails, ignoring case and accents', () => {
    assert.deepEqual(visibleConversations(all, 'all', 'grace', me).map((c) => c.id), [2]);
    assert.deepEqual(visibleConversations(all, 'all', 'ADA@', me).map((c) => c.id), [3]);
    assert.deepEqual(visibleConversations(all, 'all', 'zoe angstrom', me).map((c) => c.id), [5]);
    assert.deepEqual(visibleConversations(all, 'queued', 'ada', me), []);
  });

  it('counts conversations and unread ones per filter', () => {
    const counts = filterCounts(all, me);
    assert.deepEqual(counts.mine, { total: 1, unread: 1 });
    assert.deepEqual(counts.bot, { total: 1, unread: 1 });
    assert.deepEqual(counts.all, { total: 5, unread: 2 });
  });

  it('mine needs a signed-in member and never shows resolved conversations', () => {
    assert.equal(matchesFilter(all[0]!, 'mine', null), false);
    assert.equal(matchesFilter(all[3]!, 'mine', me), false);
  });

  it('names a contact without a name by email, then by number', () => {
    assert.equal(contactName(conversation(8, { contact: { id: 8, name: ' ', email: 'x@example.com' } })), 'x@example.com');
    assert.equal(contactName(conversation(9, { contact: null })), 'Visitor #9');
  });

  it('holds the chosen filter and search, and resets for tests', () => {
    inboxState.setFilter('queued');
    inboxState.setQuery('ada');
    assert.deepEqual(inboxState.get(), { filter: 'queued', query: 'ada' });
    inboxState.reset();
    assert.deepEqual(inboxState.get(), { filter: 'all', query: '' });
  });
});
