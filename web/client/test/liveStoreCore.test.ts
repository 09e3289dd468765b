import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LiveStoreCore, parseConversation, parseMessage, parseSnapshot, parseStreamEvent, RetryPolicy, WireFormatError, type LiveStoreLogger } from '../src/index.js';

// What the vectors do not reach: the TypeScript surface (subscribe, parsing at the wire boundary,
// answers that are not what the protocol says) and one settle rule no vector covers.

const t0 = Date.UTC(2026, 0, 1);
const conversation = { id: 1, inboxId: 1, state: 'bot', botActive: true, assigneeId: null, version: 3, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const message = (clientMessageId: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 200, conversationId: 1, ordinal: 1, clientMessageId, senderRole: 'operator', text: 'secret text', status: 'sent', seq: 11, version: 1,
  createdAt: '2026-01-01T00:00:00Z', ...extra,
});

function storeWithConversation(logger?: LiveStoreLogger): LiveStoreCore {
  const store = new LiveStoreCore(logger === undefined ? {} : { logger });
  store.loadSnapshot(parseSnapshot({ cursor: 10, conversations: [conversation] }));
  return store;
}

function recordingLogger(): LiveStoreLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (m, fields) => { lines.push(`${m} ${JSON.stringify(fields)}`); } };
}

describe('subscribe', () => {
  test('tells every change until unsubscribed, and counts revisions', () => {
    const store = new LiveStoreCore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => { calls++; });
    const before = store.revision;
    store.loadSnapshot(parseSnapshot({ cursor: 1, conversations: [conversation] }));
    store.updateConversation(1, { botActive: false }, 'm1');
    assert.equal(calls, 2);
    assert.equal(store.revision, before + 2);
    unsubscribe();
    store.requestSnapshot();
    assert.equal(calls, 2);
  });

  test('a listener that throws does not stop the others or the store; its error is reported', () => {
    const reported: unknown[] = [];
    const store = new LiveStoreCore({ reportError: (error) => { reported.push(error); } });
    let second = 0;
    store.subscribe(() => { throw new Error('listener bug'); });
    store.subscribe(() => { second++; });
    store.requestSnapshot();
    assert.equal(second, 1);
    assert.equal(store.needsSnapshot, true);
    assert.equal((reported[0] as Error | undefined)?.message, 'listener bug');
  });
});

describe('parsing at the wire boundary', () => {
  test('missing fields take the .NET defaults, unknown fields are dropped', () => {
    const c = parseConversation({ id: 5, queuedAt: '2026-01-01T00:00:00Z' });
    assert.deepEqual(c, {
      id: 5, inboxId: 0, contact: null, state: 'bot', botActive: false, assigneeId: null, messageCount: 0, lastMessageAt: null,
      lastMessagePreview: null, unreadCount: 0, handoffReason: null, version: 0, createdAt: '0001-01-01T00:00:00+00:00', updatedAt: '0001-01-01T00:00:00+00:00', labelIds: [],
      snoozedUntil: null, snoozeUntilReply: false, wakeReason: null,
    });
    assert.equal(parseMessage({}).status, 'sent');
  });

  test('a field of the wrong type throws WireFormatError naming the field, not the value', () => {
    assert.throws(() => parseMessage(message('c1', { ordinal: 'secret text' })), (e: unknown) =>
      e instanceof WireFormatError && e.path === 'message.ordinal' && !e.message.includes('secret'));
    assert.throws(() => parseStreamEvent('garbage'), WireFormatError);
    assert.throws(() => parseStreamEvent({ seq: 1.5 }), WireFormatError);
    assert.throws(() => parseConversation({ id: 1, createdAt: 'yesterday' }), WireFormatError);
    assert.throws(() => parseConversation({ id: 1, botActive: null }), WireFormatError);
  });
});

describe('malformed data never stops the store', () => {
  test('an event whose message is unreadable is skipped whole, its seq counts, the log has no text', () => {
    const logger = recordingLogger();
    const store = storeWithConversation(logger);
    store.applyEvent(parseStreamEvent({
      seq: 11, type: 'message.created', conversationId: 1, clientMessageId: 'k1',
      data: { message: message('k1', { version: 'x' }), conversation: { ...conversation, version: 4, botActive: false } },
    }));
    assert.equal(store.cursor, 11);
    assert.equal(store.getConversation(1)?.version, 3, 'the readable conversation of a bad event is not applied either');
    assert.deepEqual(store.getMessages(1), []);
    assert.equal(logger.lines.length, 1);
    assert.ok(!logger.lines[0]!.includes('secret'), logger.lines[0]);
  });

  test('answers with unreadable parts do not throw, and a later bare answer keeps the message shown as sent', () => {
    const store = storeWithConversation();
    store.sendMessage(1, 'hello', { clientMessageId: 'c1' });
    store.takeDueRequests(t0);
    assert.doesNotThrow(() => store.onResponse('c1', 201, { seq: '11', message: 'garbage' }, t0));
    assert.equal(store.getMessages(1)[0]?.status, 'sending');
    store.onResponse('c1', 200, { seq: 11, message: message('c1') }, t0);
    assert.equal(store.getMessages(1)[0]?.status, 'sent');
    store.onResponse('c1', 200, undefined, t0);
    assert.equal(store.getMessages(1)[0]?.status, 'sent');
    assert.equal(store.getMessages(1)[0]?.id, 200);
  });
});

describe('settling', () => {
  test('a message that arrives in a page while its POST waits to retry is settled and not sent again', () => {
    const store = storeWithConversation();
    store.sendMessage(1, 'hello', { clientMessageId: 'c1' });
    store.takeDueRequests(t0);
    store.onTransportFailure('c1', t0);
    store.loadMessages(1, [parseMessage(message('c1'))]);
    assert.equal(store.pendingCount, 0);
    assert.deepEqual(store.takeDueRequests(t0 + 60_000), []);
    assert.deepEqual(store.getMessages(1).map((m) => [m.clientMessageId, m.pending]), [['c1', false]]);
  });
});

describe('the surface', () => {
  test('a reply into a colleague\'s conversation says replyAnyway only when asked, and the refusal keeps the text for the draft', () => {
    const store = storeWithConversation();
    store.sendMessage(1, 'plain', { clientMessageId: 'c1', sendSeenSeq: false });
    store.sendMessage(1, 'deliberate', { clientMessageId: 'c2', sendSeenSeq: false, replyAnyway: true });
    const sent = store.takeDueRequests(t0);
    assert.deepEqual(sent.map((r) => r.body), [{ clientMessageId: 'c1', text: 'plain' }]);
    store.onResponse('c1', 409, { code: 'conversation_owned_by_other', detail: 'Ana owns this conversation.' }, t0);
    assert.deepEqual(store.errors.map((e) => [e.key, e.code, e.status, e.text]), [['c1', 'conversation_owned_by_other', 409, 'plain']]);
    assert.deepEqual(store.takeDueRequests(t0).map((r) => r.body), [{ clientMessageId: 'c2', text: 'deliberate', replyAnyway: true }]);
  });

  test('a patch is copied: changing the caller\'s object later changes nothing', () => {
    const store = storeWithConversation();
    const patch: { botActive?: boolean } = { botActive: false };
    store.updateConversation(1, patch, 'm1');
    patch.botActive = true;
    assert.equal(store.getConversation(1)?.botActive, false);
    assert.deepEqual(store.takeDueRequests(t0)[0]?.body, { mutationId: 'm1', botActive: false });
  });

  test('unknown things read as undefined; generated ids are 32 hex digits and distinct', () => {
    const store = storeWithConversation();
    assert.equal(store.getConversation(99), undefined);
    assert.equal(store.nextRetryAt, undefined);
    assert.equal(store.describePending('nope'), undefined);
    const a = store.sendMessage(1, 'one');
    const b = store.updateConversation(1, { resolved: true });
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.match(b, /^[0-9a-f]{32}$/);
    assert.notEqual(a, b);
  });

  test('nextRetryAt is the earliest due retry, with jitter from the injected source', () => {
    const store = new LiveStoreCore({ retryPolicy: new RetryPolicy([1000], 0.5), random: () => 0.5 });
    store.loadSnapshot(parseSnapshot({ cursor: 10, conversations: [conversation, { ...conversation, id: 2 }] }));
    store.updateConversation(1, { botActive: false }, 'm1');
    store.updateConversation(2, { botActive: false }, 'm2');
    store.takeDueRequests(t0);
    store.onTransportFailure('m1', t0 + 100);
    store.onTransportFailure('m2', t0);
    assert.equal(store.nextRetryAt, t0 + 1250);
  });
});

describe('the fixes mirrored from the .NET core', () => {
  test('a snapshot keeps conversations it does not list and members it holds newer', () => {
    const store = storeWithConversation();
    const member = { id: 7, email: 'a@x', name: 'A', role: 'operator', presence: 'online', version: 5 };
    store.loadSnapshot(parseSnapshot({ cursor: 12, conversations: [{ ...conversation, id: 2 }], members: [member] }));
    store.loadSnapshot(parseSnapshot({ cursor: 11, conversations: [], members: [{ ...member, presence: 'offline', version: 4 }] }));
    assert.deepEqual(store.conversations.map((c) => c.id).sort(), [1, 2]);
    assert.equal(store.members[0]?.presence, 'online');
    assert.equal(store.cursor, 12);
  });

  test('refused writes carry the conversation, and a message its text for a draft', () => {
    const store = storeWithConversation();
    store.sendMessage(1, 'my draft', { clientMessageId: 'c1' });
    store.updateConversation(1, { botActive: false }, 'm1');
    store.takeDueRequests(t0);
    store.onResponse('c1', 409, { code: 'conversation_closed', detail: 'closed' }, t0);
    store.onResponse('m1', 403, undefined, t0);
    assert.deepEqual(store.errors, [
      { key: 'c1', code: 'conversation_closed', status: 409, detail: 'closed', conversationId: 1, text: 'my draft' },
      { key: 'm1', code: 'http_403', status: 403, detail: null, conversationId: 1, text: null },
    ]);
  });

  test('an event with the clientMessageId but unreadable data leaves the pending message; its answer confirms it later', () => {
    const store = storeWithConversation();
    store.sendMessage(1, 'hello', { clientMessageId: 'c1' });
    store.takeDueRequests(t0);
    store.applyEvent(parseStreamEvent({ seq: 11, type: 'message.created', conversationId: 1, clientMessageId: 'c1', data: { message: message('c1', { clientMessageId: '' }) } }));
    assert.equal(store.pendingCount, 1);
    assert.deepEqual(store.getMessages(1).map((m) => [m.clientMessageId, m.status]), [['c1', 'sending']]);
    store.onResponse('c1', 201, { seq: 11, message: message('c1') }, t0);
    assert.equal(store.pendingCount, 0);
    assert.deepEqual(store.getMessages(1).map((m) => [m.clientMessageId, m.id, m.pending]), [['c1', 200, false]]);
  });

  test('an answer whose message has another clientMessageId counts as without a message', () => {
    const logger = recordingLogger();
    const store = storeWithConversation(logger);
    store.sendMessage(1, 'hello', { clientMessageId: 'c1' });
    store.takeDueRequests(t0);
    store.onResponse('c1', 201, { seq: 11, message: message('other') }, t0);
    store.advanceCursor(11);
    assert.equal(store.pendingCount, 0);
    assert.deepEqual(store.getMessages(1), [], 'nothing joins the confirmed state under a key never sent');
    assert.match(logger.lines[0] ?? '', /answer\.message\.clientMessageId/);
  });

  test('a member event or conversation without an id is skipped whole', () => {
    const store = storeWithConversation();
    store.applyEvent(parseStreamEvent({ seq: 11, type: 'member.updated', data: { email: 'a@x', version: 9 } }));
    store.applyEvent(parseStreamEvent({ seq: 12, type: 'conversation.updated', conversationId: 1, data: { conversation: { version: 9 } } }));
    assert.deepEqual(store.members, []);
    assert.deepEqual(store.conversations.map((c) => c.id), [1]);
    assert.equal(store.cursor, 12);
  });
});
