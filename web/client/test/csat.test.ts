import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiClient, CsatSet, HttpError, LiveStoreCore, parseCsat, parseSnapshot, parseStreamEvent, WireFormatError } from '../src/index.js';
import { FakeFetch, json } from './fakes/fakeFetch.js';
import { FakeTimers } from './fakes/fakeTimers.js';

// CSAT (docs/api.md, "Customer satisfaction"): the rating request and rating kept live, the visitor's submit, the stats.

const csat = (id: number, conversationId: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id, conversationId, channel: 'widget', assigneeId: 4, requestedAt: '2026-01-01T00:00:00Z', rating: null, comment: null, ratedAt: null,
  changeableUntil: '2026-01-08T00:00:00Z', version: 1, ...extra,
});
const event = (seq: number, data: unknown, type = 'csat.updated') =>
  parseStreamEvent({ seq, type, conversationId: 3, version: 1, mutationId: null, clientMessageId: null, data });
const summary = (count: number, average: number | null, distribution = [0, 0, 0, 0, count]) => ({ count, average, distribution });

describe('CsatSet', () => {
  test('keeps the newest request of each conversation, by request then version, whatever the order', () => {
    const set = new CsatSet();
    set.load([parseCsat(csat(1, 3))], true);
    set.apply('csat.updated', { csat: csat(1, 3, { rating: 5, version: 2 }) });
    set.apply('csat.updated', { csat: csat(1, 3) }); // late and older: ignored
    assert.equal(set.of(3)?.rating, 5);
    set.apply('csat.updated', { csat: csat(2, 3) }); // a new resolution asks again
    assert.deepEqual([set.of(3)?.id, set.of(3)?.rating], [2, null]);
    set.load([parseCsat(csat(1, 3, { rating: 5, version: 2 }))], false); // an older snapshot does not bring the old request back
    assert.equal(set.of(3)?.id, 2);
    assert.equal(set.apply('message.created', {}), false);
    set.load([], true);
    assert.equal(set.of(3), undefined);
  });

  test('a rating outside 1 to 5 is a wire format error', () => {
    assert.throws(() => parseCsat(csat(1, 3, { rating: 6 })), (e: unknown) => e instanceof WireFormatError && e.path === 'csat.rating');
  });
});

describe('the live store', () => {
  test('loads requests from the snapshot and applies csat.updated; one bad event is skipped, the next applies', () => {
    const core = new LiveStoreCore();
    core.loadSnapshot(parseSnapshot({ cursor: 5, conversations: [], members: [], labels: [], csat: [csat(1, 3)] }));
    assert.equal(core.csat(3)?.rating, null);
    core.applyEvent(event(6, { csat: { ...csat(1, 3), rating: 9, version: 2 } }));
    assert.equal(core.csat(3)?.version, 1);
    core.applyEvent(event(7, { csat: csat(1, 3, { rating: 4, comment: 'Nice', version: 3 }) }));
    assert.deepEqual([core.csat(3)?.rating, core.csat(3)?.comment, core.cursor], [4, 'Nice', 7]);
  });
});

describe('CSAT API', () => {
  test('the visitor\'s rating is one mutationId for every attempt and its answer is parsed', async () => {
    const server = new FakeFetch();
    const api = new ApiClient({ baseUrl: 'https://sb.test', fetch: server.fetch, timers: new FakeTimers(), token: 'sbv_x' });
    server.route('POST /api/v1/conversations/3/csat', () => json(200, { csat: csat(1, 3, { rating: 5, comment: 'Great', assigneeId: null }), seq: 9, replayed: false }));
    const answer = await api.submitCsat(3, { mutationId: 'm1', requestId: 1, rating: 5, comment: 'Great' });
    assert.deepEqual(server.requests[0]?.body, { mutationId: 'm1', requestId: 1, rating: 5, comment: 'Great' });
    assert.deepEqual([answer.csat.rating, answer.seq], [5, 9]);
    server.route('POST /api/v1/conversations/3/csat', () => json(409, { code: 'csat_closed', title: 'Closed' }));
    await assert.rejects(api.submitCsat(3, { mutationId: 'm2', requestId: 1, rating: 1, comment: null }), (e: unknown) => e instanceof HttpError && e.code === 'csat_closed');
  });

  test('stats are parsed per operator, team, label and day', async () => {
    const server = new FakeFetch();
    const api = new ApiClient({ baseUrl: 'https://sb.test', fetch: server.fetch, timers: new FakeTimers() });
    server.route('GET /api/v1/stats/csat', () => json(200, {
      from: '2026-01-01', to: '2026-01-02', timeZone: 'UTC', total: summary(2, 4.5, [0, 0, 0, 1, 1]),
      byOperator: [{ memberId: 4, name: 'Otto', ratings: summary(1, 5) }, { memberId: null, name: null, ratings: summary(1, 4, [0, 0, 0, 1, 0]) }],
      byTeam: [{ teamId: 3, name: 'Sales', ratings: summary(1, 5) }, { teamId: null, name: null, ratings: summary(1, 4, [0, 0, 0, 1, 0]) }],
      byLabel: [{ labelId: 2, name: 'VIP', colour: '#112233', ratings: summary(1, 5) }],
      byDay: [{ day: '2026-01-01', ratings: summary(0, null) }, { day: '2026-01-02', ratings: summary(2, 4.5, [0, 0, 0, 1, 1]) }],
    }));
    const stats = await api.csat.stats({ from: '2026-01-01', to: '2026-01-02' });
    assert.equal(server.requests[0]?.url, 'https://sb.test/api/v1/stats/csat?from=2026-01-01&to=2026-01-02');
    assert.deepEqual([stats.total.average, stats.byOperator[1]?.memberId, stats.byDay[0]?.ratings.average], [4.5, null, null]);
    assert.deepEqual(stats.byTeam.map((t) => [t.teamId, t.name]), [[3, 'Sales'], [null, null]]);
    assert.deepEqual(stats.total.distribution, [0, 0, 0, 1, 1]);
    assert.equal(api.csat.csvPath({ from: '2026-01-01' }), '/api/v1/stats/csat.csv?from=2026-01-01');
    server.route('GET /api/v1/stats/csat', () => json(200, { from: 'a', to: 'b', timeZone: 'UTC', total: { count: 1, average: 1, distribution: [1] } }));
    await assert.rejects(api.csat.stats(), WireFormatError);
  });

  test('the workspace setting reads as on when an older server does not send it, and is sent when changed', async () => {
    const server = new FakeFetch();
    const api = new ApiClient({ baseUrl: 'https://sb.test', fetch: server.fetch, timers: new FakeTimers() });
    const settings = { timeZone: 'UTC', releaseOnReply: false, reopenTo: 'bot', assignmentPolicy: 'manual', idleTimeoutSeconds: 900, eventRetentionSeconds: 86400, botEnabled: true };
    server.route('GET /api/v1/workspace', () => json(200, { id: 1, name: 'W', cursor: 3, settings }));
    assert.equal((await api.admin.getWorkspace()).settings.csatEnabled, true);
    server.route('PATCH /api/v1/workspace', () => json(200, { data: { id: 1, name: 'W', cursor: 4, settings: { ...settings, csatEnabled: false } }, seq: 4 }));
    assert.equal((await api.admin.updateWorkspace({ csatEnabled: false })).data.settings.csatEnabled, false);
    assert.deepEqual(server.requests[1]?.body, { csatEnabled: false });
  });
});
