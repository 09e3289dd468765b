import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiClient, HttpError, WireFormatError } from '../src/index.js';
import { FakeFetch, json } from './fakes/fakeFetch.js';
import { conversationJson, messageJson } from './fakes/fixtures.js';

// The search call (docs/api.md "Search"): its query string, and the strict reading of its answer.

function client() {
  const server = new FakeFetch();
  return { server, api: new ApiClient({ baseUrl: 'https://sb.test', fetch: server.fetch, token: 'sbm_1' }) };
}

const answer = (snippet: unknown = { text: 'the red bicycle', highlights: [{ start: 4, length: 3 }] }) => ({
  contacts: [{ conversation: conversationJson(2), snippet: { text: 'Ada Red <ada@example.com>', highlights: [{ start: 4, length: 3 }] } }],
  messages: [{ conversation: conversationJson(1), message: messageJson('c-1', { text: 'I want the red bicycle', isNote: true }), snippet }],
  next: 'b2Z6',
});

describe('ApiClient.search', () => {
  test('sends the query and filters, and reads hits, snippets and the next cursor', async () => {
    const { server, api } = client();
    server.route('GET /api/v1/search', () => json(200, answer()));
    const found = await api.search('red "blue bike" -green', { state: ['queued', 'assigned'], assignee: 'me', inboxId: 3, from: '2026-01-01T00:00:00Z', limit: 10, cursor: 'abc' });
    assert.equal(server.requests[0]?.url,
      'https://sb.test/api/v1/search?q=red%20%22blue%20bike%22%20-green&state=queued%2Cassigned&assignee=me&inboxId=3&from=2026-01-01T00%3A00%3A00Z&limit=10&cursor=abc');
    assert.equal(found.next, 'b2Z6');
    assert.equal(found.contacts[0]?.conversation.id, 2);
    const hit = found.messages[0];
    assert.equal(hit?.message.isNote, true);
    assert.deepEqual(hit?.snippet.highlights, [{ start: 4, length: 3 }]);
    assert.ok(Object.isFrozen(found.messages));
  });

  test('a highlight outside the text, overlapping or empty is a broken answer', async () => {
    for (const highlights of [[{ start: 10, length: 9 }], [{ start: 0, length: 3 }, { start: 2, length: 2 }], [{ start: 1, length: 0 }], [{ start: -1, length: 2 }]]) {
      const { server, api } = client();
      server.route('GET /api/v1/search', () => json(200, answer({ text: 'the red bicycle', highlights })));
      await assert.rejects(api.search('red'), WireFormatError);
    }
    const { server, api } = client();
    server.route('GET /api/v1/search', () => json(200, { ...answer(), messages: [{ conversation: conversationJson(1), snippet: { text: 'x', highlights: [] } }] }));
    await assert.rejects(api.search('red'), WireFormatError);
  });

  test('an empty query is refused by the server with its code', async () => {
    const { server, api } = client();
    server.route('GET /api/v1/search', () => json(400, { status: 400, code: 'search_query_empty', title: 'q must name at least one word to find.' }));
    await assert.rejects(api.search(''), (e: unknown) => e instanceof HttpError && e.status === 400 && e.code === 'search_query_empty');
  });
});
