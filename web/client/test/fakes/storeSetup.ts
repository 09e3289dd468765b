import { ApiClient, LiveStore, type LiveStoreShellOptions } from '../../src/index.js';
import { FakeFetch, json } from './fakeFetch.js';
import { FakeTimers } from './fakeTimers.js';
import { FakeTransport } from './fakeTransport.js';
import { snapshotJson } from './fixtures.js';

/** A LiveStore over a fake fetch (a snapshot at cursor 10, an empty conversation 1), a fake transport and a manual clock. */
export function setupStore(options: Partial<LiveStoreShellOptions> = {}) {
  const timers = new FakeTimers();
  const server = new FakeFetch()
    .route('GET /api/v1/sync/snapshot', () => json(200, snapshotJson(10)))
    .route('GET /api/v1/conversations/1/messages', () => json(200, { items: [], hasMore: false, cursor: 10 }));
  const api = new ApiClient({ baseUrl: 'http://sb.test', fetch: server.fetch, token: 'sbm_test', timers });
  const transport = new FakeTransport();
  const store = new LiveStore({ api, transport, timers, random: () => 0, ...options });
  return { timers, server, api, transport, store };
}
