import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiClient, MessageView } from '@switchboard/client';
import { Receipts } from '../src/receipts.js';

const m = (id: number, senderRole: string, status: string): MessageView => ({
  clientMessageId: `c-${id}`, id, ordinal: id, text: 't', senderRole, senderName: null, status, pending: false, isNote: false, error: null,
  server: null, canRetry: false,
});

function fakeApi(fail = false): { api: ApiClient; calls: [number, string, number][]; answer: () => void } {
  const calls: [number, string, number][] = [];
  let release = (): void => {};
  const api = {
    postReceipt: (conversationId: number, status: string, upTo: number) => {
      calls.push([conversationId, status, upTo]);
      return new Promise((resolve, reject) => { release = () => (fail ? reject(new Error('offline')) : resolve({})); });
    },
  } as unknown as ApiClient;
  return { api, calls, answer: () => release() };
}

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

test('delivered when a team message arrives, read once the panel is open; one at a time, never for own messages', async () => {
  const { api, calls, answer } = fakeApi();
  const wakes: number[] = [];
  const r = new Receipts(api, (ms) => wakes.push(ms));
  r.update(1, [m(1, 'customer', 'sent')], true);
  assert.deepEqual(calls, []);
  const messages = [m(1, 'customer', 'read'), m(2, 'operator', 'sent'), m(3, 'bot', 'sent')];
  r.update(1, messages, false);
  r.update(1, messages, false); // in flight: nothing more
  assert.deepEqual(calls, [[1, 'delivered', 3]]);
  answer();
  await turn();
  r.update(1, messages, false); // the stream has not said "delivered" yet: not again
  r.update(1, messages, true);
  assert.deepEqual(calls, [[1, 'delivered', 3], [1, 'read', 3]]);
  answer();
  await turn();
  r.update(1, messages, true);
  assert.equal(calls.length, 2);
  assert.deepEqual(wakes, [0, 0]);
});

test('a failed receipt is tried again after a pause', async () => {
  const { api, calls, answer } = fakeApi(true);
  const wakes: number[] = [];
  const r = new Receipts(api, (ms) => wakes.push(ms), 0);
  r.update(1, [m(5, 'operator', 'delivered')], true);
  answer();
  await turn();
  assert.deepEqual(wakes, [0]);
  r.update(1, [m(5, 'operator', 'delivered')], true);
  assert.deepEqual(calls, [[1, 'read', 5], [1, 'read', 5]]);
});
