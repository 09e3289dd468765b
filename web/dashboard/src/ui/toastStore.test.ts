import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { describeStoreError, toasts } from './toastStore.js';

const refused = { key: 'm1', code: 'forbidden', status: 403, detail: null, conversationId: 3, text: null };

describe('toastStore', () => {
  beforeEach(() => toasts.reset());

  it('shows each refused write of the live store once, however often the errors are read', () => {
    toasts.showStoreErrors([refused], describeStoreError);
    toasts.showStoreErrors([refused], describeStoreError);
    toasts.showStoreErrors([refused, { ...refused, key: 'm2', code: 'unknown_code', detail: 'Because.' }], describeStoreError);
    assert.deepEqual(toasts.get().map((t) => [t.kind, t.text]), [['error', 'You are not allowed to do that.'], ['error', 'Because.']]);
  });

  it('dismisses, keeps at most five, and resets', () => {
    for (let i = 0; i < 7; i++) toasts.push('info', `t${i}`);
    assert.deepEqual(toasts.get().map((t) => t.text), ['t2', 't3', 't4', 't5', 't6']);
    toasts.dismiss(toasts.get()[0]!.id);
    assert.equal(toasts.get().length, 4);
    toasts.reset();
    assert.deepEqual(toasts.get(), []);
  });

  it('says what a refused message or a given-up change means', () => {
    assert.match(describeStoreError({ ...refused, code: 'gave_up', text: 'hello' }), /message could not be sent/);
    assert.match(describeStoreError({ ...refused, code: 'gave_up' }), /could not reach the server/);
    assert.equal(describeStoreError({ ...refused, code: 'x', detail: null }), 'The server refused the change (x).');
  });
});
