import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCannedReply } from '../../../client/src/cannedReplies/cannedReply.js';
import { fillPlaceholders } from '../../../client/src/cannedReplies/placeholders.js';
import { cannedMatches, insertCanned, slashQuery } from './slashQuery.js';

const reply = (id: number, shortCode: string, title: string) => parseCannedReply({
  id, scope: 'workspace', ownerId: null, shortCode, title, text: `Text ${shortCode}`, version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
});

describe('the slash query', () => {
  test('opens at the start of the text or after whitespace, never inside a word or a URL', () => {
    assert.deepEqual(slashQuery('/ref', 4), { start: 0, query: 'ref' });
    assert.deepEqual(slashQuery('Hello /', 7), { start: 6, query: '' });
    assert.deepEqual(slashQuery('Hi\n/thx', 7), { start: 3, query: 'thx' });
    assert.equal(slashQuery('and/or', 6), null);
    assert.equal(slashQuery('see https://x.io/a', 18), null);
    assert.equal(slashQuery('/ref done', 9), null); // a space ends the query
  });

  test('lists matches by code, then by title, at most eight', () => {
    const replies = [reply(1, 'refund', 'Refund sent'), reply(2, 'hello', 'Greeting'), reply(3, 'thanks', 'Refund thanks')];
    assert.deepEqual(cannedMatches(replies, 'ref').map((r) => r.id), [1, 3]);
    assert.deepEqual(cannedMatches(replies, 'GREET').map((r) => r.id), [2]);
    assert.equal(cannedMatches(Array.from({ length: 20 }, (_, i) => reply(i + 1, `c${i}`, 'x')), '').length, 8);
  });

  test('inserting replaces the query with the filled text and puts the caret after it', () => {
    const at = slashQuery('Sure! /ref', 10)!;
    const filled = fillPlaceholders('Hi {{contact.first_name}}, your refund is on its way.', { contactName: 'Vera Visitor' });
    assert.deepEqual(insertCanned('Sure! /ref', at, filled), { text: 'Sure! Hi Vera, your refund is on its way.', caret: 41 });
    const mid = slashQuery('/t and more', 2)!;
    assert.deepEqual(insertCanned('/t and more', mid, 'Thanks'), { text: 'Thanks and more', caret: 6 });
  });
});
