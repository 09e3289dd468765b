import type { Conversation } from '@switchboard/client';
import { fill, t } from '../i18n/index.js';
import { useLive } from '../live/LiveContext.js';
import { stars } from './csatText.js';

/**
 * Under the conversation's name: the customer's rating of its newest resolution (stars and comment), or that one was
 * asked for. Live: the store applies `csat.updated`, so every open dashboard shows a rating the moment it is given.
 */
export function CsatBadge({ conversation: c }: { readonly conversation: Conversation }) {
  const { store } = useLive();
  const csat = store.csat(c.id);
  if (csat === undefined || (csat.rating === null && c.state !== 'resolved')) return null;
  if (csat.rating === null) return <span className="pill pill-csat-asked">{t.csat.requested}</span>;
  return (
    <span className="csat-badge" role="note" aria-label={t.csat.ratingLabel}>
      <span className="csat-stars" role="img" aria-label={fill(t.csat.rated, { n: csat.rating })}>{stars(csat.rating)}</span>
      {csat.comment !== null && <q className="csat-comment" title={csat.comment}>{csat.comment}</q>}
    </span>
  );
}
