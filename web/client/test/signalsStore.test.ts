import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignalsStore, draftTtlMs, thinkingTtlMs, typingTtlMs, type MessageView, type Signal, type SignalContext } from '../src/index.js';

function signal(type: string, conversationId: number | null, actor: unknown, data: unknown): Signal {
  return { type, conversationId, actor, data };
}

const context: SignalContext = {
  isSelf: (actor) => actor.type === 'member' && actor.id === 2,
  name: (actor) => actor.type === 'contact' ? 'Ada' : actor.type === 'member' ? `Member ${actor.id}` : null,
};
const contact = { type: 'contact', id: 4 };

describe('signalsStore', () => {
  it('shows the visitor typing until stop, or until it expires without a refresh', () => {
    const s = new SignalsStore();
    s.apply(signal('typing', 4, contact, { state: 'start' }), 0, context);
    assert.deepEqual(s.view(4).typing, ['Ada']);
    s.apply(signal('typing', 4, contact, { state: 'stop' }), 100, context);
    assert.deepEqual(s.view(4).typing, []);
    s.apply(signal('typing', 4, contact, { state: 'start' }), 1000, context);
    s.apply(signal('typing', 4, contact, { state: 'start' }), 3000, context); // a refresh extends it
    s.expire(1000 + typingTtlMs);
    assert.deepEqual(s.view(4).typing, ['Ada']);
    s.expire(3000 + typingTtlMs);
    assert.deepEqual(s.view(4).typing, []);
  });

  it('ignores its own member typing in another tab, and lists each typist once', () => {
    const s = new SignalsStore();
    s.apply(signal('typing', 4, { type: 'member', id: 2 }, { state: 'start' }), 0, context);
    s.apply(signal('typing', 4, { type: 'member', id: 3 }, { state: 'start' }), 0, context);
    s.apply(signal('typing', 4, { type: 'member', id: 3 }, { state: 'start' }), 10, context);
    assert.deepEqual(s.view(4).typing, ['Member 3']);
  });

  it('assembles bot.delta pieces by index, once each, whatever order they come in', () => {
    const s = new SignalsStore();
    s.apply(signal('bot.delta', 4, { type: 'bot', id: null }, { replyId: 'r1', index: 1, text: 'world' }), 0, context);
    s.apply(signal('bot.delta', 4, { type: 'bot', id: null }, { replyId: 'r1', index: 0, text: 'Hello ' }), 0, context);
    s.apply(signal('bot.delta', 4, { type: 'bot', id: null }, { replyId: 'r1', index: 0, text: 'Hello ' }), 0, context);
    assert.deepEqual(s.view(4).drafts, [{ replyId: 'r1', text: 'Hello world' }]);
  });

  it('drops a draft when its final message (clientMessageId = replyId) is in, and stops thinking', () => {
    const s = new SignalsStore();
    s.apply(signal('bot.thinking', 4, null, { thinking: true }), 0, context);
    s.apply(signal('bot.delta', 4, null, { replyId: 'r1', index: 0, text: 'Hi' }), 0, context);
    s.settleDrafts(4, (id) => id === 'other');
    assert.equal(s.view(4).drafts.length, 1);
    s.settleDrafts(4, (id) => id === 'r1');
    assert.deepEqual(s.view(4).drafts, []);
    assert.equal(s.view(4).botThinking, false);
  });

  it('expires thinking and drafts that were never finished', () => {
    const s = new SignalsStore();
    s.apply(signal('bot.thinking', 4, null, { thinking: true }), 0, context);
    s.apply(signal('bot.delta', 4, null, { replyId: 'r1', index: 0, text: 'Hi' }), 0, context);
    assert.equal(s.nextExpiry(), Math.min(thinkingTtlMs, draftTtlMs));
    s.expire(Math.max(thinkingTtlMs, draftTtlMs));
    assert.equal(s.view(4).botThinking, false);
    assert.deepEqual(s.view(4).drafts, []);
    assert.equal(s.nextExpiry(), undefined);
  });

  it('ignores signals it cannot read, and keeps views stable while nothing changes', () => {
    const s = new SignalsStore();
    const before = s.view(4);
    s.apply(signal('bot.delta', 4, null, { replyId: 'r1', index: -1, text: 'x' }), 0, context);
    s.apply(signal('bot.delta', 4, null, 'nonsense'), 0, context);
    s.apply(signal('typing', 4, 'nobody', { state: 'start' }), 0, context);
    s.apply(signal('typing', null, contact, { state: 'start' }), 0, context);
    s.apply(signal('presence', null, { type: 'member', id: 3 }, { status: 'online' }), 0, context);
    assert.equal(s.view(4), before);
    s.apply(signal('typing', 5, contact, { state: 'start' }), 0, context);
    assert.equal(s.view(4), before);
    assert.equal(s.view(5), s.view(5));
  });
});

// The widget's rules, moved here with its signal code: messages settle what they made obsolete.
describe('signalsStore: what messages settle', () => {
  const visitor: SignalContext = { isSelf: (actor) => actor.type !== 'member', name: () => null };
  const message = (clientMessageId: string, senderRole: string, senderId: number | null = null): MessageView => ({
    clientMessageId, id: 1, ordinal: 1, text: 't', senderRole, senderName: null, status: 'sent', pending: false, isNote: false, error: null,
    server: { senderId } as MessageView['server'], canRetry: false, attachments: [],
  });

  it('an operator typing shows until they stop, write, or it expires; the visitor\'s own typing never shows', () => {
    const s = new SignalsStore();
    s.apply(signal('typing', 7, { type: 'contact', id: 3 }, { state: 'start' }), 0, visitor);
    assert.deepEqual(s.view(7).typing, []);
    s.apply(signal('typing', 7, { type: 'member', id: 2 }, { state: 'start' }), 0, visitor);
    s.settleMessages(7, [message('q', 'customer')]);
    assert.deepEqual(s.view(7).typing, ['Someone']);
    s.settleMessages(7, [message('q', 'customer'), message('a', 'operator', 2)]);
    assert.deepEqual(s.view(7).typing, []);
  });

  it('the bot thinks until it writes; the final message replaces its draft', () => {
    const s = new SignalsStore();
    s.apply(signal('bot.thinking', 7, { type: 'bot', id: null }, { thinking: true }), 0, visitor);
    s.settleMessages(7, [message('q', 'customer')]);
    assert.equal(s.view(7).botThinking, true);
    s.settleMessages(7, [message('q', 'customer'), message('r', 'bot')]);
    assert.equal(s.view(7).botThinking, false);
    s.apply(signal('bot.delta', 7, null, { replyId: 'r-1', index: 1, text: 'world' }), 1, visitor);
    s.apply(signal('bot.delta', 7, null, { replyId: 'r-1', index: 0, text: 'Hello ' }), 2, visitor);
    assert.deepEqual(s.view(7).drafts, [{ replyId: 'r-1', text: 'Hello world' }]);
    s.settleMessages(7, [message('q', 'customer'), message('r', 'bot'), message('r-1', 'bot')]);
    assert.deepEqual(s.view(7).drafts, []);
  });
});
