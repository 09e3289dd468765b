import { useEffect, useId, useRef, useState } from 'react';
import { newId, type ContactDetails } from '@switchboard/client';
import { useLive } from '../live/LiveContext.js';
import { describe } from './contactErrors.js';

/**
 * Merge a duplicate into the contact shown: search contacts by name or email, pick one, confirm. A modal `<dialog>`
 * (focus stays inside, Escape closes); the kept contact's conversations list the duplicate's once the merge's events arrive.
 */
export function MergeDialog({ kept, onClose }: { readonly kept: ContactDetails; readonly onClose: () => void }) {
  const { api, contacts } = useLive();
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<readonly ContactDetails[] | null>(null);
  const [chosen, setChosen] = useState<ContactDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const searchId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d !== null && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (q === '') { setResults(null); return; }
    const abort = new AbortController();
    api.contacts.list({ q, limit: 20 }, { signal: abort.signal }).then(
      (page) => setResults(page.items.filter((c) => c.id !== kept.id)),
      () => { if (!abort.signal.aborted) setError('Could not search contacts.'); });
    return () => abort.abort();
  }, [api, query, kept.id]);

  const merge = async () => {
    if (chosen === null || busy) return;
    setBusy(true);
    setError(null);
    try {
      const written = await api.contacts.merge(kept.id, chosen.id, newId());
      contacts.load(written.contact);
      onClose();
    } catch (e) {
      setError(describe(e));
      setBusy(false);
    }
  };

  return (
    // Escape closes at once, even from the search box (whose own Escape would only clear it); keys typed here are the dialog's.
    <dialog ref={dialog} className="card merge-dialog" aria-labelledby={titleId} onClose={onClose}
      onKeyDown={(e) => { e.stopPropagation(); if (e.key === 'Escape') { e.preventDefault(); dialog.current?.close(); } }}>
      <h2 id={titleId}>Merge a duplicate into {kept.name ?? `contact ${kept.id}`}</h2>
      <p className="muted">The duplicate's conversations, identities and the attributes this contact lacks move here; the duplicate disappears.</p>
      <label htmlFor={searchId}>Search contacts by name or email</label>
      <input id={searchId} type="search" value={query} autoFocus autoComplete="off"
        onChange={(e) => { setQuery(e.target.value); setChosen(null); setError(null); }} />
      <ul className="merge-results" aria-label="Matching contacts">
        {results !== null && results.length === 0 && <li className="muted">No other contact matches.</li>}
        {results?.map((c) => (
          <li key={c.id}>
            <button type="button" className="merge-result" aria-pressed={chosen?.id === c.id} onClick={() => setChosen(c)}>
              <span className="merge-result-name">{c.name ?? '—'}</span>
              <span className="muted">{c.email ?? 'no email'} · #{c.id}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="contact-error" role="alert">{error}</p>
      <div className="contact-actions">
        <button type="button" className="btn btn-primary" disabled={chosen === null || busy} onClick={() => void merge()}>
          {chosen === null ? 'Merge' : `Merge ${chosen.name ?? `#${chosen.id}`} into this contact`}
        </button>
        <button type="button" className="btn" onClick={() => dialog.current?.close()}>Cancel</button>
      </div>
    </dialog>
  );
}
