import { useState, useSyncExternalStore } from 'react';
import { unknownPlaceholders, type CannedReply, type CannedReplyScope } from '@switchboard/client';
import { useLive } from '../live/LiveContext.js';
import { confirmDelete } from '../admin/confirmDelete.js';
import { useSubmit } from '../admin/useSubmit.js';

const placeholderHelp = 'Placeholders: {{contact.name}}, {{contact.first_name}}, {{contact.email}}, {{operator.name}}, {{operator.first_name}}. '
  + 'A missing name becomes “there”, a missing operator name “our team”, a missing email nothing.';

/**
 * The canned replies of one scope, with their editor: the workspace's (admins write them) or the member's own. The
 * list is the live store's, so a change made anywhere shows here at once, and needs no reload after a save.
 */
export function CannedRepliesManager({ scope }: { readonly scope: CannedReplyScope }) {
  const { store, api, isAdmin, me } = useLive();
  const all = useSyncExternalStore(store.subscribe, () => store.cannedReplies);
  const replies = all.filter((r) => r.scope === scope && (scope === 'workspace' || r.ownerId === me.id));
  const canWrite = scope === 'personal' || isAdmin;
  const [editing, setEditing] = useState<CannedReply | 'new' | null>(null);
  const what = scope === 'workspace' ? 'team' : 'personal';

  const remove = (r: CannedReply) => confirmDelete(`Delete the canned reply /${r.shortCode}?`, async () => { await api.cannedReplies.delete(r.id); }, () => {});

  return (
    <div className="canned-manager">
      <ul className="faq-list" aria-label={scope === 'workspace' ? 'Team canned replies' : 'My canned replies'}>
        {replies.length === 0 && <li className="muted">No {what} canned replies yet.</li>}
        {replies.map((r) => editing !== 'new' && editing?.id === r.id
          ? <li key={r.id}><CannedReplyForm reply={r} scope={scope} onDone={() => setEditing(null)} /></li>
          : (
            <li key={r.id} className="canned-item">
              <div>
                <p><strong className="canned-code">/{r.shortCode}</strong> <span className="muted">{r.title}</span></p>
                <p className="faq-a">{r.text}</p>
              </div>
              {canWrite && (
                <div className="actions">
                  <button type="button" className="btn btn-small" aria-label={`Edit /${r.shortCode}`} onClick={() => setEditing(r)}>Edit</button>
                  <button type="button" className="btn btn-small btn-danger-ghost" aria-label={`Delete /${r.shortCode}`} onClick={() => void remove(r)}>Delete</button>
                </div>
              )}
            </li>
          ))}
      </ul>
      {canWrite && (editing === 'new'
        ? <CannedReplyForm reply={null} scope={scope} onDone={() => setEditing(null)} />
        : <button type="button" className="btn" onClick={() => setEditing('new')}>Add canned reply</button>)}
    </div>
  );
}

function CannedReplyForm({ reply, scope, onDone }: { readonly reply: CannedReply | null; readonly scope: CannedReplyScope; readonly onDone: () => void }) {
  const { api } = useLive();
  const [shortCode, setShortCode] = useState(reply?.shortCode ?? '');
  const [title, setTitle] = useState(reply?.title ?? '');
  const [text, setText] = useState(reply?.text ?? '');
  // The server refuses unknown placeholders too; saying so while typing saves a round trip.
  const unknown = unknownPlaceholders(text);

  const { busy, error, submit } = useSubmit(async () => {
    const fields = { shortCode: shortCode.trim(), title: title.trim(), text: text.trim() };
    if (reply === null) await api.cannedReplies.create({ ...fields, scope });
    else await api.cannedReplies.update(reply.id, fields);
    onDone();
  });

  return (
    <form className="inline-form faq-form" onSubmit={submit} aria-label={reply === null ? 'New canned reply' : `Edit canned reply /${reply.shortCode}`}>
      <label className="field"><span>Short code</span>
        <input value={shortCode} onChange={(e) => setShortCode(e.target.value)} required maxLength={32} pattern="[A-Za-z0-9][A-Za-z0-9_\-]*"
          title="Letters, digits, - and _, starting with a letter or digit" autoComplete="off" />
      </label>
      <label className="field"><span>Title</span><input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={100} /></label>
      <label className="field"><span>Reply text</span>
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} required maxLength={4096} aria-describedby={`placeholders-${reply?.id ?? 'new'}`} />
      </label>
      <p id={`placeholders-${reply?.id ?? 'new'}`} className="muted">{placeholderHelp}</p>
      {unknown.length > 0 && <p className="form-error" role="alert">Unknown placeholder {`{{${unknown[0]}}}`}: check its spelling.</p>}
      {error !== null && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || shortCode.trim() === '' || title.trim() === '' || text.trim() === '' || unknown.length > 0}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
