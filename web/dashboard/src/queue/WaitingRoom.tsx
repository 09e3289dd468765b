import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useConversations, useLive, useLoaded } from '../live/LiveContext.js';
import { logger } from '../live/liveSession.js';
import { contactName } from '../conversations/conversationStore.js';
import { navigate } from '../router.js';
import { hue, initials, since } from '../ui/format.js';
import { QueueIcon } from '../ui/icons.js';
import { Page } from '../ui/Page.js';
import { useNow } from '../ui/useNow.js';
import { orderIsStale, queuedConversations } from './queueStore.js';
import { isWaiting } from '../conversations/conversationStore.js';

/** The waiting room: who waits for a human, longest first; claim the next one or a particular one. */
export function WaitingRoom() {
  const live = useLive();
  const { api, store, me } = live;
  const all = useConversations();
  const loaded = useLoaded();
  const now = useNow(15_000);
  const [order, setOrder] = useState<readonly number[]>([]);
  const claimingNext = store.isClaiming(null);

  const stale = orderIsStale(all, order);
  const waitingIds = all.filter(isWaiting).map((c) => c.id).join(',');
  // The server's order (by queuedAt) is asked again whenever someone joins the queue that it did not know.
  useEffect(() => {
    if (!stale) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      api.getQueue(100).then((page) => { if (!cancelled) setOrder(page.items.map((c) => c.id)); }, (error: unknown) => {
        logger.warn('Could not read the queue order.', { error: error instanceof Error ? error.name : typeof error });
      });
    }, 150);
    return () => { cancelled = true; clearTimeout(timer); };
  }, [api, stale, waitingIds]);

  const queue = useMemo(() => queuedConversations(all, order), [all, order]);

  async function claimNext() {
    const id = await store.claim(null, me.id);
    if (id !== null) navigate({ name: 'inbox', conversationId: id });
  }

  async function claimOne(id: number) {
    const claimed = await store.claim(id, me.id);
    if (claimed !== null) navigate({ name: 'inbox', conversationId: claimed });
  }

  return (
    <Page title="Waiting room"
      lead={queue.length === 0 ? 'Nobody is waiting.' : `${queue.length} ${queue.length === 1 ? 'customer waits' : 'customers wait'} for a human, longest first.`}
      actions={
        <button type="button" className="btn btn-primary btn-lg" onClick={() => void claimNext()} disabled={claimingNext || queue.length === 0}>
          {claimingNext ? 'Claiming…' : 'Claim next'}
        </button>
      }>
      {!loaded && queue.length === 0 ? <p className="muted">Loading…</p> : queue.length === 0 ? (
        <div className="empty card">
          <span className="empty-icon"><QueueIcon size={28} /></span>
          <h2 className="empty-title">All caught up</h2>
          <p>When the bot hands a conversation off, or someone switches the bot off, it waits here.</p>
        </div>
      ) : (
        <ul role="list" aria-label="Queue" className="queue-list card">
          {queue.map((c, i) => {
            const name = contactName(c);
            const busy = store.isClaiming(c.id);
            return (
              <li key={c.id} className="queue-item">
                <span className="queue-rank" aria-hidden="true">{i + 1}</span>
                <span className="avatar" style={{ '--h': hue(c.contact?.id ?? c.id) } as CSSProperties} aria-hidden="true">{initials(name)}</span>
                <span className="queue-body">
                  <span className="queue-name">
                    <a href={`/app/inbox/${c.id}`} onClick={(e) => { e.preventDefault(); navigate({ name: 'inbox', conversationId: c.id }); }}>{name}</a>
                    <span className="muted"> · waiting {since(c.updatedAt, now)}</span>
                  </span>
                  {c.handoffReason !== null && <span className="queue-reason">{c.handoffReason}</span>}
                  <span className="queue-preview">{c.lastMessagePreview ?? 'No messages yet'}</span>
                </span>
                {c.unreadCount > 0 && <span className="badge" aria-label={`${c.unreadCount} unread`}>{c.unreadCount}</span>}
                <button type="button" className="btn" disabled={busy} onClick={() => void claimOne(c.id)}>{busy ? 'Claiming…' : 'Claim'}</button>
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
