import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiClient, HttpError, TransportError, WireFormatError } from '../src/index.js';
import { FakeFetch, json } from './fakes/fakeFetch.js';
import { FakeTimers } from './fakes/fakeTimers.js';
import { conversationJson, messageJson, snapshotJson } from './fakes/fixtures.js';
import { until } from './fakes/settle.js';

// The REST client over a fake fetch: paths, bodies, auth, errors and timeouts (docs/api.md, docs/workflow.md).

const member = { id: 2, email: 'olivia@example.com', name: 'Olivia', role: 'operator', active: true, capacity: 5, presence: 'online', lastActivityAt: null, totalMessages: 0, version: 4, createdAt: '2026-01-01T00:00:00Z' };
const write = (extra: Record<string, unknown> = {}) => ({ conversation: conversationJson(1, extra), seq: 11, replayed: false });

function client(options: { credentials?: RequestCredentials; token?: string } = {}) {
  const server = new FakeFetch();
  const timers = new FakeTimers();
  const api = new ApiClient({ baseUrl: 'https://sb.test', fetch: server.fetch, timers, ...options });
  return { server, timers, api };
}

describe('ApiClient', () => {
  test('login keeps the bearer token and sends it on later calls', async () => {
    const { server, api } = client();
    server.route('POST /api/v1/auth/login', () => json(200, { token: 'sbm_abc', expiresAt: '2026-02-01T00:00:00Z', member }));
    server.route('GET /api/v1/sync/snapshot', () => json(200, snapshotJson(10)));
    const login = await api.login('olivia@example.com', 'pw');
    assert.equal(login.member.name, 'Olivia');
    const snapshot = await api.getSnapshot();
    assert.equal(snapshot.cursor, 10);
    assert.equal(snapshot.inboxes[0]?.channel, 'widget');
    assert.deepEqual(server.requests[0]?.body, { email: 'olivia@example.com', password: 'pw' });
    assert.equal(server.requests[0]?.headers['authorization'], undefined);
    assert.equal(server.requests[1]?.headers['authorization'], 'Bearer sbm_abc');
    assert.equal(server.requests[1]?.url, 'https://sb.test/api/v1/sync/snapshot');
  });

  test('cookie mode (the dashboard): credentials include, and login keeps no token in script', async () => {
    const { server, api } = client({ credentials: 'include' });
    server.route('POST /api/v1/auth/login', () => json(200, { token: 'sbm_abc', expiresAt: '2026-02-01T00:00:00Z', member }));
    server.route('GET /api/v1/auth/me', () => json(200, { kind: 'member', workspaceId: 1, role: 'operator', member, apiKeyId: null, contactId: null }));
    await api.login('olivia@example.com', 'pw');
    assert.equal(api.token, undefined);
    assert.equal((await api.me()).member?.id, 2);
    assert.deepEqual(server.requests.map((r) => [r.credentials, r.headers['authorization']]), [['include', undefined], ['include', undefined]]);
  });

  test('widget: start, resume with the previous token, conversation', async () => {
    const { server, api } = client();
    let n = 0;
    server.route('POST /api/v1/widget/sessions', () => json(200, { token: `sbv_${++n}`, contactId: 11, conversationId: null, expiresAt: '2026-02-01T00:00:00Z', workspaceId: 1, inboxId: 1 }));
    server.route('POST /api/v1/widget/conversation', () => json(200, write()));
    await api.startWidgetSession('pub_1', { name: 'Ada' });
    await api.startWidgetSession('pub_1', { resumeToken: 'sbv_old' });
    const started = await api.startWidgetConversation();
    assert.equal(started.conversation.id, 1);
    const [first, second, third] = server.requests;
    assert.deepEqual(first?.body, { inboxToken: 'pub_1', name: 'Ada', email: null });
    assert.equal(first?.headers['authorization'], undefined);
    assert.equal(second?.headers['authorization'], 'Bearer sbv_old');
    assert.equal(third?.headers['authorization'], 'Bearer sbv_2');
  });

  test('conversations, messages, writes, receipts, presence and the queue hit the documented paths', async () => {
    const { server, api } = client({ token: 'sbk_key' });
    server.route('GET /api/v1/conversations', () => json(200, { items: [conversationJson(1)], next: 'n2' }));
    server.route('GET /api/v1/conversations/1', () => json(200, conversationJson(1)));
    server.route('GET /api/v1/conversations/1/messages', () => json(200, { items: [messageJson('a')], hasMore: true, cursor: 10 }));
    server.route('POST /api/v1/conversations/1/messages', () => json(201, { message: messageJson('c1'), conversation: conversationJson(1), seq: 11, customerWroteMeanwhile: true, replayed: false }));
    server.route('PATCH /api/v1/conversations/1', () => json(200, write({ botActive: false })));
    server.route('POST /api/v1/conversations/1/receipts', () => json(200, write()));
    server.route('PUT /api/v1/presence', () => json(200, { data: { ...member, presence: 'away' }, seq: 12 }));
    server.route('GET /api/v1/queue', () => json(200, { items: [conversationJson(3, { state: 'queued' })], waiting: 4, cursor: 12 }));
    server.route('POST /api/v1/queue/claim', () => json(200, write({ state: 'assigned' })));
    server.route('POST /api/v1/conversations/3/claim', () => json(200, write({ state: 'assigned' })));

    assert.equal((await api.listConversations({ state: ['queued', 'assigned'], assignee: 'me', botActive: false, q: 'Ada Love', limit: 20 })).next, 'n2');
    assert.equal((await api.getConversation(1)).id, 1);
    assert.equal((await api.getMessages(1, { before: 40, limit: 50 })).hasMore, true);
    assert.equal((await api.postMessage(1, { clientMessageId: 'c1', text: 'hi', seenSeq: 10 })).customerWroteMeanwhile, true);
    assert.equal((await api.patchConversation(1, 'm1', { botActive: false, assigneeId: null }, 3)).conversation.botActive, false);
    await api.postReceipt(1, 'read', 9);
    assert.equal((await api.setPresence('away')).member.presence, 'away');
    assert.equal((await api.getQueue(50)).waiting, 4);
    await api.claimNext('q1');
    await api.claimConversation(3, 'q2');

    const r = server.requests;
    assert.equal(r[0]?.url, 'https://sb.test/api/v1/conversations?state=queued%2Cassigned&assignee=me&botActive=false&q=Ada%20Love&limit=20');
    assert.equal(r[2]?.url, 'https://sb.test/api/v1/conversations/1/messages?before=40&limit=50');
    assert.deepEqual(r[3]?.body, { clientMessageId: 'c1', text: 'hi', seenSeq: 10 });
    assert.deepEqual(r[4]?.body, { mutationId: 'm1', botActive: false, assigneeId: null });
    assert.equal(r[4]?.headers['if-match'], '"3"');
    assert.deepEqual(r[5]?.body, { status: 'read', upToMessageId: 9 });
    assert.deepEqual([r[6]?.method, r[6]?.body], ['PUT', { status: 'away' }]);
    assert.equal(r[7]?.url, 'https://sb.test/api/v1/queue?limit=50');
    assert.deepEqual(r[8]?.body, { mutationId: 'q1' });
    assert.deepEqual([r[9]?.path, r[9]?.body], ['/api/v1/conversations/3/claim', { mutationId: 'q2' }]);
    assert.ok(r.every((x) => x.headers['authorization'] === 'Bearer sbk_key'));
  });

  test('admin: members, inboxes, FAQ, bot, webhooks and workspace hit the documented paths and parse strictly', async () => {
    const { server, api } = client({ credentials: 'include' });
    const inbox = { id: 1, name: 'Shop', channel: 'widget', publicToken: 'pub_1', createdAt: '2026-01-01T00:00:00Z' };
    const faq = { id: 5, question: 'Hours?', answer: '9 to 5', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z' };
    const hook = { id: 8, url: 'https://hooks.test/a', eventTypes: ['*'], active: true, createdAt: '2026-01-01T00:00:00Z' };
    const bot = {
      engine: 'llm', greeting: null, confidenceThreshold: 0.55, handoffPhrases: ['human'], handoffMessage: '', replyTimeoutSeconds: 20,
      llm: { baseUrl: 'https://llm.test/v1', model: 'm', systemPrompt: null, temperature: 0.2, apiKeySet: true }, external: { url: null, secretSet: false },
      version: 3, updatedAt: null,
    };
    const workspace = { id: 1, name: 'Demo', cursor: 40, settings: {
      timeZone: 'Europe/Paris', releaseOnReply: false, reopenTo: 'bot', assignmentPolicy: 'manual', idleTimeoutSeconds: 900, eventRetentionSeconds: 86400, botEnabled: true } };
    server.route('GET /api/v1/members', () => json(200, { items: [member], next: null }));
    server.route('POST /api/v1/members', () => json(201, { data: { member, temporaryPassword: 'tmp-123' }, seq: 41 }));
    server.route('PATCH /api/v1/members/2', () => json(200, { data: { ...member, role: 'admin' }, seq: 42 }));
    server.route('GET /api/v1/inboxes', () => json(200, { items: [inbox], next: null }));
    server.route('POST /api/v1/inboxes', () => json(201, inbox));
    server.route('GET /api/v1/faq', () => json(200, { items: [faq], next: null }));
    server.route('POST /api/v1/faq', () => json(201, faq));
    server.route('PATCH /api/v1/faq/5', () => json(200, faq));
    server.route('DELETE /api/v1/faq/5', () => new Response(null, { status: 204 }));
    server.route('GET /api/v1/bot', () => json(200, bot));
    server.route('PATCH /api/v1/bot', () => json(200, { ...bot, engine: 'knowledge_base' }));
    server.route('GET /api/v1/webhooks', () => json(200, { items: [hook], next: null }));
    server.route('POST /api/v1/webhooks', () => json(201, { webhook: hook, secret: 'whsec_1' }));
    server.route('DELETE /api/v1/webhooks/8', () => new Response(null, { status: 204 }));
    server.route('GET /api/v1/webhooks/8/deliveries', () => json(200, { items: [{
      id: 1, jobId: 3, eventSeq: 40, eventType: 'conversation.updated', attempt: 2, statusCode: null, succeeded: false, error: 'timeout', durationMs: 5000,
      createdAt: '2026-01-01T00:00:00Z' }], next: null }));
    server.route('GET /api/v1/workspace', () => json(200, workspace));
    server.route('PATCH /api/v1/workspace', () => json(200, { data: { ...workspace, settings: { ...workspace.settings, botEnabled: false } }, seq: 43 }));

    const { admin } = api;
    assert.deepEqual((await admin.listMembers()).map((m) => [m.name, m.active, m.capacity, m.lastActivityAt]), [['Olivia', true, 5, null]]);
    assert.equal((await admin.createMember({ email: 'new@example.com', name: 'New', role: 'operator' })).temporaryPassword, 'tmp-123');
    assert.deepEqual(await admin.updateMember(2, { role: 'admin' }).then((w) => [w.data.role, w.seq]), ['admin', 42]);
    assert.equal((await admin.listInboxes())[0]?.publicToken, 'pub_1');
    assert.equal((await admin.createInbox({ name: 'Shop', channel: 'widget' })).id, 1);
    assert.equal((await admin.listFaq())[0]?.answer, '9 to 5');
    await admin.createFaq({ question: 'Hours?', answer: '9 to 5' });
    await admin.updateFaq(5, { answer: '9 to 5' });
    await admin.deleteFaq(5);
    const config = await admin.getBot();
    assert.deepEqual([config.engine, config.greeting, config.confidenceThreshold, config.handoffPhrases, config.llm.apiKeySet, config.external.url],
      ['llm', null, 0.55, ['human'], true, null]);
    assert.equal((await admin.updateBot({ engine: 'knowledge_base', llm: { temperature: null } })).engine, 'knowledge_base');
    assert.deepEqual((await admin.listWebhooks())[0]?.eventTypes, ['*']);
    assert.equal((await admin.createWebhook({ url: 'https://hooks.test/a', eventTypes: ['*'] })).secret, 'whsec_1');
    await admin.deleteWebhook(8);
    assert.deepEqual((await admin.listWebhookDeliveries(8, 20)).map((d) => [d.statusCode, d.succeeded, d.error]), [[null, false, 'timeout']]);
    assert.equal((await admin.getWorkspace()).settings.botEnabled, true);
    assert.equal((await admin.updateWorkspace({ botEnabled: false })).data.settings.botEnabled, false);

    const r = server.requests;
    assert.deepEqual(r.map((x) => `${x.method} ${x.path}`).filter((x) => x.startsWith('POST') || x.startsWith('PATCH') || x.startsWith('DELETE')), [
      'POST /api/v1/members', 'PATCH /api/v1/members/2', 'POST /api/v1/inboxes', 'POST /api/v1/faq', 'PATCH /api/v1/faq/5', 'DELETE /api/v1/faq/5',
      'PATCH /api/v1/bot', 'POST /api/v1/webhooks', 'DELETE /api/v1/webhooks/8', 'PATCH /api/v1/workspace']);
    assert.deepEqual(server.seen('PATCH /api/v1/bot')[0]?.body, { engine: 'knowledge_base', llm: { temperature: null } });
    assert.equal(server.seen('GET /api/v1/webhooks/8/deliveries')[0]?.url, 'https://sb.test/api/v1/webhooks/8/deliveries?limit=20');
    assert.ok(r.every((x) => x.credentials === 'include'));
  });

  test('admin: an answer that is not what the protocol says rejects with WireFormatError; a refusal with HttpError', async () => {
    const { server, api } = client();
    server.route('GET /api/v1/members', () => json(200, { items: [{ ...member, capacity: 'five' }] }));
    server.route('GET /api/v1/webhooks', () => json(200, { items: [{ id: 8, url: 'https://hooks.test/a', eventTypes: [1] }] }));
    server.route('GET /api/v1/bot', () => json(200, { confidenceThreshold: 'high' }));
    server.route('GET /api/v1/faq', () => json(200, [1, 2]));
    server.route('POST /api/v1/inboxes', () => json(403, { code: 'forbidden', detail: 'Admins only.' }));
    await assert.rejects(api.admin.listMembers(), (e) => e instanceof WireFormatError && e.path === 'page.items[0].capacity');
    await assert.rejects(api.admin.listWebhooks(), (e) => e instanceof WireFormatError && e.path === 'page.items[0].eventTypes');
    await assert.rejects(api.admin.getBot(), (e) => e instanceof WireFormatError && e.path === 'bot.confidenceThreshold');
    await assert.rejects(api.admin.listFaq(), WireFormatError);
    await assert.rejects(api.admin.createInbox({ name: 'x', channel: 'widget' }), (e) => e instanceof HttpError && e.status === 403 && e.code === 'forbidden');
  });

  test('non-2xx rejects with HttpError (status, code, detail); without ProblemDetails the code is http_NNN', async () => {
    const { server, api } = client();
    server.route('POST /api/v1/queue/claim', () => json(409, { type: 'urn:switchboard:error:queue_empty', status: 409, code: 'queue_empty', detail: 'Nobody waits.' }));
    server.route('GET /api/v1/queue', () => new Response('Bad gateway', { status: 502 }));
    await assert.rejects(api.claimNext('q1'), (e: unknown) => e instanceof HttpError && e.status === 409 && e.code === 'queue_empty' && e.detail === 'Nobody waits.');
    await assert.rejects(api.getQueue(), (e: unknown) => e instanceof HttpError && e.status === 502 && e.code === 'http_502' && e.detail === null && e.retryAfterSeconds === null);
  });

  test('a 429 carries how long the server asked to wait; a missing or nonsense wait is null', async () => {
    const { server, api } = client();
    const limited = (retryAfterSeconds: unknown) => json(429, { code: 'rate_limited', status: 429, retryAfterSeconds });
    server.route('POST /api/v1/auth/login', () => limited(8));
    await assert.rejects(api.login('a@example.com', 'wrong-password'), (e: unknown) => e instanceof HttpError && e.status === 429 && e.retryAfterSeconds === 8);
    for (const nonsense of ['8', -1, null, undefined]) {
      server.route('POST /api/v1/auth/login', () => limited(nonsense));
      await assert.rejects(api.login('a@example.com', 'wrong-password'), (e: unknown) => e instanceof HttpError && e.status === 429 && e.retryAfterSeconds === null);
    }
  });

  test('no answer rejects with TransportError: a network failure, or the timeout (timedOut); a wrong body with WireFormatError', async () => {
    const { server, api, timers } = client();
    server.route('GET /api/v1/conversations/1', () => { throw new TypeError('fetch failed'); });
    await assert.rejects(api.getConversation(1), (e: unknown) => e instanceof TransportError && !e.timedOut);
    server.route('GET /api/v1/conversations/2', () => new Promise<Response>(() => {}));
    const pending = api.getConversation(2, { timeoutMs: 3000 });
    await until(() => server.requests.length === 2, 'the request');
    timers.advance(3000);
    await assert.rejects(pending, (e: unknown) => e instanceof TransportError && e.timedOut);
    assert.equal(server.requests[1]?.signal?.aborted, true);
    server.route('GET /api/v1/conversations/3', () => json(200, { id: 'three' }));
    await assert.rejects(api.getConversation(3), WireFormatError);
  });

  test('a caller\'s abort rejects with the abort, not as a transport failure', async () => {
    const { server, api } = client();
    server.route('GET /api/v1/conversations/1', () => new Promise<Response>(() => {}));
    const controller = new AbortController();
    const pending = api.getConversation(1, { signal: controller.signal });
    await until(() => server.requests.length === 1, 'the request');
    controller.abort();
    await assert.rejects(pending, (e: unknown) => e instanceof DOMException && e.name === 'AbortError');
  });

  test('sendRaw answers any status with the parsed body; only a missing answer rejects', async () => {
    const { server, api } = client({ token: 't' });
    server.route('POST /api/v1/conversations/1/messages', () => json(422, { code: 'text_too_long' }));
    server.route('PATCH /api/v1/conversations/1', () => new Response(null, { status: 204 }));
    const request = { key: 'c1', method: 'POST' as const, path: '/api/v1/conversations/1/messages', body: { clientMessageId: 'c1', text: 'x' }, attempt: 1 };
    assert.deepEqual(await api.sendRaw(request), { status: 422, body: { code: 'text_too_long' } });
    assert.deepEqual(await api.sendRaw({ ...request, method: 'PATCH', path: '/api/v1/conversations/1', body: { mutationId: 'm1' } }), { status: 204, body: undefined });
    assert.equal(server.requests[0]?.headers['content-type'], 'application/json');
  });

  test('streamUrl: WebSocket scheme and access_token only when a token is in use', () => {
    assert.equal(new ApiClient({ baseUrl: 'http://localhost:5000', fetch: new FakeFetch().fetch }).streamUrl('/api/v1/stream?cursor=3', true), 'ws://localhost:5000/api/v1/stream?cursor=3');
    assert.equal(new ApiClient({ baseUrl: 'https://x.test', fetch: new FakeFetch().fetch, token: 'a b' }).streamUrl('/api/v1/events', false), 'https://x.test/api/v1/events?access_token=a%20b');
  });

  test('exportTranscript asks for the format, notes and time zone and returns the file under the server\'s name', async () => {
    const { server, api } = client({ token: 'sbm_abc' });
    server.route('GET /api/v1/conversations/7/transcript', () => new Response('Conversation 7\n', {
      status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': 'attachment; filename=conversation-7-2026-12-03.txt' },
    }));
    const file = await api.exportTranscript(7, { notes: false, timeZone: 'Europe/Berlin' });
    assert.equal(file.fileName, 'conversation-7-2026-12-03.txt');
    assert.equal(file.contentType, 'text/plain; charset=utf-8');
    assert.equal(await file.blob.text(), 'Conversation 7\n');
    assert.equal(server.requests[0]?.url, 'https://sb.test/api/v1/conversations/7/transcript?format=text&notes=false&timeZone=Europe%2FBerlin');
    assert.equal(server.requests[0]?.headers['authorization'], 'Bearer sbm_abc');
  });

  test('exportTranscript refused: the problem\'s code, as every call', async () => {
    const { server, api } = client();
    server.route('GET /api/v1/conversations/7/transcript', () => json(400, { code: 'time_zone_invalid', detail: 'timeZone must be an IANA time zone' }));
    await assert.rejects(api.exportTranscript(7, { timeZone: 'Mars/Olympus' }), (e: unknown) => e instanceof HttpError && e.status === 400 && e.code === 'time_zone_invalid');
  });
});
