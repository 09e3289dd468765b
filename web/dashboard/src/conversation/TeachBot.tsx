import { useEffect, useState } from 'react';
import type { Conversation, FaqMatch, MessageView } from '@switchboard/client';
import { failure } from '../admin/adminText.js';
import { useLive } from '../live/LiveContext.js';
import { customerQuestion } from './customerQuestion.js';

/**
 * After the bot handed off and an operator answered (issue 21): offers the admin to teach the bot the customer's
 * question, as a new phrasing of the FAQ entry it should have matched (the closest ones first) or as a new entry
 * with the operator's reply as its answer.
 */
export function TeachBot({ conversation, messages }: { readonly conversation: Conversation; readonly messages: readonly MessageView[] }) {
  const { api, isAdmin } = useLive();
  const firstReply = messages.findIndex((m) => m.senderRole === 'operator' && !m.isNote && m.id !== null);
  const question = firstReply > 0 ? customerQuestion(messages.slice(0, firstReply)) : undefined;
  const show = isAdmin && conversation.handoffReason !== null && question !== undefined;
  const [suggestions, setSuggestions] = useState<readonly FaqMatch[]>([]);
  const [entryId, setEntryId] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [closed, setClosed] = useState(false);
  const text = question?.text ?? '';

  useEffect(() => {
    if (!show) return;
    let cancelled = false;
    api.admin.searchFaq(text).then((s) => {
      if (cancelled) return;
      setSuggestions(s.matches);
      setEntryId(s.matches[0]?.id ?? null);
    }, () => { /* no suggestions: a new entry can still be made */ });
    return () => { cancelled = true; };
  }, [api, show, text]);

  if (!show || closed) return null;
  const act = (action: () => Promise<string>) => {
    setError(null);
    action().then(setDone, (e: unknown) => setError(failure(e)));
  };
  const addPhrasing = () => act(async () => (await api.admin.addFaqPhrasing(entryId!, text)).question);
  const addEntry = () => act(async () => (await api.admin.createFaq({ question: text, answer: messages[firstReply]!.text })).question);

  return (
    <div role="region" aria-label="Teach the bot" className="banner banner-teach">
      {done !== null
        ? <span role="status">The bot now answers “{text}” like “{done}”.</span>
        : (
          <>
            <span>Teach the bot “{text}”:</span>
            {suggestions.length > 0 && (
              <>
                <select aria-label="FAQ entry" value={entryId ?? ''} onChange={(e) => setEntryId(Number(e.target.value))}>
                  {suggestions.map((m) => <option key={m.id} value={m.id}>{m.question}</option>)}
                </select>
                <button type="button" className="btn btn-small" onClick={addPhrasing}>Add as phrasing</button>
              </>
            )}
            <button type="button" className="btn btn-small" onClick={addEntry}>New entry with this reply</button>
            {error !== null && <span className="form-error" role="alert">{error}</span>}
          </>
        )}
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setClosed(true)}>Dismiss</button>
    </div>
  );
}

