import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conversation } from '../testing/fixtures.js';
import { matchesLabel } from './labelFilterState.js';
import { labelsOf } from './useLabels.js';

const label = (id: number, name: string) => ({ id, name, colour: '#1f77b4', description: null, version: 1, createdAt: '', updatedAt: '' });

test('the label filter keeps conversations carrying the label, or all without one', () => {
  const tagged = conversation(1, { labelIds: [3, 7] });
  const plain = conversation(2);
  assert.equal(matchesLabel(tagged, 7), true);
  assert.equal(matchesLabel(plain, 7), false);
  assert.equal(matchesLabel(plain, null), true);
});

test('chips follow the workspace order and skip a label deleted meanwhile', () => {
  const all = [label(7, 'Billing'), label(3, 'VIP')];
  assert.deepEqual(labelsOf(all, [3, 7, 9]).map((l) => l.name), ['Billing', 'VIP']);
});
