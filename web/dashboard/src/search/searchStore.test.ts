import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SearchResults } from '@switchboard/client';
import { appendPage, emptyForm, filterOf, formProblem, snippetParts } from './searchStore.js';

describe('searchStore', () => {
  it('cuts a snippet into plain and marked pieces that join back to its text', () => {
    const snippet = { text: '…the red bicycle and the red car', highlights: [{ start: 5, length: 3 }, { start: 25, length: 3 }] };
    const parts = snippetParts(snippet);
    assert.deepEqual(parts, [
      { text: '…the ', marked: false }, { text: 'red', marked: true }, { text: ' bicycle and the ', marked: false }, { text: 'red', marked: true }, { text: ' car', marked: false },
    ]);
    assert.equal(parts.map((p) => p.text).join(''), snippet.text);
    assert.deepEqual(snippetParts({ text: '<b>x</b>', highlights: [] }), [{ text: '<b>x</b>', marked: false }]);
  });

  it('sends only the filters that are set, with local days as instants and the last day whole', () => {
    assert.deepEqual(filterOf(emptyForm), {});
    const f = filterOf({ q: 'x', state: 'queued', assignee: 'me', from: '2026-03-01', to: '2026-03-02' }, 'c1');
    assert.equal(f.state, 'queued');
    assert.equal(f.assignee, 'me');
    assert.equal(f.cursor, 'c1');
    assert.equal(new Date(f.from ?? '').getTime(), new Date(2026, 2, 1).getTime());
    assert.equal(new Date(f.to ?? '').getTime(), new Date(2026, 2, 3).getTime());
  });

  it('says what is wrong with the form before asking the server', () => {
    assert.equal(formProblem(emptyForm), 'Type a word to find.');
    assert.equal(formProblem({ ...emptyForm, q: 'x', from: '2026-03-02', to: '2026-03-01' }), 'The first day is after the last.');
    assert.equal(formProblem({ ...emptyForm, q: 'x' }), null);
  });

  it('appends a page without repeating a hit', () => {
    const hit = (id: number) => ({ message: { id } }) as unknown as SearchResults['messages'][number];
    const merged = appendPage({ contacts: [], messages: [hit(1), hit(2)], next: 'a' }, { contacts: [], messages: [hit(2), hit(3)], next: null });
    assert.deepEqual(merged.messages.map((h) => h.message.id), [1, 2, 3]);
    assert.equal(merged.next, null);
  });
});
