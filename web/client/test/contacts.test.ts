import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiClient, BaseApiClient, ContactSet, LiveStoreCore, parseContactDetails, parseStreamEvent, WireFormatError } from '../src/index.js';
import { FakeFetch, json } from './fakes/fakeFetch.js';
import { FakeTimers } from './fakes/fakeTimers.js';

// The contact panel's side of the SDK (docs/api.md, "Contacts"): parsing, the REST calls, the live contact set.

const contact = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 7, name: 'Ada', email: 'ada@example.com', createdAt: '2026-01-01T00:00:00Z', attributes: { plan: 'pro', seats: 3 }, version: 2, verified: true,
  page: { url: 'https://shop.example/pricing', title: 'Pricing', language: 'de-CH', timeZone: 'Europe/Zurich', locationHint: 'Europe/Zurich · CH', seenAt: '2026-01-01T00:00:01Z' },
  mergedIntoId: null, ...extra,
});

describe('contacts', () => {
  test('a contact reads whole; attributes that are not flat are refused', () => {
    const c = parseContactDetails(contact());
    assert.equal(c.page?.locationHint, 'Europe/Zurich · CH');
    assert.deepEqual(c.attributes, { plan: 'pro', seats: 3 });
    assert.equal(parseContactDetails({ id: 1 }).page, null);
    assert.throws(() => parseContactDetails(contact({ attributes: { nested: { a: 1 } } })), WireFormatError);
    assert.throws(() => parseContactDetails(contact({ page: { url: 5 } })), WireFormatError);
  });

  test('the set keeps the newest version whatever the order, and follows a merge', () => {
    const set = new ContactSet();
    let heard = 0;
    set.subscribe(() => { heard++; });
    assert.equal(set.apply('contact.updated', contact({ version: 3, name: 'Ada L.' })), true);
    set.load(parseContactDetails(contact({ version: 2, name: 'Old' }))); // a read older than the event
    assert.equal(set.get(7)?.name, 'Ada L.');
    assert.equal(heard, 1);
    set.load(parseContactDetails(contact({ id: 9, version: 1 })));
    assert.equal(set.apply('contact.merged', { keptId: 7, mergedId: 9, conversationIds: [4] }), true);
    assert.equal(set.get(9)?.mergedIntoId, 7);
    assert.equal(set.apply('label.updated', {}), false);
    assert.throws(() => set.apply('contact.updated', { id: 'x' }), WireFormatError);
  });

  test('the live store hands contact events to the set and skips bad ones without stopping', () => {
    const set = new ContactSet();
    const store = new LiveStoreCore({ applyOther: (type, data) => set.apply(type, data) });
    store.applyEvent(parseStreamEvent({ seq: 5, type: 'contact.updated', data: contact({ version: 4, name: 'Live' }) }));
    store.applyEvent(parseStreamEvent({ seq: 6, type: 'contact.updated', data: { id: 'broken' } }));
    assert.equal(set.get(7)?.name, 'Live');
    assert.equal(store.cursor, 6);
  });

  test('the client sends edits, merges, the contact filter and the widget page report', async () => {
    const server = new FakeFetch();
    const api = new ApiClient({ baseUrl: 'https://sb.test', fetch: server.fetch, timers: new FakeTimers() });
    server.route('GET /api/v1/contacts/7', () => json(200, contact()));
    server.route('GET /api/v1/contacts', () => json(200, { items: [contact()], next: null }));
    server.route('PATCH /api/v1/contacts/7', () => json(200, { contact: contact({ name: 'Ada L.', version: 3 }), seq: 20, replayed: false }));
    server.route('POST /api/v1/contacts/7/merge', () => json(200, { contact: contact({ version: 4 }), seq: 25, replayed: true }));
    server.route('GET /api/v1/conversations', () => json(200, { items: [], next: null }));

    assert.equal((await api.contacts.get(7)).verified, true);
    assert.equal((await api.contacts.list({ q: 'ada' })).items[0]?.id, 7);
    assert.equal(server.requests[1]?.url, 'https://sb.test/api/v1/contacts?q=ada');
    const edited = await api.contacts.update(7, { name: 'Ada L.' }, 'm-1');
    assert.equal(edited.contact.name, 'Ada L.');
    assert.deepEqual(server.requests[2]?.body, { name: 'Ada L.', mutationId: 'm-1' });
    assert.equal((await api.contacts.merge(7, 9, 'm-2')).replayed, true);
    assert.deepEqual(server.requests[3]?.body, { duplicateId: 9, mutationId: 'm-2' });
    await api.listConversations({ contactId: 7, snoozed: 'any', limit: 20 });
    assert.equal(server.requests[4]?.url, 'https://sb.test/api/v1/conversations?limit=20&snoozed=any&contactId=7');

    const widget = new BaseApiClient({ baseUrl: 'https://sb.test', fetch: server.fetch, timers: new FakeTimers() });
    server.route('PUT /api/v1/widget/page', () => json(200, { seq: 30 }));
    await widget.reportWidgetPage({ url: 'https://shop.example/', title: 'Shop', language: 'en', timeZone: 'UTC' });
    assert.deepEqual(server.requests[5]?.body, { url: 'https://shop.example/', title: 'Shop', language: 'en', timeZone: 'UTC' });
  });
});
