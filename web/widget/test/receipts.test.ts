import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiClient, MessageView } from '@switchboard/client';
import { Receipts, type ReceiptRetry } from '../src/receipts.js';

// As the widget passes the SDK's rule and schedule: here a refusal is an error named so, and the delays are data.
const schedule = (delays: number[]): ReceiptRetry => ({
  isRetryable: (error) => !(error instanceof Error && error.message === 'refused'),
  policy: { delayAfterFailures: (failures) => delays[Math.min(failures, delays.length) - 1] ?? 0 },
});

const m = (id: number, senderRole: string, status: string): MessageView => ({
  clientMessageId: `c-${id}`, id, ordinal: id, text: 't', senderRole, senderName: null, status, pending: false, isNote: false, error: null,
  server: null, canRetry: false, attachments: [],
});

function fakeApi(fail: false | Error = false): { api: ApiClient; calls: [number, string, number][]; answer: () => void } {
  const calls: [number, string, number][] = [];
  let release = (): void => {};
  const api = {
    postReceipt: (conversationId: number, status: string, upTo: number) => {
      calls.push([conversationId, status, upTo]);
      return new Promise((resolve, reject) => { release = () => (fail !== false ? reject(fail) : resolve({})); });
    },
  } as unknown as ApiClient;
  return { api, calls, answer: () => release() };
}

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

test('delivered when a team message arrives, read once the panel is open; one at a time, never for own messages', async () => {
  const { api, calls, answer } = fakeApi();
  const wakes: number[] = [];
  const r = new Receipts(api, (ms) => wakes.push(ms), schedule([0]));
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

test('a failed receipt is tried again on the SDK\'s retry schedule, the last delay repeating', async () => {
  const { api, calls, answer } = fakeApi(new Error('offline'));
  const wakes: number[] = [];
  const r = new Receipts(api, (ms) => wakes.push(ms), schedule([0]));
  for (let i = 0; i < 4; i++) {
    r.update(1, [m(5, 'operator', 'delivered')], true);
    answer();
    await turn();
  }
  assert.deepEqual(wakes, [0, 0, 0, 0]);
  assert.equal(calls.length, 4);
  assert.ok(calls.every((c) => c[1] === 'read' && c[2] === 5));
});

test('the wait after a failure follows the schedule; a refusal is not asked again', async () => {
  const offline = fakeApi(new Error('offline'));
  const wakes: number[] = [];
  const waiting = new Receipts(offline.api, (ms) => wakes.push(ms), schedule([2000, 10000]));
  for (let i = 0; i < 3; i++) {
    waiting.update(1, [m(5, 'operator', 'delivered')], true);
    offline.answer();
    await turn();
  }
  assert.deepEqual(wakes, [2000], 'nothing is sent again before the wait is over');
  assert.equal(offline.calls.length, 1);

  const refused = fakeApi(new Error('refused'));
  const r = new Receipts(refused.api, () => {}, schedule([0]));
  r.update(1, [m(5, 'operator', 'delivered')], true);
  refused.answer();
  await turn();
  r.update(1, [m(5, 'operator', 'delivered')], true);
  assert.equal(refused.calls.length, 1);
});
