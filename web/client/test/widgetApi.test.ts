import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiClient, HttpError, WireFormatError, type WidgetSettings } from '../src/index.js';
import { FakeFetch, json } from './fakes/fakeFetch.js';
import { FakeTimers } from './fakes/fakeTimers.js';

// The widget's endpoints of issue 19 (docs/api.md): public config, identity, attributes, email, and the admin's
// widget settings, over a fake fetch: paths, bodies, bearer and strict parsing.

const config = {
  inboxId: 1, teamName: 'Acme support', avatarUrl: null, color: '#2563eb', position: 'left', launcherText: 'Chat with us',
  greeting: 'Hi! How can we help?', language: 'de', preChat: { name: 'required', email: 'optional' }, identityVerification: 'optional',
  availability: { state: 'closed', nextOpenAt: '2026-12-03T08:00:00Z', timeZone: 'Europe/Berlin', botAnswers: true },
};
const session = { token: 'sbv_new', contactId: 7, conversationId: 3, expiresAt: '2026-02-01T00:00:00Z', workspaceId: 1, inboxId: 1, verified: true };
const settings: WidgetSettings = {
  allowedOrigins: ['https://*.example.com'], teamName: 'Acme', avatarUrl: null, color: '#112233', position: 'right', launcherText: 'Chat',
  greeting: 'Hello', language: null, preChat: { name: 'off', email: 'optional' }, identityVerification: 'off',
  businessHours: { enabled: true, timeZone: 'Europe/Berlin', weekly: [{ day: 1, open: '09:00', close: '17:00' }], holidays: ['2026-12-25'] },
  botOutsideHours: true,
};

function client(token?: string) {
  const server = new FakeFetch();
  const api = new ApiClient({ baseUrl: 'https://sb.test', fetch: server.fetch, timers: new FakeTimers(), ...(token === undefined ? {} : { token }) });
  return { server, api };
}

describe('widget API', () => {
  test('config is read anonymously by inbox token and parsed whole', async () => {
    const { server, api } = client();
    server.route('GET /api/v1/widget/config', () => json(200, config));
    const c = await api.getWidgetConfig('pk_a b');
    assert.equal(server.requests[0]?.url, 'https://sb.test/api/v1/widget/config?inboxToken=pk_a%20b');
    assert.equal(server.requests[0]?.headers['authorization'], undefined);
    assert.equal(c.position, 'left');
    assert.deepEqual(c.preChat, { name: 'required', email: 'optional' });
    assert.equal(c.availability.state, 'closed');
    assert.equal(c.availability.nextOpenAt, '2026-12-03T08:00:00Z');
    assert.ok(Object.isFrozen(c.availability));
    assert.equal(c.attachmentMaxBytes, 26_214_400, 'an older server does not say: 25 MB');
    server.route('GET /api/v1/widget/config', () => json(200, { ...config, attachmentMaxBytes: 1_048_576 }));
    assert.equal((await api.getWidgetConfig('pk')).attachmentMaxBytes, 1_048_576);
  });

  test('config with an unknown availability state or position is a wire format error', async () => {
    const { server, api } = client();
    server.route('GET /api/v1/widget/config', () => json(200, { ...config, availability: { ...config.availability, state: 'maybe' } }));
    await assert.rejects(api.getWidgetConfig('pk'), (e: unknown) => e instanceof WireFormatError && e.path === 'config.availability.state');
    server.route('GET /api/v1/widget/config', () => json(200, { ...config, position: 'top' }));
    await assert.rejects(api.getWidgetConfig('pk'), WireFormatError);
  });

  test('a refused origin is an HttpError with its code', async () => {
    const { server, api } = client();
    server.route('GET /api/v1/widget/config', () => json(403, { code: 'origin_not_allowed', detail: 'no' }));
    await assert.rejects(api.getWidgetConfig('pk'), (e: unknown) => e instanceof HttpError && e.status === 403 && e.code === 'origin_not_allowed');
  });

  test('a session with an identity sends it and reports verified', async () => {
    const { server, api } = client();
    server.route('POST /api/v1/widget/sessions', () => json(200, session));
    const identity = { userId: 'u-42', hash: 'ab12', name: 'Ada' };
    const s = await api.startWidgetSession('pk', { identity });
    assert.equal(s.verified, true);
    assert.deepEqual(server.requests[0]?.body, { inboxToken: 'pk', name: null, email: null, identity });
  });

  test('a session without identity sends none, and an old server without verified parses as false', async () => {
    const { server, api } = client();
    const { verified: _, ...old } = session;
    server.route('POST /api/v1/widget/sessions', () => json(200, old));
    const s = await api.startWidgetSession('pk', { name: 'Vera' });
    assert.equal(s.verified, false);
    assert.deepEqual(server.requests[0]?.body, { inboxToken: 'pk', name: 'Vera', email: null });
  });

  test('identify switches to the verified session token', async () => {
    const { server, api } = client('sbv_old');
    server.route('POST /api/v1/widget/identify', () => json(200, session));
    server.route('PUT /api/v1/widget/attributes', () => new Response(null, { status: 204 }));
    await api.identifyWidgetVisitor({ userId: 'u-42', hash: 'ab' });
    assert.equal(server.requests[0]?.headers['authorization'], 'Bearer sbv_old');
    assert.deepEqual(server.requests[0]?.body, { identity: { userId: 'u-42', hash: 'ab' } });
    await api.setWidgetAttributes({ plan: 'pro', cartValue: 42, vip: true });
    assert.equal(server.requests[1]?.headers['authorization'], 'Bearer sbv_new');
    assert.deepEqual(server.requests[1]?.body, { attributes: { plan: 'pro', cartValue: 42, vip: true } });
  });

  test('leaving an email puts it', async () => {
    const { server, api } = client('sbv_1');
    server.route('PUT /api/v1/widget/email', () => new Response(null, { status: 204 }));
    await api.leaveWidgetEmail('ada@example.com');
    assert.deepEqual(server.requests[0]?.body, { email: 'ada@example.com' });
  });
});

describe('admin widget settings', () => {
  test('get, put (full replace) and rotate the identity secret', async () => {
    const { server, api } = client('sbm_1');
    server.route('GET /api/v1/inboxes/4/widget', () => json(200, settings));
    server.route('PUT /api/v1/inboxes/4/widget', (r) => json(200, r.body));
    server.route('POST /api/v1/inboxes/4/identity-secret', () => json(200, { secret: 's3cret' }));
    const got = await api.admin.getWidgetSettings(4);
    assert.deepEqual(got, settings);
    const saved = await api.admin.updateWidgetSettings(4, { ...got, color: '#000000' });
    assert.equal(saved.color, '#000000');
    assert.deepEqual(server.requests[1]?.body, { ...settings, color: '#000000' });
    assert.deepEqual(await api.admin.rotateIdentitySecret(4), { secret: 's3cret' });
  });

  test('a malformed weekly row or an empty secret is a wire format error', async () => {
    const { server, api } = client('sbm_1');
    server.route('GET /api/v1/inboxes/4/widget', () => json(200, { ...settings, businessHours: { ...settings.businessHours, weekly: [{ day: 'mon' }] } }));
    await assert.rejects(api.admin.getWidgetSettings(4), (e: unknown) => e instanceof WireFormatError && e.path.startsWith('settings.businessHours.weekly[0]'));
    server.route('POST /api/v1/inboxes/4/identity-secret', () => json(200, { secret: '' }));
    await assert.rejects(api.admin.rotateIdentitySecret(4), WireFormatError);
  });
});

describe('texts the team left empty', () => {
  test('null team name, launcher text, greeting and language parse as empty (the widget uses its own)', async () => {
    const { server, api } = client();
    server.route('GET /api/v1/widget/config', () => json(200, { ...config, teamName: null, launcherText: null, greeting: null, language: null }));
    const c = await api.getWidgetConfig('pk');
    assert.equal(c.teamName, '');
    assert.equal(c.launcherText, '');
    assert.equal(c.greeting, '');
    assert.equal(c.language, null);
  });
});
