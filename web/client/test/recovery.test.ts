import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RetryPolicy, type LiveStoreShellOptions } from '../src/index.js';
import { json } from './fakes/fakeFetch.js';
import { conversationJson, messageJson } from './fakes/fixtures.js';
import { advanceUntil, turns, until } from './fakes/settle.js';
import { setupStore } from './fakes/storeSetup.js';

// Recovery after an outage (issue 18): writes wait for the connection instead of failing, and the stream comes back
// within the reconnect schedule's low cap, or at once when the browser says online or a request reaches the server.

const writes = new RetryPolicy([100, 200], 0);

function setup(options: Partial<LiveStoreShellOptions> = {}) {
  const network = new EventTarget();
  return { ...setupStore({ writeRetry: writes, network, ...options }), network };
}

/** Opens the store's next connection (its reconnect waits are fired as they come). */
async function live(s: ReturnType<typeof setup>): Promise<void> {
  await advanceUntil(s.timers, () => s.transport.connections.length > 0 && !s.transport.last.finished, 'a connection');
  s.transport.last.open();
  await until(() => s.store.state === 'live', 'live');
}

/** Fails every request in flight or due, moving the clock through the write schedule and then some. */
async function failFor(s: ReturnType<typeof setup>, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 100) {
    s.timers.advance(100);
    await turns();
  }
}

describe('LiveStore: recovery', () => {
  test('a message and a toggle that run out of retries while the stream is down wait, then go at once when it is back', async () => {
    const s = setup();
    const { store, server, transport } = s;
    await store.start();
    await live(s);
    let down = true;
    server.route('POST /api/v1/conversations/1/messages', () => {
      if (down) throw new TypeError('fetch failed');
      return json(201, { message: messageJson('c1', { seq: 11 }), conversation: conversationJson(1), seq: 11, customerWroteMeanwhile: false, replayed: false });
    });
    server.route('PATCH /api/v1/conversations/1', () => {
      if (down) return json(503, { code: 'unavailable' });
      return json(200, { conversation: conversationJson(1, { botActive: false, state: 'queued', version: 4 }), seq: 12, replayed: false });
    });
    transport.last.fail();
    await until(() => store.state === 'reconnecting', 'reconnecting');
    store.sendMessage(1, 'hello', { clientMessageId: 'c1' });
    store.updateConversation(1, { botActive: false }, 'm1');
    await failFor(s, 3000);
    const posts = server.seen('POST /api/v1/conversations/1/messages').length;
    assert.ok(posts >= 3, `retried on the schedule (${posts} posts)`);
    assert.deepEqual(store.getMessages(1).map((m) => m.status), ['sending'], 'waits, never failed while down');
    assert.equal(store.getConversation(1)?.botActive, false, 'the toggle keeps showing the intent');
    assert.deepEqual(store.errors, [], 'nothing reported');
    await failFor(s, 3000);
    assert.equal(server.seen('POST /api/v1/conversations/1/messages').length, posts, 'no requests while waiting for the connection');

    down = false;
    await live(s);
    await until(() => store.getMessages(1)[0]?.status === 'sent', 'the message goes with the connection');
    await until(() => server.seen('PATCH /api/v1/conversations/1').length > 0 && store.pendingCount === 2, 'the toggle answered');
    assert.deepEqual(store.errors, []);
    await store.stop();
  });

  test('a message that failed while connected goes again by itself once the connection drops and returns', async () => {
    const s = setup();
    const { store, server, transport } = s;
    await store.start();
    await live(s);
    let fail = true;
    server.route('POST /api/v1/conversations/1/messages', () => (fail ? json(500, {})
      : json(201, { message: messageJson('c1', { seq: 11 }), conversation: conversationJson(1), seq: 11, customerWroteMeanwhile: false, replayed: false })));
    store.sendMessage(1, 'hello', { clientMessageId: 'c1' });
    await failFor(s, 500);
    assert.deepEqual(store.getMessages(1).map((m) => m.status), ['failed'], 'connected: the budget is spent, the user may retry');
    fail = false;
    transport.last.fail();
    await until(() => store.state === 'reconnecting', 'reconnecting');
    await live(s);
    await until(() => store.getMessages(1)[0]?.status === 'sent', 'sent without a click');
    await store.stop();
  });

  test('a definite refusal while down is still reported at once', async () => {
    const s = setup();
    const { store, server } = s;
    server.route('PATCH /api/v1/conversations/1', () => json(403, { code: 'forbidden' }));
    await store.start();
    store.updateConversation(1, { botActive: false }, 'm1');
    await until(() => store.errors.length === 1, 'the refusal');
    assert.equal(store.getConversation(1)?.botActive, true, 'reverted at once');
    await store.stop();
  });

  test('an answer from the server ends the reconnect wait at once', async () => {
    const s = setup({ reconnect: new RetryPolicy([60_000], 0) });
    const { store, server, transport, timers } = s;
    server.route('PATCH /api/v1/conversations/1', () => json(200, { conversation: conversationJson(1, { resolved: true, version: 4 }), seq: 11, replayed: false }));
    await store.start();
    await live(s);
    transport.last.fail();
    await until(() => timers.delays.includes(60_000), 'the long wait');
    const before = transport.connections.length;
    store.updateConversation(1, { resolved: true }, 'm1');
    await until(() => transport.connections.length === before + 1, 'reconnected right after the answer');
    await store.stop();
  });

  test('offline drops the connection and says offline; online reconnects at once', async () => {
    const s = setup({ reconnect: new RetryPolicy([60_000], 0) });
    const { store, transport, network } = s;
    await store.start();
    await live(s);
    const first = transport.last;
    network.dispatchEvent(new Event('offline'));
    assert.equal(store.state, 'offline');
    await until(() => first.closedByClient, 'the connection dropped');
    await turns();
    assert.equal(store.state, 'offline', 'still offline while reconnecting');
    const before = transport.connections.length;
    network.dispatchEvent(new Event('online'));
    assert.equal(store.state, 'reconnecting');
    await until(() => transport.connections.length > before, 'reconnected without waiting out the schedule');
    transport.last.open();
    await until(() => store.state === 'live', 'live');
    await store.stop();
  });
});
