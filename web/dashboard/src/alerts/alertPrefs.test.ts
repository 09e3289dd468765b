import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPrefs, parsePrefs, prefsKey } from './alertPrefs.js';

test('preferences are per member and anything unreadable is the defaults (off)', () => {
  assert.notEqual(prefsKey(1), prefsKey(2));
  assert.deepEqual(parsePrefs(null), defaultPrefs);
  assert.deepEqual(parsePrefs('not json'), defaultPrefs);
  assert.deepEqual(parsePrefs('{"desktop":"yes","sound":true}'), { desktop: false, sound: true });
  assert.deepEqual(parsePrefs('{"desktop":true,"sound":false}'), { desktop: true, sound: false });
});
