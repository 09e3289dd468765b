import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LiveStoreCore, parseSnapshot, parseStreamEvent, RetryPolicy } from '../src/index.js';
import { conversationJson, eventJson, snapshotJson } from './fakes/fixtures.js';

// Claims are pending mutations like any other (DESIGN §1): shown at once as the claimer's, dropped only when the
// confirmed state includes them (event or cursor), a refusal drops and reports, a transport failure retries.
// (Moved from the dashboard's claimStore tests.)

function storeWithQueued(): LiveStoreCore {
  const store = new LiveStoreCore({ retryPolicy: new RetryPolicy([1000], 0), random: () => 0 });
  store.loadSnapshot(parseSnapshot(snapshotJson(40, [conversationJson(3, { state: 'queued', botActive: false, assigneeId: null })])));
  return store;
}

const claimedAnswer = (seq: number) => ({ conversation: conversationJson(3, { state: 'assigned', assigneeId: 7, version: 9 }), seq });

describe('claims', () => {
  it('shows a claim at once as mine, until the cursor reaches the answer\'s seq', () => {
    const store = storeWithQueued();
    const key = store.claim(3, 7);
    assert.equal(store.isClaiming(3), true);
    assert.deepEqual([store.getConversation(3)?.state, store.getConversation(3)?.assigneeId], ['assigned', 7]);
    const [request] = store.takeDueRequests(0);
    assert.deepEqual([request?.method, request?.path, request?.body], ['POST', '/api/v1/conversations/3/claim', { mutationId: key }]);
    store.onResponse(key, 200, claimedAnswer(50), 0);
    assert.equal(store.getConversation(3)?.assigneeId, 7, 'not confirmed before the cursor reaches 50');
    store.advanceCursor(49);
    assert.equal(store.pendingCount, 1);
    store.advanceCursor(50);
    assert.equal(store.pendingCount, 0);
    assert.equal(store.getConversation(3)?.state, 'queued', 'the confirmed state, which had not seen the claim');
  });

  it('the claim\'s event settles it, whichever comes first', () => {
    const store = storeWithQueued();
    const key = store.claim(3, 7);
    store.takeDueRequests(0);
    store.applyEvent(parseStreamEvent(eventJson(41, 'conversation.updated', { conversation: conversationJson(3, { state: 'assigned', assigneeId: 7, version: 9 }) }, { mutationId: key, conversationId: 3 })));
    assert.equal(store.pendingCount, 0);
    assert.equal(store.getConversation(3)?.assigneeId, 7);
    assert.deepEqual(store.claimState(key), { state: 'confirmed', conversationId: 3 }, 'known without the answer');
    store.onTransportFailure(key, 0);
    assert.deepEqual(store.errors, [], 'a lost answer after the event changes nothing');
  });

  it('claim next confirmed by its event learns the conversation from the event', () => {
    const store = storeWithQueued();
    const key = store.claim(null, 7);
    store.takeDueRequests(0);
    store.applyEvent(parseStreamEvent(eventJson(41, 'conversation.updated', { conversation: conversationJson(3, { state: 'assigned', assigneeId: 7, version: 9 }) }, { mutationId: key, conversationId: 3 })));
    assert.deepEqual(store.claimState(key), { state: 'confirmed', conversationId: 3 });
  });

  it('a refusal drops the guess and reports it: the view falls back to the confirmed state', () => {
    const store = storeWithQueued();
    const key = store.claim(3, 7);
    store.takeDueRequests(0);
    store.onResponse(key, 409, { code: 'conversation_not_queued', detail: 'Taken.' }, 0);
    assert.equal(store.getConversation(3)?.state, 'queued');
    assert.deepEqual(store.errors.map((e) => [e.key, e.code, e.status]), [[key, 'conversation_not_queued', 409]]);
  });

  it('a transport failure or 5xx retries with the same id, one in flight per target', () => {
    const store = storeWithQueued();
    const key = store.claim(3, 7);
    store.takeDueRequests(0);
    store.onResponse(key, 503, undefined, 0);
    assert.deepEqual(store.takeDueRequests(500), [], 'waiting for the retry');
    store.updateConversation(3, { botActive: true }, 'p1');
    const retried = store.takeDueRequests(1000);
    assert.deepEqual(retried.map((r) => [r.key, r.attempt]), [[key, 2]], 'the patch waits behind the claim');
    store.onTransportFailure(key, 1000);
    assert.equal(store.errors[0]?.code, 'gave_up');
  });

  it('claim next learns its conversation from the answer', () => {
    const store = storeWithQueued();
    const key = store.claim(null, 7);
    assert.equal(store.isClaiming(null), true);
    assert.equal(store.getConversation(3)?.state, 'queued');
    const [request] = store.takeDueRequests(0);
    assert.equal(request?.path, '/api/v1/queue/claim');
    store.onResponse(key, 200, claimedAnswer(60), 0);
    assert.equal(store.isClaiming(null), false);
    assert.equal(store.isClaiming(3), true);
    assert.equal(store.getConversation(3)?.assigneeId, 7);
  });

  it('the same mutationId is one claim', () => {
    const store = storeWithQueued();
    store.claim(3, 7, 'm1');
    store.claim(3, 7, 'm1');
    assert.equal(store.pendingCount, 1);
  });
});
