import { useId, useState } from 'react';
import { newId, type ContactDetails } from '@switchboard/client';
import { useLive } from '../live/LiveContext.js';
import { stateLabel } from '../conversations/conversationStore.js';
import { navigate } from '../router.js';
import { fullTime, shortTime } from '../ui/format.js';
import { useNow } from '../ui/useNow.js';
import { describe } from './contactErrors.js';
import { MergeDialog } from './MergeDialog.js';
import { usePastConversations, useContact, pastPageSize } from './useContact.js';

/**
 * The contact's side panel (issue 20): who they are (editable), whether verified, their custom attributes, the page their
 * widget is on (live), and their conversations, each one click from opening. Every section keeps its height while its
 * data loads, so nothing moves under the pointer when it arrives.
 */
export function ContactPanel({ contactId, conversationId }: { readonly contactId: number; readonly conversationId: number }) {
  const { contact, failed } = useContact(contactId);
  const headingId = useId();
  return (
    <section className="contact-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="contact-panel-title">Contact</h2>
      {contact === undefined
        ? <p className="contact-loading" role="status">{failed ? 'Could not load the contact.' : 'Loading contact…'}</p>
        : <ContactCard contact={contact} />}
      <CurrentPage contact={contact} />
      <Attributes contact={contact} />
      <PastConversations contactId={contactId} contactVersion={contact?.version} conversationId={conversationId} />
    </section>
  );
}

function ContactCard({ contact }: { readonly contact: ContactDetails }) {
  const { api, contacts } = useLive();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [merging, setMerging] = useState(false);
  const nameId = useId();
  const emailId = useId();

  const start = () => { setName(contact.name ?? ''); setEmail(contact.email ?? ''); setError(null); setEditing(true); };
  const save = async () => {
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      const written = await api.contacts.update(contact.id, { name, email }, newId());
      contacts.load(written.contact);
      setEditing(false);
    } catch (e) {
      setError(describe(e));
    } finally {
      setSaving(false);
    }
  };

  if (editing) {
    return (
      <form className="contact-card contact-edit" aria-label="Edit contact" onSubmit={(e) => { e.preventDefault(); void save(); }}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setEditing(false); } }}>
        <label htmlFor={nameId}>Name</label>
        <input id={nameId} value={name} maxLength={100} required autoFocus onChange={(e) => setName(e.target.value)} />
        <label htmlFor={emailId}>Email</label>
        <input id={emailId} type="email" value={email} maxLength={254} onChange={(e) => setEmail(e.target.value)} />
        <p className="contact-error" role="alert">{error}</p>
        <div className="contact-actions">
          <button type="submit" className="btn btn-primary" disabled={saving}>Save</button>
          <button type="button" className="btn" onClick={() => setEditing(false)}>Cancel</button>
        </div>
      </form>
    );
  }
  return (
    <div className="contact-card">
      <dl className="contact-facts">
        <div><dt>Name</dt><dd className="contact-name">{contact.name ?? '—'}</dd></div>
        <div><dt>Email</dt><dd>{contact.email ?? '—'}</dd></div>
        <div><dt>Identity</dt><dd>{contact.verified ? <span className="badge badge-verified">Verified</span> : 'Not verified'}</dd></div>
      </dl>
      <div className="contact-actions">
        <button type="button" className="btn" onClick={start}>Edit contact</button>
        <button type="button" className="btn" onClick={() => setMerging(true)}>Merge duplicate…</button>
      </div>
      {merging && <MergeDialog kept={contact} onClose={() => setMerging(false)} />}
    </div>
  );
}

function CurrentPage({ contact }: { readonly contact: ContactDetails | undefined }) {
  const now = useNow(30_000);
  const page = contact?.page ?? null;
  return (
    <section className="contact-section contact-page" aria-label="Current page">
      <h3>Current page</h3>
      {/* Live region: a screen reader hears where the visitor went; the block keeps three lines either way. */}
      <div aria-live="polite" className="contact-page-body">
        {page === null
          ? <p className="muted">{contact === undefined ? '' : 'No page reported yet.'}</p>
          : (
            <>
              <a className="contact-page-link" href={page.url} target="_blank" rel="noopener noreferrer" title={page.url}>{page.title ?? page.url}</a>
              <p className="contact-page-url">{page.url}</p>
              <p className="muted">
                {[page.locationHint ?? page.language, `seen ${shortTime(page.seenAt, now)}`].filter((x) => x !== null).join(' · ')}
              </p>
            </>
          )}
      </div>
    </section>
  );
}

function Attributes({ contact }: { readonly contact: ContactDetails | undefined }) {
  const entries = Object.entries(contact?.attributes ?? {});
  return (
    <section className="contact-section" aria-label="Attributes">
      <h3>Attributes</h3>
      {entries.length === 0
        ? <p className="muted">{contact === undefined ? '' : 'None set by the site.'}</p>
        : <dl className="contact-attributes">{entries.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{String(v)}</dd></div>)}</dl>}
    </section>
  );
}

function PastConversations({ contactId, contactVersion, conversationId }: { readonly contactId: number; readonly contactVersion: number | undefined; readonly conversationId: number }) {
  const past = usePastConversations(contactId, contactVersion);
  const now = useNow(60_000);
  return (
    <section className="contact-section" aria-label="Conversations of this contact">
      <h3>Conversations</h3>
      <ul className="contact-conversations" aria-busy={past.loading}>
        {past.items.length === 0 && past.loading && Array.from({ length: 3 }, (_, i) => <li key={i} className="contact-conv contact-conv-skeleton" aria-hidden="true" />)}
        {past.items.map((c) => (
          <li key={c.id}>
            <button type="button" className="contact-conv" aria-current={c.id === conversationId ? 'true' : undefined}
              onClick={() => navigate({ name: 'inbox', conversationId: c.id })}>
              <span className="contact-conv-top">
                <span><span className={`pill pill-${c.state}`}>{stateLabel(c.state)}</span> #{c.id}</span>
                <time dateTime={c.lastMessageAt ?? c.createdAt} title={fullTime(c.lastMessageAt ?? c.createdAt)}>{shortTime(c.lastMessageAt ?? c.createdAt, now)}</time>
              </span>
              <span className="contact-conv-preview">{c.lastMessagePreview ?? 'No messages yet'}</span>
            </button>
          </li>
        ))}
      </ul>
      {past.failed && <p className="contact-error" role="alert">Could not load the conversations.</p>}
      {past.hasMore && <button type="button" className="link-btn" onClick={past.showMore}>Show {pastPageSize} more</button>}
    </section>
  );
}
