import type { SearchResults, SearchSnippet } from '@switchboard/client';
import { fill, t } from '../i18n/index.js';
import { contactName } from '../conversations/conversationStore.js';
import { fullTime, shortTime } from '../ui/format.js';
import { useNow } from '../ui/useNow.js';
import { snippetParts } from './searchStore.js';

interface HitsProps {
  readonly results: SearchResults;
  readonly selectedId: number | null;
  readonly loading: boolean;
  readonly onOpen: (conversationId: number, messageId?: number) => void;
  readonly onMore: (cursor: string) => void;
}

/** The hits of a search: matching contacts, then messages best first, each a button that opens its conversation. */
export function SearchHits({ results, selectedId, loading, onOpen, onMore }: HitsProps) {
  const now = useNow(30_000);
  return (
    <>
      {results.contacts.length > 0 && (
        <>
          <h2 className="search-group">{t.search.contacts}</h2>
          <ul role="list" aria-label={t.search.contactHits} className="search-hits">
            {results.contacts.map((h) => (
              <li key={`c${h.conversation.id}`}>
                <button type="button" className="search-hit" aria-current={h.conversation.id === selectedId ? 'true' : undefined} onClick={() => onOpen(h.conversation.id)}>
                  <span className="search-hit-top"><Snippet snippet={h.snippet} /></span>
                  <span className="search-hit-meta">{t.search.states[h.conversation.state as keyof typeof t.search.states] ?? h.conversation.state}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {results.messages.length > 0 && (
        <>
          <h2 className="search-group">{t.search.messages}</h2>
          <ul role="list" aria-label={t.search.messageHits} className="search-hits">
            {results.messages.map((h) => (
              <li key={`m${h.message.id}`}>
                <button type="button" className="search-hit" aria-current={h.conversation.id === selectedId ? 'true' : undefined} onClick={() => onOpen(h.conversation.id, h.message.id)}>
                  <span className="search-hit-top">
                    <span className="search-hit-name">{contactName(h.conversation)}</span>
                    <time dateTime={h.message.createdAt} title={fullTime(h.message.createdAt)}>{shortTime(h.message.createdAt, now)}</time>
                  </span>
                  <span className="search-hit-text"><Snippet snippet={h.snippet} /></span>
                  <span className="search-hit-meta">
                    {h.message.isNote ? <span className="pill pill-note">{t.search.note}</span> : fill(t.search.by, { role: h.message.senderRole })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {results.next !== null && (
        <button type="button" className="btn btn-small search-more" disabled={loading} onClick={() => { if (results.next !== null) onMore(results.next); }}>
          {t.search.more}
        </button>
      )}
    </>
  );
}

/** The snippet as text nodes, the matched ranges inside <mark>: never HTML made from a message. */
function Snippet({ snippet }: { readonly snippet: SearchSnippet }) {
  return <>{snippetParts(snippet).map((p, i) => p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>)}</>;
}
