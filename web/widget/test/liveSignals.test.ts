import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MessageView, Signal } from '@switchboard/client';
import { LiveSignals } from '../src/liveSignals.js';

const conversationId = 7;
const signal = (type: string, data: unknown, actor: unknown = { type: 'bot', id: null }, conversation = conversationId): Signal =>
  ({ type, conversationId: conversation, actor, data });
const message = (clientMessageId: string, senderRole: string, senderId: number | null = null): MessageView => ({
  clientMessageId, id: 1, ordinal: 1, text: 't', senderRole, senderName: null, status: 'sent', pending: false, isNote: false, error: null,
  server: { senderId } as MessageView['server'], canRetry: false,
});

test('an operator typing shows until they stop, write, or the signal expires; the visitor\'s own typing never shows', () => {
  const s = new LiveSignals(() => conversationId, 6000);
  assert.equal(s.apply(signal('typing', { state: 'start' }, { type: 'contact', id: 3 }), 0), false);
  assert.equal(s.apply(signal('typing', { state: 'start' }, { type: 'member', id: 2 }, 8), 0), false);
  assert.equal(s.apply(signal('typing', { state: 'start' }, { type: 'member', id: 2 }), 0), true);
  assert.deepEqual(s.typing, [2]);
  s.apply(signal('typing', { state: 'stop' }, { type: 'member', id: 2 }), 100);
  assert.deepEqual(s.typing, []);
  s.apply(signal('typing', { state: 'start' }, { type: 'member', id: 2 }), 1000);
  s.settle([], 6999);
  assert.deepEqual(s.typing, [2]);
  assert.equal(s.nextExpiry, 7000);
  s.settle([], 7000);
  assert.deepEqual(s.typing, []);
  s.apply(signal('typing', { state: 'start' }, { type: 'member', id: 2 }), 8000);
  s.settle([message('a', 'operator', 2)], 8001);
  assert.deepEqual(s.typing, []);
});

test('the bot thinks until it writes or the signal says it stopped', () => {
  const s = new LiveSignals(() => conversationId);
  s.settle([message('q', 'customer')], 0);
  s.apply(signal('bot.thinking', { thinking: true }), 0);
  assert.equal(s.botThinking, true);
  s.settle([message('q', 'customer'), message('r', 'bot')], 10);
  assert.equal(s.botThinking, false);
  s.apply(signal('bot.thinking', { thinking: true }), 20);
  s.apply(signal('bot.thinking', { thinking: false }), 30);
  assert.equal(s.botThinking, false);
});

test('streamed pieces join in index order whatever their arrival, and the final message replaces the draft', () => {
  const s = new LiveSignals(() => conversationId);
  s.apply(signal('bot.thinking', { thinking: true }), 0);
  s.apply(signal('bot.delta', { replyId: 'r-1', index: 1, text: 'world' }), 1);
  assert.equal(s.botThinking, false, 'the draft shows instead of the thinking dots');
  s.apply(signal('bot.delta', { replyId: 'r-1', index: 0, text: 'Hello ' }), 2);
  s.apply(signal('bot.delta', { replyId: 'r-1', index: 'x', text: 'bad' }), 3);
  assert.deepEqual(s.drafts, [{ replyId: 'r-1', text: 'Hello world' }]);
  s.settle([message('r-1', 'bot')], 4);
  assert.deepEqual(s.drafts, []);
  assert.equal(s.botThinking, false);
});
