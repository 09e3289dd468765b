import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiClient, HttpError, LiveStore, RetryPolicy, type LiveStoreShellOptions, type Signal } from '../src/index.js';
import { deferred, FakeFetch, json } from './fakes/fakeFetch.js';
import { FakeTimers } from './fakes/fakeTimers.js';
import { botSwitched, conversationJson, eventJson, messageCreated, messageJson, snapshotJson } from './fakes/fixtures.js';
import { advanceUntil, turns, until } from './fakes/settle.js';
import { setupStore } from './fakes/storeSetup.js';

// The network shell over a fake fetch, a fake transport and a manual clock: no server, no sleeps. Every wait
// is a bounded number of event-loop turns (until/advanceUntil) or an explicit move of the fake clock.

const setup = setupStore;

/** Starts the store and opens its first connection. */
async function started(options: Partial<LiveStoreShellOptions> = {}) {
  const s = setup(options);
  await s.store.start();
  await until(() => s.transport.connections.length === 1, 'the first connection');
  s.transport.last.open();
  await until(() => s.store.state === 'live', 'live');
  return s;
}

describe('LiveStore: the stream', () => {
  test('a reconnect resumes from the cursor: no gap, no duplicate', async () => {
    const { store, transport, timers } = await started();
    assert.equal(transport.last.cursor, 10);
    transport.last.push(messageCreated(11, 'a')).push(messageCreated(12, 'b'));
    await until(() => store.cursor === 12, 'events 11 and 12');

    transport.last.fail();
    await until(() => store.state === 'reconnecting', 'reconnecting');
    assert.deepEqual(timers.delays, [0], 'after a healthy connection the schedule starts at its first delay, 0');
    timers.advance(0);
    await until(() => transport.connections.length === 2, 'the second connection');
    assert.equal(transport.last.cursor, 12);

    // The server may repeat what the client had (an overlap); it changes nothing.
    transport.last.open().push(messageCreated(12, 'b')).push(messageCreated(13, 'c'));
    await until(() => store.cursor === 13, 'event 13');
    assert.deepEqual(store.getMessages(1).map((m) => m.clientMessageId), ['a', 'b', 'c']);
    assert.equal(store.connections, 2);
    assert.equal(store.state, 'live');
    await store.stop();
  });

  test('failures to connect wait on the reconnect schedule [0, 500, 1000, 2000] plus jitter, the last repeating', async () => {
    const { store, transport, timers } = setup({ random: () => 0.5 });
    await store.start();
    const waits: number[][] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      await until(() => transport.connections.length === attempt, `attempt ${attempt}`);
      transport.last.fail();
      await until(() => timers.pending === 1, `the wait after attempt ${attempt}`);
      waits.push(timers.delays);
      timers.advance(timers.delays[0]! - 1);
      await turns();
      assert.equal(transport.connections.length, attempt, 'no reconnect before the delay is over');
      timers.advance(1);
    }
    assert.deepEqual(waits, [[0], [550], [1100], [2200], [2200]], 'a low cap: back within ~2 s of the server');
    await until(() => transport.connections.length === 6, 'attempt 6');
    transport.last.fail(new HttpError(401, 'invalid_token', null));
    await until(() => store.streamError instanceof HttpError, 'the stream error');
    assert.equal((store.streamError as HttpError).status, 401, 'the UI can tell an expired session');
    timers.advance(2200);
    await until(() => transport.connections.length === 7, 'attempt 7');
    transport.last.open();
    await until(() => store.streamError === undefined, 'cleared once open');
    await store.stop();
  });

  test('a connection that opens and closes at once counts as a failure; one that stayed open long does not', async () => {
    const { store, transport, timers } = await started({ stableAfterMs: 10_000 });
    transport.last.end();
    await until(() => timers.pending === 1, 'the first wait');
    assert.deepEqual(timers.delays, [0]);
    timers.advance(0);
    await until(() => transport.connections.length === 2, 'connection 2');
    transport.last.open().end();
    await until(() => timers.pending === 1, 'the second wait');
    assert.deepEqual(timers.delays, [500], 'the flapping is backed off');
    timers.advance(500);
    await until(() => transport.connections.length === 3, 'connection 3');
    transport.last.open();
    await turns();
    timers.advance(10_000); // quiet but open: healthy
    transport.last.end();
    await until(() => timers.pending === 1, 'the third wait');
    assert.deepEqual(timers.delays, [0]);
    await store.stop();
  });

  test('a conversation watched before the store starts (opened by its address) loads once the snapshot is in', async () => {
    const { store, server } = setupStore();
    server.route('GET /api/v1/conversations/1/messages', () => json(200, { items: [messageJson('hello', { id: 101, seq: 5, ordinal: 1 })], hasMore: false, cursor: 10 }));
    const watched = store.watchConversation(1); // before start: a page read now would be dropped by the snapshot
    await store.start();
    await watched;
    assert.deepEqual(store.transcript(1).messages.map((m) => m.clientMessageId), ['hello']);
    assert.equal(store.transcript(1).loaded, true);
    await store.stop();
  });

  test('a reset takes a snapshot and the watched pages, keeps pending work, and continues from the snapshot cursor', async () => {
    const { store, transport, server, timers } = await started();
    await store.watchConversation(1);
    server.route('POST /api/v1/conversations/1/messages', () => new Promise<Response>(() => {})); // stays in flight
    store.sendMessage(1, 'still mine', { clientMessageId: 'p1' });

    server.route('GET /api/v1/sync/snapshot', () => json(200, snapshotJson(20, [conversationJson(1, { version: 9, botActive: false, state: 'queued' })])));
    server.route('GET /api/v1/conversations/1/messages', () => json(200, { items: [messageJson('x', { id: 300, seq: 15 })], hasMore: false, cursor: 20 }));
    transport.last.push({ type: 'reset', cursor: 20 });
    await advanceUntil(timers, () => transport.connections.length === 2, 'the connection after the reset');

    assert.equal(transport.last.cursor, 20);
    assert.equal(server.seen('GET /api/v1/sync/snapshot').length, 2);
    assert.equal(server.seen('GET /api/v1/conversations/1/messages').length, 2);
    assert.equal(store.getConversation(1)?.botActive, false);
    assert.deepEqual(store.getMessages(1).map((m) => [m.clientMessageId, m.pending]), [['x', false], ['p1', true]]);
    assert.equal(store.core.needsSnapshot, false);
    await store.stop();
  });

  test('a resync whose page fails is repeated whole before the stream goes on', async () => {
    const { store, transport, server, timers } = await started();
    await store.watchConversation(1);
    let pages = 0;
    server.route('GET /api/v1/conversations/1/messages', () => (++pages === 1
      ? json(503, { code: 'unavailable' })
      : json(200, { items: [messageJson('skipped', { id: 300, seq: 15 })], hasMore: false, cursor: 20 })));
    server.route('GET /api/v1/sync/snapshot', () => json(200, snapshotJson(20)));
    transport.last.push({ type: 'reset', cursor: 20 });
    await advanceUntil(timers, () => transport.connections.length === 2, 'the connection after the resync');
    assert.equal(pages, 2);
    assert.equal(server.seen('GET /api/v1/sync/snapshot').length, 3, 'start, the failed round, the good one');
    assert.deepEqual(store.getMessages(1).map((m) => m.clientMessageId), ['skipped']);
    await store.stop();
  });

  test('SSE that fails to connect three times falls back to long-poll, from the same cursor', async () => {
    const timers = new FakeTimers();
    const server = new FakeFetch()
      .route('GET /api/v1/sync/snapshot', () => json(200, snapshotJson(10)))
      .route('GET /api/v1/events', () => { throw new TypeError('fetch failed'); });
    let polls = 0;
    server.route('GET /api/v1/events/poll', () => (++polls === 1
      ? json(200, { events: [messageCreated(11, 'a')], cursor: 12 })
      : new Promise<Response>(() => {})));
    const api = new ApiClient({ baseUrl: 'http://sb.test', fetch: server.fetch, token: 'sbm_test', timers });
    const store = new LiveStore({ api, timers, random: () => 0 }); // the default transport: SSE, then poll
    assert.equal(store.transportName, 'sse');
    await store.start();
    await advanceUntil(timers, () => store.cursor === 12, 'the first poll batch');

    assert.equal(server.seen('GET /api/v1/events').length, 3);
    assert.equal(store.transportName, 'poll');
    assert.equal(store.state, 'live');
    const pollUrls = server.seen('GET /api/v1/events/poll').map((r) => new URL(r.url).searchParams.get('cursor'));
    assert.deepEqual(pollUrls, ['10', '12']);
    assert.equal(server.requests[1]?.headers['authorization'], 'Bearer sbm_test');
    assert.deepEqual(store.getMessages(1).map((m) => m.clientMessageId), ['a']);
    await store.stop();
  });

  test('signals reach the signal listeners; a throwing listener stops neither the others nor the stream', async () => {
    const reported: unknown[] = [];
    const { store, transport } = await started({ reportError: (e) => { reported.push(e); } });
    const heard: Signal[] = [];
    store.onSignal(() => { throw new Error('listener bug'); });
    const off = store.onSignal((s) => { heard.push(s); });
    transport.last.push({ type: 'typing', conversationId: 1, actor: { type: 'contact', id: 11 }, data: { state: 'start' } });
    transport.last.push(messageCreated(11, 'a'));
    await until(() => store.cursor === 11, 'the event after the signal');
    assert.deepEqual(heard.map((s) => [s.type, s.conversationId, s.data]), [['typing', 1, { state: 'start' }]]);
    assert.equal(reported.length, 1);
    off();
    await store.stop();
  });
});

test('LiveStore: an event the store fails on is reported and skipped; the stream goes on', async () => {
  const reported: unknown[] = [];
  const { store, transport } = await started({ reportError: (e) => { reported.push(e); } });
  const original = store.core.applyEvent.bind(store.core);
  store.core.applyEvent = (e) => { if (e.seq === 11) throw new Error('store bug'); original(e); };
  transport.last.push(messageCreated(11, 'a')).push(messageCreated(12, 'b'));
  await until(() => store.cursor === 12, 'the event after the bad one');
  assert.deepEqual(store.getMessages(1).map((m) => m.clientMessageId), ['b']);
  assert.equal((reported[0] as Error).message, 'store bug');
  assert.equal(transport.connections.length, 1, 'no reconnect');
  await store.stop();
});

// A schedule whose first retry waits, so the tests can see the pump's timer (the default retries at once first).
const waitingRetry = new RetryPolicy([1000, 4000, 10000]);

describe('LiveStore: writes', () => {
  test('a write that failed in transport is retried with the same key on the schedule; the event settles it', async () => {
    const { store, transport, server, timers } = await started({ writeRetry: waitingRetry });
    let posts = 0;
    server.route('POST /api/v1/conversations/1/messages', () => {
      if (++posts === 1) throw new TypeError('fetch failed');
      return json(201, { message: messageJson('c1', { seq: 11 }), conversation: conversationJson(1), seq: 11, customerWroteMeanwhile: false, replayed: false });
    });
    store.sendMessage(1, 'hello', { clientMessageId: 'c1' });
    assert.deepEqual(store.getMessages(1).map((m) => m.status), ['sending']);
    await until(() => timers.delays.includes(1000), 'the retry timer');
    assert.deepEqual(timers.delays, [1000], 'no other timer: the failed request\'s deadline is gone');
    timers.advance(1000);
    await until(() => store.getMessages(1)[0]?.status === 'sent', 'the answer');
    const bodies = server.seen('POST /api/v1/conversations/1/messages').map((r) => r.body as Record<string, unknown>);
    assert.deepEqual(bodies.map((b) => [b['clientMessageId'], b['text'], b['seenSeq']]), [['c1', 'hello', 10], ['c1', 'hello', 10]]);
    assert.equal(store.pendingCount, 1, 'answered, not yet confirmed by the stream');
    transport.last.push(messageCreated(11, 'c1'));
    await until(() => store.pendingCount === 0, 'the event');
    assert.deepEqual(store.getMessages(1).map((m) => [m.clientMessageId, m.pending]), [['c1', false]]);
    await store.stop();
  });

  test('a write without an answer within the request timeout is a transport failure, retried with the same key', async () => {
    const { store, server, timers } = await started({ requestTimeoutMs: 5000, writeRetry: waitingRetry });
    const held = deferred<Response>();
    let posts = 0;
    server.route('PATCH /api/v1/conversations/1', () => (++posts === 1 ? held.promise
      : json(200, { conversation: conversationJson(1, { botActive: false, state: 'queued', version: 4 }), seq: 11, replayed: false })));
    store.updateConversation(1, { botActive: false }, 'm1');
    await until(() => posts === 1, 'the first PATCH');
    timers.advance(5000);
    await until(() => timers.delays.includes(1000), 'the retry after the timeout');
    timers.advance(1000);
    await until(() => posts === 2, 'the second PATCH');
    assert.deepEqual(server.seen('PATCH /api/v1/conversations/1').map((r) => r.body), [{ mutationId: 'm1', botActive: false }, { mutationId: 'm1', botActive: false }]);
    assert.equal(store.getConversation(1)?.botActive, false, 'the view showed the change all along');
    await store.stop();
  });

  test('401 is retried; a refusal drops the write and reports it with the text for a draft', async () => {
    const { store, server, timers } = await started({ writeRetry: waitingRetry });
    let posts = 0;
    server.route('POST /api/v1/conversations/1/messages', () => (++posts === 1
      ? json(401, { code: 'invalid_token', detail: 'expired' })
      : json(409, { code: 'conversation_closed', detail: 'Closed.' })));
    store.sendMessage(1, 'my words', { clientMessageId: 'c1' });
    await until(() => timers.delays.includes(1000), 'the retry after 401');
    assert.deepEqual(store.errors, []);
    timers.advance(1000);
    await until(() => store.errors.length === 1, 'the refusal');
    assert.deepEqual(store.errors[0], { key: 'c1', code: 'conversation_closed', status: 409, detail: 'Closed.', conversationId: 1, text: 'my words' });
    assert.deepEqual(store.getMessages(1), []);
    await store.stop();
  });

  test('changes of one conversation go one at a time, and the view shows the last intent throughout', async () => {
    const { store, server, transport } = await started();
    const answers: Array<(r: Response) => void> = [];
    server.route('PATCH /api/v1/conversations/1', () => new Promise<Response>((resolve) => { answers.push(resolve); }));
    store.updateConversation(1, { botActive: false }, 'm1');
    store.updateConversation(1, { botActive: true }, 'm2');
    store.updateConversation(1, { botActive: false }, 'm3');
    await until(() => answers.length === 1, 'the first PATCH');
    await turns();
    assert.equal(answers.length, 1, 'one in flight per conversation');
    assert.equal(store.getConversation(1)?.botActive, false);
    answers[0]!(json(200, { conversation: conversationJson(1, { botActive: false, version: 4 }), seq: 11, replayed: false }));
    await until(() => answers.length === 2, 'the second PATCH');
    transport.last.push(botSwitched(11, false, 'm1', 4));
    await until(() => store.cursor === 11, 'the first event');
    assert.equal(store.getConversation(1)?.botActive, false, 'm3 is still pending: the view shows it, not the server state in between');
    await store.stop();
  });

  test('a claim whose event came first resolves with the claimed id, even when its answer is then lost', async () => {
    const { store, server, transport } = await started({ writeRetry: waitingRetry });
    const held = deferred<Response>();
    server.route('POST /api/v1/queue/claim', () => held.promise);
    let claimed: number | null | undefined;
    void store.claim(null, 7).then((id) => { claimed = id; });
    await until(() => server.seen('POST /api/v1/queue/claim').length === 1, 'the claim');
    const { mutationId } = server.seen('POST /api/v1/queue/claim')[0]!.body as { mutationId: string };
    transport.last.push(eventJson(11, 'conversation.updated',
      { conversation: conversationJson(1, { state: 'assigned', assigneeId: 7, botActive: false, version: 4 }), change: 'claimed' }, { mutationId }));
    held.reject(new TypeError('fetch failed'));
    await until(() => claimed !== undefined, 'the claim to resolve');
    assert.equal(claimed, 1);
    assert.equal(store.pendingCount, 0);
    assert.deepEqual(store.errors, []);
    await store.stop();
  });

  test('local actions work before start and while reconnecting; they are sent once the store runs', async () => {
    const { store, server, transport, timers } = setup();
    server.route('PATCH /api/v1/conversations/1', () => new Promise<Response>(() => {}));
    assert.equal(store.state, 'offline');
    store.updateConversation(1, { resolved: true }, 'm1');
    await turns();
    assert.equal(server.seen('PATCH /api/v1/conversations/1').length, 0);
    await store.start();
    assert.equal(store.getConversation(1)?.state, 'resolved');
    await until(() => server.seen('PATCH /api/v1/conversations/1').length === 1, 'the PATCH after start');
    assert.equal(store.state, 'reconnecting');
    await until(() => transport.connections.length === 1, 'a connection');
    transport.last.fail();
    await turns();
    store.sendMessage(1, 'while reconnecting', { clientMessageId: 'c9' });
    assert.deepEqual(store.getMessages(1).map((m) => m.status), ['sending']);
    await store.stop();
    await turns();
    assert.deepEqual(timers.delays, [], 'stop leaves no timer behind');
  });
});

describe('LiveStore: lifecycle and helpers', () => {
  test('state goes offline → reconnecting → live → offline; stop cancels what is in flight and connects no more', async () => {
    const { store, transport, server, timers } = setup();
    const states: string[] = [store.state];
    store.subscribe(() => { if (states.at(-1) !== store.state) states.push(store.state); });
    await store.start();
    await until(() => transport.connections.length === 1, 'a connection');
    transport.last.open();
    await until(() => store.state === 'live', 'live');
    const held = server.route('POST /api/v1/conversations/1/messages', () => new Promise<Response>(() => {}));
    store.sendMessage(1, 'hi', { clientMessageId: 'c1' });
    await until(() => held.seen('POST /api/v1/conversations/1/messages').length === 1, 'the POST');
    await store.stop();
    assert.deepEqual(states, ['offline', 'reconnecting', 'live', 'offline']);
    assert.equal(transport.last.closedByClient, true);
    assert.equal(server.seen('POST /api/v1/conversations/1/messages')[0]?.signal?.aborted, true);
    timers.advance(60_000);
    await turns();
    assert.equal(transport.connections.length, 1);
    await assert.rejects(store.start(), /stopped/);
  });

  test('start rejects with the HttpError of the snapshot and can be called again', async () => {
    const { store, server, transport } = setup();
    server.route('GET /api/v1/sync/snapshot', () => json(401, { code: 'invalid_token', detail: 'nope' }));
    await assert.rejects(store.start(), (e: unknown) => e instanceof Error && e.name === 'HttpError' && (e as { code?: string }).code === 'invalid_token');
    assert.equal(store.state, 'offline');
    server.route('GET /api/v1/sync/snapshot', () => json(200, snapshotJson(10)));
    await store.start();
    await until(() => transport.connections.length === 1, 'a connection');
    assert.equal(store.inboxes[0]?.publicToken, 'pub_1');
    await store.stop();
  });

  test('markRead sends a read receipt up to the newest message, once', async () => {
    const { store, server } = await started();
    server.route('GET /api/v1/conversations/1/messages', () => json(200, {
      items: [messageJson('a', { id: 5, ordinal: 1, senderRole: 'customer' }), messageJson('b', { id: 9, ordinal: 2, senderRole: 'customer' })], hasMore: false, cursor: 10,
    }));
    server.route('POST /api/v1/conversations/1/receipts', () => json(200, { conversation: conversationJson(1), seq: 11, replayed: false }));
    assert.equal(await store.markRead(1), false, 'nothing loaded, nothing to mark');
    await store.watchConversation(1);
    assert.equal(await store.markRead(1), true);
    assert.equal(await store.markRead(1), false);
    assert.deepEqual(server.seen('POST /api/v1/conversations/1/receipts').map((r) => r.body), [{ status: 'read', upToMessageId: 9 }]);
    await store.stop();
  });

  test('the write retry policy is an option', async () => {
    const { store, server, timers } = await started({ writeRetry: new RetryPolicy([50], 0) });
    server.route('POST /api/v1/conversations/1/messages', () => json(503, undefined));
    store.sendMessage(1, 'x', { clientMessageId: 'c1' });
    await until(() => timers.delays.includes(50), 'the retry');
    timers.advance(50);
    await until(() => store.getMessages(1)[0]?.status === 'failed', 'the give-up');
    assert.equal(store.getMessages(1)[0]?.canRetry, true);
    assert.equal(store.retryMessage('c1'), true);
    await until(() => server.seen('POST /api/v1/conversations/1/messages').length === 3, 'the manual retry');
    await store.stop();
  });
});
