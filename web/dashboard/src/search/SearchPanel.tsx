import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { HttpError, type SearchResults } from '@switchboard/client';
import { fill, t } from '../i18n/index.js';
import { useLive } from '../live/LiveContext.js';
import { inboxState } from '../conversations/conversationStore.js';
import { navigate } from '../router.js';
import { SearchIcon } from '../ui/icons.js';
import { SearchHits } from './SearchHits.js';
import { appendPage, emptyForm, filterOf, formProblem, searchStates, type SearchForm } from './searchStore.js';

type Load =
  | { readonly kind: 'loading'; readonly results: SearchResults | null }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'ready'; readonly results: SearchResults };

/**
 * The inbox's one search box, above its list (a `search` landmark). Typing narrows the list to the contacts whose name
 * matches, at once; Enter searches the full text of messages (notes included) and contacts on the server. While a
 * search is open its hits replace the list and its filters show; a filter change searches again; Escape or "Close
 * search" brings the list back. Opening a hit opens its conversation beside the hits.
 */
export function SearchPanel({ selectedId, children }: { readonly selectedId: number | null; readonly children: ReactNode }) {
  const { api } = useLive();
  const [form, setForm] = useState<SearchForm>(emptyForm);
  const [sent, setSent] = useState<SearchForm | null>(null);
  const [load, setLoad] = useState<Load | null>(null);
  const box = useRef<HTMLInputElement>(null);
  const generation = useRef(0);

  // Each search supersedes the one before it: a slow answer never overwrites a newer one.
  useEffect(() => {
    if (sent === null) return;
    const mine = ++generation.current;
    setLoad((l) => ({ kind: 'loading', results: l?.kind === 'ready' ? l.results : null }));
    api.search(sent.q, filterOf(sent)).then(
      (results) => { if (generation.current === mine) setLoad({ kind: 'ready', results }); },
      (error: unknown) => { if (generation.current === mine) setLoad({ kind: 'error', message: problemText(error) }); });
  }, [api, sent]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const problem = formProblem(form);
    if (problem !== null) {
      setLoad({ kind: 'error', message: problem });
      setSent((s) => s ?? form);
      return;
    }
    setSent(form);
  }

  function change(next: Partial<SearchForm>) {
    const updated = { ...form, ...next };
    setForm(updated);
    // A filter applies at once to the search on screen; the words wait for Enter.
    if (sent !== null && next.q === undefined && formProblem(updated) === null) setSent(updated);
  }

  function close() {
    generation.current++;
    setForm(emptyForm);
    setSent(null);
    setLoad(null);
    inboxState.setQuery('');
    box.current?.focus();
  }

  function more(cursor: string) {
    if (sent === null || load?.kind !== 'ready') return;
    const mine = ++generation.current;
    const current = load.results;
    setLoad({ kind: 'loading', results: current });
    api.search(sent.q, filterOf(sent, cursor)).then(
      (page) => { if (generation.current === mine) setLoad({ kind: 'ready', results: appendPage(current, page) }); },
      (error: unknown) => { if (generation.current === mine) setLoad({ kind: 'error', message: problemText(error) }); });
  }

  function keyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Escape' && (sent !== null || form.q !== '')) {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' && sent === null) {
      // Down from the box walks into the list it narrows, as the list's own arrows do.
      const first = e.currentTarget.closest('.search-column')?.querySelector<HTMLElement>('.conversation-list > li');
      if (first) { e.preventDefault(); first.focus(); }
    }
  }

  const results = load?.kind === 'ready' ? load.results : load?.kind === 'loading' ? load.results : null;
  return (
    <div className="list-column search-column">
      <form role="search" aria-label={t.search.landmark} className="search-form" onSubmit={submit}>
        <div className="search">
          <SearchIcon size={15} />
          <input ref={box} type="search" aria-label={t.search.box} placeholder={t.search.placeholder} value={form.q} maxLength={200}
            onChange={(e) => { change({ q: e.target.value }); inboxState.setQuery(e.target.value); }} onKeyDown={keyDown} />
        </div>
        {sent !== null && (
          <div className="search-filters">
            <select aria-label={t.search.state} value={form.state} onChange={(e) => change({ state: e.target.value })}>
              <option value="">{t.search.anyState}</option>
              {searchStates.map((s) => <option key={s} value={s}>{t.search.states[s]}</option>)}
            </select>
            <select aria-label={t.search.assignee} value={form.assignee} onChange={(e) => change({ assignee: e.target.value })}>
              <option value="">{t.search.anyone}</option>
              <option value="me">{t.search.me}</option>
              <option value="none">{t.search.unassigned}</option>
            </select>
            <input type="date" aria-label={t.search.fromDay} value={form.from} onChange={(e) => change({ from: e.target.value })} />
            <input type="date" aria-label={t.search.toDay} value={form.to} onChange={(e) => change({ to: e.target.value })} />
            <button type="submit" className="btn btn-small">{t.search.submit}</button>
            <button type="button" className="btn btn-small btn-ghost" onClick={close}>{t.search.close}</button>
          </div>
        )}
      </form>
      {sent === null
        ? children
        : (
          <section className="list-scroll search-results" aria-label={t.search.results} aria-busy={load?.kind === 'loading'}>
            <p role="status" className="search-status">{statusText(load)}</p>
            {load?.kind === 'error' && <p role="alert" className="search-error">{load.message}</p>}
            {results !== null && <SearchHits results={results} selectedId={selectedId} loading={load?.kind === 'loading'}
              onOpen={(id, messageId) => navigate({ name: 'inbox', conversationId: id, messageId: messageId ?? null })} onMore={more} />}
          </section>
        )}
    </div>
  );
}

function statusText(load: Load | null): string {
  if (load === null || load.kind === 'error') return '';
  if (load.kind === 'loading') return t.search.searching;
  const n = load.results.messages.length;
  if (n === 0 && load.results.contacts.length === 0) return t.search.nothing;
  if (load.results.next !== null) return fill(t.search.foundMore, { n });
  return n === 1 ? t.search.foundOne : fill(t.search.found, { n });
}

function problemText(error: unknown): string {
  if (error instanceof HttpError) return error.code === 'search_query_empty' ? t.search.noWords : (error.detail ?? error.code);
  return t.search.unreachable;
}
