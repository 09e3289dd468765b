import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiClient, labelTextColour, parseConversation, parseLabel, WireFormatError } from '../src/index.js';
import { FakeFetch, json } from './fakes/fakeFetch.js';
import { FakeTimers } from './fakes/fakeTimers.js';
import { conversationJson } from './fakes/fixtures.js';

// Labels at the wire boundary and over the REST client (docs/api.md, "Labels"); the live store's side is vector 82.

const label = { id: 5, name: 'VIP', colour: '#aa00aa', description: null, version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };

describe('labels', () => {
  test('a conversation reads its labelIds; a visitor view (null) reads as none; anything but positive ids is refused', () => {
    assert.deepEqual(parseConversation({ id: 1, labelIds: [3, 7] }).labelIds, [3, 7]);
    assert.deepEqual(parseConversation({ id: 1, labelIds: null }).labelIds, []);
    assert.throws(() => parseConversation({ id: 1, labelIds: [0] }), WireFormatError);
    assert.throws(() => parseConversation({ id: 1, labelIds: ['3'] }), WireFormatError);
    assert.equal(parseLabel(label).colour, '#aa00aa');
  });

  test('chip text is black on light colours and white on dark ones', () => {
    assert.equal(labelTextColour('#ffd700'), '#000000');
    assert.equal(labelTextColour('#ffffff'), '#000000');
    assert.equal(labelTextColour('#1f3a93'), '#ffffff');
    assert.equal(labelTextColour('#000000'), '#ffffff');
  });

  test('the client sends label writes and reads their answers', async () => {
    const server = new FakeFetch();
    const api = new ApiClient({ baseUrl: 'https://sb.test', fetch: server.fetch, timers: new FakeTimers() });
    server.route('GET /api/v1/labels', () => json(200, { items: [label], next: null }));
    server.route('POST /api/v1/labels', () => json(201, { data: label, seq: 12 }));
    server.route('DELETE /api/v1/labels/5', () => json(200, { id: 5, seq: 14, conversationsChanged: 2 }));
    server.route('POST /api/v1/conversations/1/labels', () => json(200, { conversation: conversationJson(1, { labelIds: [5] }), seq: 13, replayed: false }));
    server.route('GET /api/v1/conversations', () => json(200, { items: [], next: null }));

    assert.equal((await api.labels.list())[0]?.name, 'VIP');
    assert.equal((await api.labels.create({ name: 'VIP', colour: '#aa00aa' }, 'm-1')).seq, 12);
    assert.deepEqual(server.requests[1]?.body, { name: 'VIP', colour: '#aa00aa', mutationId: 'm-1' });
    const changed = await api.labels.changeConversation(1, { add: [5] }, 'm-2');
    assert.deepEqual(changed.conversation.labelIds, [5]);
    assert.deepEqual(server.requests[2]?.body, { mutationId: 'm-2', add: [5], remove: [] });
    assert.equal((await api.labels.delete(5, 'm-3')).conversationsChanged, 2);
    assert.equal(server.requests[3]?.url, 'https://sb.test/api/v1/labels/5?mutationId=m-3');
    await api.listConversations({ labelId: 5 });
    assert.equal(server.requests[4]?.url, 'https://sb.test/api/v1/conversations?labelId=5');
  });
});
