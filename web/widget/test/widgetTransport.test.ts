import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventStreamTransport, StreamItem } from '@switchboard/client';
import { WidgetTransport } from '../src/widgetTransport.js';

/** A transport that plays a script per connection: items, then an error (or the end). */
function scripted(name: string, script: { items?: StreamItem[]; fail?: boolean; hold?: boolean }[]): EventStreamTransport & { connects: number[] } {
  const connects: number[] = [];
  return {
    name, connects,
    async *connect(cursor: number, signal: AbortSignal): AsyncGenerator<StreamItem> {
      connects.push(cursor);
      const step = script.shift() ?? { fail: true };
      for (const item of step.items ?? []) yield item;
      if (step.hold) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      if (step.fail) throw new Error(`${name} failed`);
    },
  };
}

async function drain(transport: EventStreamTransport, cursor: number, signal = new AbortController().signal): Promise<StreamItem[] | Error> {
  const items: StreamItem[] = [];
  try {
    for await (const item of transport.connect(cursor, signal)) items.push(item);
    return items;
  } catch (error) {
    return error as Error;
  }
}

test('two failures to connect over SSE start a spell of long-polling; after it, SSE again', async () => {
  let now = 0;
  const sse = scripted('sse', [{ fail: true }, { fail: true }, { items: [{ kind: 'open' }] }]);
  const poll = scripted('poll', [{ items: [{ kind: 'open' }, { kind: 'cursor', cursor: 5 }] }]);
  const t = new WidgetTransport(sse, poll, { now: () => now, pollSpellMs: 60_000 });
  assert.ok(await drain(t, 1) instanceof Error);
  assert.equal(t.name, 'sse');
  assert.ok(await drain(t, 1) instanceof Error);
  assert.equal(t.name, 'poll');
  assert.deepEqual(await drain(t, 1), [{ kind: 'open' }, { kind: 'cursor', cursor: 5 }]);
  now = 60_000;
  assert.equal(t.name, 'sse');
  assert.deepEqual(await drain(t, 5), [{ kind: 'open' }]);
  assert.deepEqual(sse.connects, [1, 1, 5]);
});

test('an SSE connection that opened and later broke is not a failure to connect', async () => {
  const sse = scripted('sse', [{ items: [{ kind: 'open' }], fail: true }, { fail: true }, { items: [{ kind: 'open' }], fail: true }, { fail: true }]);
  const t = new WidgetTransport(sse, scripted('poll', []), { now: () => 0 });
  for (let i = 0; i < 4; i++) await drain(t, 0);
  assert.equal(t.name, 'sse');
});

test('a spell of polling ends when its time is up, without an error, so the store reconnects over SSE', async () => {
  const poll = scripted('poll', [{ items: [{ kind: 'open' }], hold: true }]);
  const t = new WidgetTransport(scripted('sse', []), poll, { now: () => Date.now(), pollSpellMs: 30, maxSseFailures: 1 });
  assert.ok(await drain(t, 0) instanceof Error);
  assert.deepEqual(await drain(t, 0), [{ kind: 'open' }]);
});
