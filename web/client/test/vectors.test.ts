import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { specFolder } from './specFolder.js';
import { runVector, VectorFailure } from './vectorRunner.js';

// Every vector in spec/sync, run against the TypeScript live store (the .NET SDK runs the same files).

const folder = specFolder();
const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
const read = (file: string): unknown => JSON.parse(readFileSync(join(folder, file), 'utf8'));

describe('spec/sync conformance vectors', () => {
  test('there are at least fifty vectors', () => {
    assert.ok(files.length >= 50, `${files.length} vectors in ${folder}`);
  });

  for (const file of files) test(file, () => runVector(read(file)));
});

// The runner must fail when a vector's expectation is wrong, or a passing run proves nothing.
describe('the vector runner rejects wrong expectations', () => {
  type Step = Record<string, unknown>;
  const corrupt = (file: string, change: (steps: Step[]) => void): unknown => {
    const vector = read(file) as { steps: Step[] };
    change(vector.steps);
    return vector;
  };
  const expects = (steps: Step[]): Step[] => steps.filter((s) => s['do'] === 'expect');
  const lastExpect = (steps: Step[]): Step => expects(steps).at(-1) ?? assert.fail('no expect step');

  const cases: Array<[string, string, (steps: Step[]) => void]> = [
    ['a conversation field', '01-toggle-success.json', (s) => { lastExpect(s)['conversations'] = { 1: { botActive: true } }; }],
    ['the pending count', '01-toggle-success.json', (s) => { lastExpect(s)['pending'] = 1; }],
    ['the cursor', '01-toggle-success.json', (s) => { lastExpect(s)['cursor'] = 12; }],
    ['a field expected null', '01-toggle-success.json', (s) => { lastExpect(s)['conversations'] = { 1: { handoffReason: 'x' } }; }],
    ['a missing conversation', '01-toggle-success.json', (s) => { lastExpect(s)['conversations'] = { 2: {} }; }],
    ['the errors', '34-patch-gives-up-after-retries.json', (s) => { lastExpect(s)['errors'] = ['http_400']; }],
    ['a message status', '50-replayed-answer-does-not-skip-ahead.json', (s) => { lastExpect(s)['messages'] = { 1: [{ clientMessageId: 'c1', status: 'read' }] }; }],
    ['the message count', '38-message-page-merge.json', (s) => { lastExpect(s)['messages'] = { 1: [{ clientMessageId: 'k1' }, { clientMessageId: 'k2' }] }; }],
    ['needsSnapshot', '23-reset-with-pending-work.json', (s) => { const e = expects(s).find((x) => 'needsSnapshot' in x) ?? assert.fail(); e['needsSnapshot'] = !e['needsSnapshot']; }],
    ['a request key', '01-toggle-success.json', (s) => { const t = s.find((x) => x['do'] === 'takeRequests') ?? assert.fail(); t['expect'] = [{ key: 'm2' }]; }],
    ['a request body', '01-toggle-success.json', (s) => { const t = s.find((x) => x['do'] === 'takeRequests') ?? assert.fail(); t['expect'] = [{ key: 'm1', body: { botActive: true } }]; }],
    ['the number of requests', '45-retry-schedule-is-data.json', (s) => { const t = s.find((x) => x['do'] === 'takeRequests' && Array.isArray(x['expect']) && x['expect'].length === 0) ?? assert.fail(); t['expect'] = [{ key: 'c1' }]; }],
    ['an attachment view', '84-message-shown-while-upload-pending.json', (s) => { lastExpect(s)['messages'] = { 1: [{ clientMessageId: 'c2' }, { clientMessageId: 'c1', attachments: [] }] }; }],
    ['a cancel outcome', '88-cancel-drops-uploading-message.json', (s) => { const c = s.find((x) => x['do'] === 'cancel') ?? assert.fail(); c['expect'] = false; }],
    ['an unknown step', '01-toggle-success.json', (s) => { s.push({ do: 'dance' }); }],
  ];
  for (const [what, file, change] of cases) {
    test(what, () => assert.throws(() => runVector(corrupt(file, change)), VectorFailure));
  }
});
