import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ApiClient, FallbackTransport, parseFrame, parseFrameText, PollTransport, SseParser, SseTransport, TransportError, WebSocketTransport,
  type StreamItem, type StreamLogger, type WebSocketLike,
} from '../src/index.js';
import { FakeFetch, json, SseBody } from './fakes/fakeFetch.js';
import { FakeTimers } from './fakes/fakeTimers.js';
import { FakeTransport } from './fakes/fakeTransport.js';
import { messageCreated } from './fakes/fixtures.js';
import { turns, until } from './fakes/settle.js';

// The transports against the wire format of the server's Realtime/ (SseTransport.cs, WebSocketTransport.cs,
// LongPoll.cs, RealtimeContracts.cs), over a fake fetch and a fake WebSocket.

function recordingLogger(): StreamLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (m, f) => { lines.push(`${m} ${JSON.stringify(f)}`); } };
}

/** Reads items from a connection into an array as they come, until it ends or fails. */
function collect(items: AsyncIterable<StreamItem>): { items: StreamItem[]; done: Promise<unknown> } {
  const out: StreamItem[] = [];
  const done = (async () => { for await (const item of items) out.push(item); })().then(() => 'ended', (e: unknown) => e);
  return { items: out, done };
}

const kinds = (items: StreamItem[]): string[] => items.map((i) => (i.kind === 'event' ? `event:${i.event.seq}` : i.kind === 'cursor' || i.kind === 'reset' ? `${i.kind}:${i.cursor}` : i.kind === 'signal' ? `signal:${i.signal.type}` : i.kind));

describe('frames', () => {
  test('events, reset, disconnect, signals; ping, pong and junk say nothing', () => {
    const logger = recordingLogger();
    const event = parseFrame(messageCreated(11, 'c1'));
    assert.equal(event?.kind === 'event' && event.event.clientMessageId, 'c1');
    assert.deepEqual(parseFrame({ cursor: 40, type: 'reset' }), { kind: 'reset', cursor: 40 });
    assert.deepEqual(parseFrame({ reason: 'slow_consumer', type: 'disconnect' }), { kind: 'disconnect', reason: 'slow_consumer' });
    assert.deepEqual(parseFrame({ type: 'presence', conversationId: null, actor: { type: 'member', id: 2 }, data: { memberId: 2, status: 'away' } }),
      { kind: 'signal', signal: { type: 'presence', conversationId: null, actor: { type: 'member', id: 2 }, data: { memberId: 2, status: 'away' } } });
    for (const junk of [{ type: 'ping' }, { type: 'pong' }, {}, [], 'x', null, { type: 'reset' }]) assert.equal(parseFrame(junk, logger), undefined, JSON.stringify(junk));
    assert.equal(parseFrameText('{nope', logger), undefined);
    assert.equal(parseFrameText('{"cursor":5}', logger, 'reset')?.kind, 'reset', 'the SSE event name stands in for a missing type');
  });

  test('an unreadable envelope with a readable seq counts as a cursor advance; the log names the field, not the value', () => {
    const logger = recordingLogger();
    assert.deepEqual(parseFrame({ seq: 12, type: 'message.created', version: 'secret', data: {} }, logger), { kind: 'cursor', cursor: 12 });
    assert.equal(parseFrame({ seq: 1.5, type: 'x' }, logger), undefined);
    assert.match(logger.lines[0] ?? '', /event\.version/);
    assert.ok(!logger.lines.join().includes('secret'));
  });

  test('the SSE parser takes chunks split anywhere, CRLF or LF or CR, comments, multi-line data and a BOM', () => {
    const text = '\uFEFFretry: 3000\r\n\r\n: ping\r\n\r\nid: 11\r\nevent: message.created\r\ndata: {"a":\r\ndata: 1}\r\n\r\nevent: reset\rdata: {"cursor":5}\r\revent: x\n\n';
    for (let size = 1; size <= text.length; size++) {
      const parser = new SseParser();
      const out = [];
      for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
      assert.deepEqual(out, [
        { event: 'message.created', data: '{"a":\n1}', id: '11' },
        { event: 'reset', data: '{"cursor":5}', id: '11' },
      ], `chunks of ${size}`);
    }
  });
});

describe('SSE over fetch', () => {
  function sse(body: SseBody | (() => Response), options: { token?: string; credentials?: RequestCredentials } = {}) {
    const timers = new FakeTimers();
    const server = new FakeFetch().route('GET /api/v1/events', () => (body instanceof SseBody ? body.response() : body()));
    const api = new ApiClient({ baseUrl: 'http://sb.test/', fetch: server.fetch, timers, ...options });
    const logger = recordingLogger();
    return { timers, server, logger, transport: new SseTransport(api, { idleTimeoutMs: 45_000, logger }) };
  }

  test('asks from the cursor with the bearer header, yields open then frames; one bad frame does not stop it', async () => {
    const body = new SseBody();
    const { server, transport, logger } = sse(body, { token: 'sbm_x' });
    const controller = new AbortController();
    const read = collect(transport.connect(10, controller.signal));
    body.write('retry: 3000\n\n');
    body.event(messageCreated(11, 'a'), 'message.created', 11);
    body.write(': ping\n\n');
    body.write('event: typing\ndata: {"type":"typing","conversationId":1,"data":{"state":"start"}}\n\n');
    body.write('data: {broken\n\n');
    body.event(messageCreated(12, 'b'), 'message.created', 12);
    body.event({ cursor: 30, type: 'reset' }, 'reset');
    body.close();
    assert.equal(await read.done, 'ended');
    assert.deepEqual(kinds(read.items), ['open', 'event:11', 'signal:typing', 'event:12', 'reset:30']);
    const request = server.requests[0]!;
    assert.equal(request.url, 'http://sb.test/api/v1/events?cursor=10');
    assert.equal(request.headers['authorization'], 'Bearer sbm_x');
    assert.equal(request.headers['accept'], 'text/event-stream');
    assert.equal(logger.lines.length, 1);
  });

  test('cookie auth: credentials include, no header', async () => {
    const body = new SseBody();
    const { server, transport } = sse(body, { credentials: 'include' });
    const read = collect(transport.connect(0, new AbortController().signal));
    body.close();
    await read.done;
    assert.equal(server.requests[0]?.credentials, 'include');
    assert.equal(server.requests[0]?.headers['authorization'], undefined);
  });

  test('a refusal rejects with its HttpError; a non-stream answer with a TransportError', async () => {
    const refused = sse(() => json(503, { code: 'too_many_connections', detail: 'later' }, { 'retry-after': '5' }));
    const a = collect(refused.transport.connect(0, new AbortController().signal));
    const error = await a.done;
    assert.equal((error as { code?: string }).code, 'too_many_connections');
    assert.deepEqual(a.items, []);
    const html = sse(() => new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    assert.ok((await collect(html.transport.connect(0, new AbortController().signal)).done) instanceof TransportError);
  });

  test('a broken body fails the connection; a silent one times out; an abort ends it quietly', async () => {
    const broken = new SseBody();
    const b = collect(sse(broken).transport.connect(0, new AbortController().signal));
    await turns();
    broken.break();
    assert.ok((await b.done) instanceof TransportError);

    const silent = new SseBody();
    const s = sse(silent);
    const read = collect(s.transport.connect(0, new AbortController().signal));
    await until(() => read.items.length === 1, 'open');
    s.timers.advance(44_999);
    silent.write(': ping\n\n'); // the heartbeat re-arms the watchdog
    await turns();
    s.timers.advance(44_999);
    await turns();
    assert.equal(silent.cancelled, false);
    s.timers.advance(1);
    const error = await read.done;
    assert.ok(error instanceof TransportError && error.timedOut);
    assert.equal(silent.cancelled, true);

    const open = new SseBody();
    const controller = new AbortController();
    const o = collect(sse(open).transport.connect(0, controller.signal));
    await until(() => o.items.length === 1, 'open');
    controller.abort();
    assert.equal(await o.done, 'ended');
    assert.equal(open.cancelled, true);
  });
});

describe('long-poll', () => {
  test('polls from the cursor, yields the batch and the batch cursor, goes on from there; a reset ends it', async () => {
    const timers = new FakeTimers();
    const batches = [
      { events: [messageCreated(11, 'a'), { seq: 12, type: 'x', version: 'bad' }, { type: 'junk' }], cursor: 15 },
      { events: [], cursor: 15 },
      { events: [{ cursor: 40, type: 'reset' }], cursor: 15 },
    ];
    const server = new FakeFetch().route('GET /api/v1/events/poll', () => json(200, batches.shift()));
    const transport = new PollTransport(new ApiClient({ baseUrl: 'http://sb.test', fetch: server.fetch, timers, token: 'sbv_v' }));
    const read = collect(transport.connect(10, new AbortController().signal));
    assert.equal(await read.done, 'ended');
    assert.deepEqual(kinds(read.items), ['open', 'event:11', 'cursor:12', 'signal:junk', 'cursor:15', 'reset:40']);
    assert.deepEqual(server.requests.map((r) => new URL(r.url).searchParams.get('cursor')), ['10', '15', '15']);
    assert.equal(server.requests[0]?.headers['authorization'], 'Bearer sbv_v');
  });

  test('a poll without an answer in time fails the connection', async () => {
    const timers = new FakeTimers();
    const server = new FakeFetch().route('GET /api/v1/events/poll', () => new Promise<Response>(() => {}));
    const transport = new PollTransport(new ApiClient({ baseUrl: 'http://sb.test', fetch: server.fetch, timers }), { requestTimeoutMs: 40_000 });
    const read = collect(transport.connect(0, new AbortController().signal));
    await until(() => server.requests.length === 1, 'the poll');
    timers.advance(40_000);
    const error = await read.done;
    assert.ok(error instanceof TransportError && error.timedOut);
  });
});

class FakeSocket implements WebSocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { readonly data: unknown }) => void) | null = null;
  onclose: ((event: { readonly code: number; readonly reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: string[] = [];
  closed: number | undefined;
  constructor(readonly url: string) {}
  send(data: string): void { this.sent.push(data); }
  close(code?: number): void { this.closed ??= code ?? 1000; }
  receive(frame: unknown): void { this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) }); }
}

describe('WebSocket', () => {
  function ws(options: { token?: string; baseUrl?: string } = {}) {
    const timers = new FakeTimers();
    const sockets: FakeSocket[] = [];
    const api = new ApiClient({ baseUrl: options.baseUrl ?? 'https://sb.test', fetch: new FakeFetch().fetch, timers, ...(options.token === undefined ? {} : { token: options.token }) });
    const transport = new WebSocketTransport(api, { webSocket: (url) => { const s = new FakeSocket(url); sockets.push(s); return s; } });
    return { timers, sockets, transport };
  }

  test('connects to wss with the cursor and access_token, answers ping with pong, yields frames, ends on close', async () => {
    const { sockets, transport } = ws({ token: 'sbm/x+y' });
    const read = collect(transport.connect(10, new AbortController().signal));
    await until(() => sockets.length === 1, 'the socket');
    const socket = sockets[0]!;
    assert.equal(socket.url, 'wss://sb.test/api/v1/stream?cursor=10&frames=batch&access_token=sbm%2Fx%2By');
    socket.onopen?.({});
    socket.receive({ type: 'ping' });
    socket.receive(messageCreated(11, 'a'));
    socket.receive('not json');
    socket.receive({ type: 'error', code: 'frame_invalid', detail: 'x', for: 'typing' });
    socket.receive({ cursor: 50, type: 'reset' });
    socket.onclose?.({ code: 1000, reason: 'reset' });
    assert.equal(await read.done, 'ended');
    assert.deepEqual(socket.sent, ['{"type":"pong"}']);
    assert.deepEqual(kinds(read.items), ['open', 'event:11', 'signal:error', 'reset:50']);
  });

  test('a batched message (one frame per line) yields each frame in order; a broken line is skipped, not the rest', async () => {
    const { sockets, transport } = ws();
    const read = collect(transport.connect(10, new AbortController().signal));
    await until(() => sockets.length === 1, 'the socket');
    const socket = sockets[0]!;
    socket.onopen?.({});
    socket.receive([messageCreated(11, 'a'), { type: 'ping' }, 'not json', messageCreated(12, 'b'), messageCreated(13, 'c')]
      .map((f) => (typeof f === 'string' ? f : JSON.stringify(f))).join('\n'));
    socket.onclose?.({ code: 1000, reason: 'client_closed' });
    await read.done;
    assert.deepEqual(socket.sent, ['{"type":"pong"}']);
    assert.deepEqual(kinds(read.items), ['open', 'event:11', 'event:12', 'event:13']);
  });

  test('a socket that closes before it opens is a failure to connect; an abort closes the socket', async () => {
    const { sockets, transport } = ws({ baseUrl: 'http://sb.test' });
    const failed = collect(transport.connect(0, new AbortController().signal));
    await until(() => sockets.length === 1, 'the socket');
    assert.ok(sockets[0]!.url.startsWith('ws://sb.test/api/v1/stream?cursor=0'));
    sockets[0]!.onerror?.({});
    sockets[0]!.onclose?.({ code: 1006, reason: '' });
    assert.ok((await failed.done) instanceof TransportError);

    const controller = new AbortController();
    const read = collect(transport.connect(5, controller.signal));
    await until(() => sockets.length === 2, 'the second socket');
    sockets[1]!.onopen?.({});
    await until(() => read.items.length === 1, 'open');
    controller.abort();
    assert.equal(await read.done, 'ended');
    assert.equal(sockets[1]!.closed, 1000);
  });

  test('a silent socket is dropped after the idle timeout', async () => {
    const { sockets, transport, timers } = ws();
    const read = collect(transport.connect(0, new AbortController().signal));
    await until(() => sockets.length === 1, 'the socket');
    sockets[0]!.onopen?.({});
    timers.advance(45_000);
    const error = await read.done;
    assert.ok(error instanceof TransportError && error.timedOut);
    assert.equal(sockets[0]!.closed, 4000);
  });
});

describe('fallback', () => {
  test('switches after N failures to connect in a row; a connection that opened resets the count; a fallback that cannot connect either goes back', async () => {
    const primary = new FakeTransport('sse');
    const fallback = new FakeTransport('poll');
    const transport = new FallbackTransport(primary, fallback, { maxConnectFailures: 2 });
    const attempt = async (outcome: 'fail' | 'open-then-fail'): Promise<void> => {
      const read = collect(transport.connect(0, new AbortController().signal));
      await turns();
      const c = (transport.fellBack ? fallback : primary).last;
      if (outcome === 'open-then-fail') { c.open(); await turns(); }
      c.fail();
      await read.done;
    };
    await attempt('fail');
    await attempt('open-then-fail');
    await attempt('fail');
    assert.equal(transport.name, 'sse');
    await attempt('fail');
    assert.equal(transport.name, 'poll');
    assert.equal(primary.connections.length, 4);
    await attempt('open-then-fail');
    assert.equal(fallback.connections.length, 1);
    assert.equal(transport.name, 'poll', 'the fallback works: it stays');
    await attempt('fail');
    assert.equal(transport.name, 'sse', 'nothing connects: an outage, not a proxy; the primary again');
    await attempt('fail');
    assert.equal(transport.name, 'sse', 'counting from zero again');
  });
});

describe('SSE over the platform fetch (a loopback node:http server)', () => {
  test('real chunked frames arrive in order; stopping closes the server side', async () => {
    const { createServer } = await import('node:http');
    let closed = false;
    let seen: { url: string | undefined; authorization: string | undefined } | undefined;
    const server = createServer((req, res) => {
      seen = { url: req.url, authorization: req.headers.authorization };
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      res.write('retry: 3000\n\n');
      const frame = `id: 11\nevent: message.created\ndata: ${JSON.stringify(messageCreated(11, 'a'))}\n\n`;
      res.write(frame.slice(0, 25));
      setImmediate(() => { res.write(frame.slice(25)); res.write(': ping\n\n'); });
      req.on('close', () => { closed = true; });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const transport = new SseTransport(new ApiClient({ baseUrl: `http://127.0.0.1:${port}`, token: 'sbm_real', timeoutMs: 5000 }));
      const controller = new AbortController();
      const read = collect(transport.connect(10, controller.signal));
      await until(() => read.items.length === 2, 'open and the event', 5000);
      assert.deepEqual(kinds(read.items), ['open', 'event:11']);
      assert.deepEqual(seen, { url: '/api/v1/events?cursor=10', authorization: 'Bearer sbm_real' });
      controller.abort();
      assert.equal(await read.done, 'ended');
      await until(() => closed, 'the server to see the close', 5000);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
