import type { CannedReply } from '@switchboard/client';

export const cannedListId = 'canned-replies-list';
export const cannedOptionId = (id: number): string => `canned-reply-${id}`;

interface Props {
  readonly query: string;
  readonly matches: readonly CannedReply[];
  readonly active: number;
  readonly onPick: (reply: CannedReply) => void;
  readonly onHover: (index: number) => void;
}

/**
 * The canned replies matching what follows "/" in the composer: a listbox the message box drives (its
 * aria-activedescendant names the active option), so the focus never leaves the text. Clicks work too.
 */
export function CannedReplyMenu({ query, matches, active, onPick, onHover }: Props) {
  return (
    <div className="canned-menu">
      {matches.length === 0
        ? <p className="canned-empty" role="status">{query === '' ? 'No canned replies yet: add some under Replies.' : `No canned reply matches “${query}”.`}</p>
        : (
          <ul role="listbox" id={cannedListId} aria-label="Canned replies" className="canned-list">
            {matches.map((r, i) => (
              <li key={r.id} id={cannedOptionId(r.id)} role="option" aria-selected={i === active} className={`canned-option${i === active ? ' active' : ''}`}
                // Keep the focus in the message box: the pick happens on click.
                onMouseDown={(e) => e.preventDefault()} onMouseEnter={() => onHover(i)} onClick={() => onPick(r)}>
                <span className="canned-code">/{r.shortCode}</span>
                <span className="canned-title">{r.title}{r.scope === 'personal' ? ' · mine' : ''}</span>
                <span className="canned-preview">{r.text}</span>
              </li>
            ))}
          </ul>
        )}
      <p className="canned-hint" aria-hidden="true"><kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> insert · <kbd>Esc</kbd> close</p>
    </div>
  );
}
