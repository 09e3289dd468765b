import { useState } from 'react';
import type { FaqSearch } from '@switchboard/client';
import { useLive } from '../live/LiveContext.js';
import { useSubmit } from './useSubmit.js';

const percent = (x: number) => `${Math.round(x * 100)} %`;

/** A question typed as a customer would: which entry the bot would answer with and how sure it is (GET /api/v1/faq/search). */
export function FaqTryout() {
  const { api } = useLive();
  const [question, setQuestion] = useState('');
  const [result, setResult] = useState<FaqSearch | null>(null);
  const { busy, error, submit } = useSubmit(async () => setResult(await api.admin.searchFaq(question.trim())));
  const best = result?.matches[0];

  return (
    <form className="inline-form faq-try" onSubmit={submit} aria-label="Try a question">
      <label className="field"><span>Try a question</span>
        <input value={question} onChange={(e) => setQuestion(e.target.value)} placeholder="Ask the way a customer would" required />
      </label>
      <div className="form-actions"><button type="submit" className="btn" disabled={busy || question.trim() === ''}>{busy ? 'Trying…' : 'Try'}</button></div>
      {error !== null && <p className="form-error" role="alert">{error}</p>}
      {result !== null && (
        <div role="status" aria-label="Bot decision">
          {result.readAs !== null && <p className="faq-read-as">Read as “{result.readAs}”: typos of the FAQ's own words are mended.</p>}
          {best?.matchedSentence != null && <p className="faq-read-as">Matched on “{best.matchedSentence}”: in a longer message, each sentence that asks is also compared on its own.</p>}
          <p className="faq-verdict">{
            best === undefined ? 'The bot would hand off: no entry matches.'
              : result.decision === 'answer' ? `The bot would answer with “${best.question}”, ${percent(best.confidence)} sure (answers from ${percent(result.confidenceThreshold)}).`
              : result.decision === 'ask' ? `The bot would ask which one the customer means: “${best.question}” or “${result.matches[1]?.question ?? ''}”.`
              : result.decision === 'suggest' ? `The bot would ask whether the customer means “${best.question}”: at ${percent(best.confidence)} it is nearly sure enough (answers from ${percent(result.confidenceThreshold)}).`
              : `The bot would hand off: at ${percent(best.confidence)} it is not sure enough (answers from ${percent(result.confidenceThreshold)}).`
          }</p>
          {result.matches.length > 0 && (
            <table className="faq-scores">
              <thead><tr><th scope="col">Entry</th><th scope="col">Confidence</th><th scope="col">Meaning</th><th scope="col">Words</th></tr></thead>
              <tbody>{result.matches.map((m) => (
                <tr key={m.id}><td>{m.question}</td><td>{percent(m.confidence)}</td><td>{m.semantic === null ? '–' : m.semantic.toFixed(2)}</td><td>{m.keyword.toFixed(2)}</td></tr>
              ))}</tbody>
            </table>
          )}
        </div>
      )}
    </form>
  );
}
