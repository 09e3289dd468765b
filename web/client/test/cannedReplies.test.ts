import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ApiClient, BaseApiClient, CannedReplySet, fillPlaceholders, parseTeamSnapshot, TeamParts, HttpError, LiveStoreCore, parseSnapshot, parseStreamEvent, placeholderFallbacks, searchCannedReplies,
  unknownPlaceholders, WireFormatError, type CannedReply,
} from '../src/index.js';
import { FakeFetch, json } from './fakes/fakeFetch.js';
import { FakeTimers } from './fakes/fakeTimers.js';
import { SeededRandom } from './seededRandom.js';

const reply = (id: number, shortCode: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id, scope: 'workspace', ownerId: null, shortCode, title: `Title of ${shortCode}`, text: 'Hi {{contact.first_name}}', version: 1,
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...extra,
});
const event = (seq: number, type: string, data: unknown) => parseStreamEvent({ seq, type, conversationId: null, version: 1, mutationId: null, clientMessageId: null, data });

describe('placeholders', () => {
  test('are filled from the contact and the operator, with sensible fallbacks for missing values', () => {
    const text = 'Hi {{ contact.first_name }} ({{contact.name}}, {{contact.email}}), {{operator.first_name}} here.';
    assert.equal(fillPlaceholders(text, { contactName: 'Ada Lovelace', contactEmail: 'ada@example.com', operatorName: 'Otto Operator' }),
      'Hi Ada (Ada Lovelace, ada@example.com), Otto here.');
    assert.equal(fillPlaceholders(text, { contactName: '  ', operatorName: null }), 'Hi there (there, ), our team here.');
  });

  test('unknown ones are named (for the editor) and left as written', () => {
    assert.deepEqual(unknownPlaceholders('{{contact.nmae}} {{x}} {{contact.nmae}} {{contact.name}}'), ['contact.nmae', 'x']);
    assert.equal(fillPlaceholders('{{x}} {{contact.name}}', { contactName: 'Ada' }), '{{x}} Ada');
  });

  test('property: text without placeholders never changes, and no known placeholder survives filling', () => {
    const random = new SeededRandom(20);
    const names = Object.keys(placeholderFallbacks);
    const alphabet = 'ab c,.!\nü{}';
    for (let i = 0; i < 500; i++) {
      const plain = Array.from({ length: random.int(0, 30) }, () => alphabet[random.int(0, alphabet.length - 2)]).join('');
      assert.equal(fillPlaceholders(plain, { contactName: 'Ada' }), plain);
      const template = Array.from({ length: random.int(1, 6) }, () => `${plain}{{${names[random.int(0, names.length)]}}}`).join('');
      const subjects = random.int(0, 2) === 0 ? {} : { contactName: 'Ada L', contactEmail: 'a@x.io', operatorName: 'Otto' };
      assert.ok(!fillPlaceholders(template, subjects).includes('{{'), template);
      assert.deepEqual(unknownPlaceholders(template), []);
    }
  });
});

describe('CannedReplySet', () => {
  test('merges by version, drops deleted replies for good, and lists by code with one\'s own first', () => {
    const set = new CannedReplySet();
    set.load([parse(reply(1, 'refund')), parse(reply(2, 'hello'))], true);
    set.apply('canned_reply.updated', reply(3, 'refund', { scope: 'personal', ownerId: 7 }));
    assert.deepEqual(set.all.map((r) => [r.id, r.shortCode]), [[2, 'hello'], [3, 'refund'], [1, 'refund']]);
    set.apply('canned_reply.updated', reply(2, 'hi', { version: 2 }));
    set.apply('canned_reply.updated', reply(2, 'hello', { version: 1 })); // late and older: ignored
    assert.equal(set.all.find((r) => r.id === 2)?.shortCode, 'hi');
    set.apply('canned_reply.deleted', { id: 1, scope: 'workspace', ownerId: null });
    set.load([parse(reply(1, 'refund'))], false); // a snapshot read before the delete does not bring it back
    assert.deepEqual(set.all.map((r) => r.id), [2, 3]);
    assert.equal(set.apply('message.created', {}), false);
    set.load([parse(reply(1, 'refund'))], true); // a reset's snapshot is the truth
    assert.deepEqual(set.all.map((r) => r.id), [1]);
  });

  test('refuses data that is not a canned reply, whole', () => {
    const set = new CannedReplySet();
    assert.throws(() => set.apply('canned_reply.updated', reply(1, 'x', { scope: 'team' })), WireFormatError);
    assert.throws(() => set.apply('canned_reply.updated', reply(0, 'x')), WireFormatError);
    assert.throws(() => set.apply('canned_reply.deleted', { id: 'one' }), WireFormatError);
    assert.deepEqual(set.all, []);
  });

  test('search matches the code first (prefix, then anywhere), then the title', () => {
    const replies = [reply(1, 'refund'), reply(2, 'hello', { title: 'Greeting' }), reply(3, 'late-refund'), reply(4, 'thanks', { title: 'Refund done' })].map(parse);
    assert.deepEqual(searchCannedReplies(replies, 'REF').map((r) => r.id), [1, 3, 4]);
    assert.deepEqual(searchCannedReplies(replies, 'greet').map((r) => r.id), [2]);
    assert.deepEqual(searchCannedReplies(replies, '').map((r) => r.id), [1, 2, 3, 4]);
    assert.deepEqual(searchCannedReplies(replies, 'zzz'), []);
  });
});

describe('the live store', () => {
  test('loads canned replies from the snapshot and keeps them current from the stream, skipping a bad event alone', () => {
    const store = new LiveStoreCore({ team: new TeamParts() });
    store.loadSnapshot(parseTeamSnapshot({ cursor: 10, conversations: [], members: [], cannedReplies: [reply(1, 'refund')] }));
    let changes = 0;
    store.subscribe(() => { changes++; });
    store.applyEvent(event(11, 'canned_reply.updated', reply(2, 'bye')));
    store.applyEvent(event(12, 'canned_reply.updated', { id: 'bad' }));
    store.applyEvent(event(13, 'canned_reply.deleted', { id: 1, scope: 'workspace', ownerId: null }));
    assert.deepEqual(store.cannedReplies.map((r) => r.shortCode), ['bye']);
    assert.equal(store.cursor, 13);
    assert.ok(changes >= 2);
  });

  test('a store without the team\'s parts (the widget\'s) keeps none, and their events only move the cursor', () => {
    const store = new LiveStoreCore();
    store.loadSnapshot(parseSnapshot({ cursor: 10, conversations: [], members: [], cannedReplies: [reply(1, 'refund')], labels: [{ id: 1, name: 'VIP', colour: '#ff0000', version: 1 }] }));
    store.applyEvent(event(11, 'canned_reply.updated', reply(2, 'bye')));
    store.applyEvent(event(12, 'team.updated', { id: 3, name: 'Billing' }));
    assert.deepEqual([store.cannedReplies.length, store.labels.length, store.teamsRevision, store.cursor], [0, 0, 0, 12]);
    assert.equal(new BaseApiClient({ fetch: new FakeFetch().fetch }).teamParts(), undefined, 'the widget\'s client brings none');
    assert.ok(new ApiClient({ fetch: new FakeFetch().fetch }).teamParts() instanceof TeamParts, 'the team\'s client does');
  });
});

describe('CannedRepliesApi', () => {
  test('sends a mutationId with every write, and surfaces the server\'s refusal code', async () => {
    const server = new FakeFetch();
    const api = new ApiClient({ baseUrl: 'https://sb.test', fetch: server.fetch, timers: new FakeTimers() });
    server.route('GET /api/v1/canned-replies', () => json(200, { items: [reply(1, 'refund')], next: null }));
    server.route('POST /api/v1/canned-replies', () => json(201, { cannedReply: reply(2, 'bye'), seq: 5, replayed: false }));
    server.route('DELETE /api/v1/canned-replies/2', () => json(200, { id: 2, seq: 6, replayed: false }));
    server.route('PATCH /api/v1/canned-replies/2', () => json(400, { code: 'canned_reply_placeholder_unknown', title: 'Bad request', status: 400 }));
    assert.equal((await api.cannedReplies.list())[0]?.shortCode, 'refund');
    const created = await api.cannedReplies.create({ shortCode: 'bye', title: 'Bye', text: 'Bye!' }, { mutationId: 'm-1' });
    assert.equal(created.cannedReply.id, 2);
    assert.deepEqual(server.seen('POST /api/v1/canned-replies')[0]?.body, { mutationId: 'm-1', shortCode: 'bye', title: 'Bye', text: 'Bye!' });
    await assert.rejects(api.cannedReplies.update(2, { text: '{{x}}' }), (e: unknown) => e instanceof HttpError && e.code === 'canned_reply_placeholder_unknown');
    assert.equal((await api.cannedReplies.delete(2)).seq, 6);
    const body = server.seen('DELETE /api/v1/canned-replies/2')[0]?.body as { mutationId?: unknown };
    assert.equal(typeof body.mutationId, 'string');
  });
});

function parse(value: Record<string, unknown>): CannedReply {
  const set = new CannedReplySet();
  set.apply('canned_reply.updated', value);
  const [only] = set.all;
  assert.ok(only !== undefined);
  return only;
}
