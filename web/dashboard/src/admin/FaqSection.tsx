import { useCallback, useState } from 'react';
import { useLive } from '../live/LiveContext.js';
import type { FaqEntry } from '@switchboard/client';
import { failure, isMissingFeature } from './adminText.js';
import { confirmDelete } from './confirmDelete.js';
import { FaqTryout } from './FaqTryout.js';
import { FeatureMissing } from './FeatureMissing.js';
import { useResource } from './useResource.js';
import { useSubmit } from './useSubmit.js';

/** The knowledge-base bot's FAQ entries (GET/POST/PATCH/DELETE /api/v1/faq). */
export function FaqSection() {
  const { isAdmin, api } = useLive();
  const load = useCallback(() => api.admin.listFaq(), [api]);
  const [faq, reload] = useResource(load);
  const [editing, setEditing] = useState<FaqEntry | 'new' | null>(null);

  const remove = (entry: FaqEntry) => confirmDelete('Delete this FAQ entry? The bot stops using it at once.', () => api.admin.deleteFaq(entry.id), reload);

  return (
    <section id="faq" className="card admin-section" aria-labelledby="faq-title">
      <div className="section-head">
        <h2 id="faq-title">FAQ</h2>
        <p className="muted">The knowledge-base bot answers from these entries and hands off when it is not confident.</p>
      </div>
      {faq.kind === 'loading' && <p className="muted">Loading…</p>}
      {faq.kind === 'error' && (isMissingFeature(faq.error) ? <FeatureMissing what="FAQ entries" /> : <p className="form-error">{failure(faq.error)}</p>)}
      {faq.kind === 'ready' && (
        <>
          <ul className="faq-list">
            {faq.value.length === 0 && <li className="muted">No entries yet. Add the questions your customers ask most.</li>}
            {faq.value.map((entry) => editing !== 'new' && editing?.id === entry.id
              ? <li key={entry.id}><FaqForm entry={entry} onDone={() => { setEditing(null); reload(); }} /></li>
              : (
                <li key={entry.id} className="faq-item">
                  <div>
                    <p className="faq-q">{entry.question}</p>
                    <p className="faq-a">{entry.answer}</p>
                  </div>
                  {isAdmin && (
                    <div className="actions">
                      <button type="button" className="btn btn-small" onClick={() => setEditing(entry)}>Edit</button>
                      <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => void remove(entry)}>Delete</button>
                    </div>
                  )}
                </li>
              ))}
          </ul>
          {isAdmin && (editing === 'new'
            ? <FaqForm entry={null} onDone={() => { setEditing(null); reload(); }} />
            : <button type="button" className="btn" onClick={() => setEditing('new')}>Add entry</button>)}
          {faq.value.length > 0 && <FaqTryout />}
        </>
      )}
    </section>
  );
}

function FaqForm({ entry, onDone }: { readonly entry: FaqEntry | null; readonly onDone: () => void }) {
  const { api } = useLive();
  const [question, setQuestion] = useState(entry?.question ?? '');
  const [answer, setAnswer] = useState(entry?.answer ?? '');

  const { busy, error, submit } = useSubmit(async () => {
    const body = { question: question.trim(), answer: answer.trim() };
    if (entry === null) await api.admin.createFaq(body);
    else await api.admin.updateFaq(entry.id, body);
    onDone();
  });

  return (
    <form className="inline-form faq-form" onSubmit={submit} aria-label={entry === null ? 'New FAQ entry' : 'Edit FAQ entry'}>
      <label className="field"><span>Question</span><input value={question} onChange={(e) => setQuestion(e.target.value)} required /></label>
      <label className="field"><span>Answer</span><textarea rows={3} value={answer} onChange={(e) => setAnswer(e.target.value)} required /></label>
      {error !== null && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || question.trim() === '' || answer.trim() === ''}>{busy ? 'Saving…' : 'Save'}</button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
