import assert from 'node:assert/strict';
import { test } from 'node:test';
import { average, satisfied, stars } from './csatText.js';

test('stars, average and the satisfied share read as a supervisor expects', () => {
  assert.equal(stars(4), '★★★★☆');
  const s = { count: 5, average: 3.4, distribution: [1, 0, 1, 2, 1] };
  assert.equal(average(s), '3.40');
  assert.equal(satisfied(s), '60%');
  const none = { count: 0, average: null, distribution: [0, 0, 0, 0, 0] };
  assert.deepEqual([average(none), satisfied(none)], ['–', '–']);
});
