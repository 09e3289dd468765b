import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ContactDetails, Conversation } from '@switchboard/client';
import { useLive, useRevision } from '../live/LiveContext.js';
import { logger } from '../live/liveSession.js';

/** The contact as the live set holds it, read once from the API when the panel first shows it. */
export function useContact(contactId: number): { contact: ContactDetails | undefined; failed: boolean } {
  const { api, contacts } = useLive();
  const contact = useSyncExternalStore((l) => contacts.subscribe(l), () => contacts.get(contactId));
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    setFailed(false);
    api.contacts.get(contactId, { signal: abort.signal }).then((c) => contacts.load(c), (error: unknown) => {
      if (abort.signal.aborted) return;
      logger.warn('Could not load the contact.', { contactId, error: error instanceof Error ? error.name : typeof error });
      setFailed(true);
    });
    return () => abort.abort();
  }, [api, contacts, contactId]);
  return { contact, failed };
}

export const pastPageSize = 10;

/**
 * The contact's conversations, newest first: the pages read from `GET /conversations?contactId=` (read again when the
 * contact changes, e.g. a merge brought more), and any the live store holds for this contact, in their live version.
 */
export function usePastConversations(contactId: number, contactVersion: number | undefined) {
  const { api, store } = useLive();
  const revision = useRevision();
  const [pages, setPages] = useState<{ items: readonly Conversation[]; next: string | null; loading: boolean; failed: boolean }>(
    { items: [], next: null, loading: true, failed: false });
  const [extra, setExtra] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setPages((p) => ({ ...p, loading: true, failed: false }));
    api.listConversations({ contactId, snoozed: 'any', limit: pastPageSize * (extra + 1) }, { signal: abort.signal }).then(
      (page) => setPages({ items: page.items, next: page.next, loading: false, failed: false }),
      () => { if (!abort.signal.aborted) setPages((p) => ({ ...p, loading: false, failed: true })); });
    return () => abort.abort();
  }, [api, contactId, contactVersion, extra]);

  const items = useMemo(() => {
    const byId = new Map<number, Conversation>();
    for (const c of pages.items) byId.set(c.id, store.getConversation(c.id) ?? c);
    for (const c of store.conversations) if (c.contact?.id === contactId) byId.set(c.id, c);
    // A conversation moved to another contact since the page was read leaves the list.
    return [...byId.values()].filter((c) => c.contact?.id === contactId).sort((a, b) => activity(b) - activity(a) || b.id - a.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pages.items, store, contactId, revision]);

  return { items, hasMore: pages.next !== null, loading: pages.loading, failed: pages.failed, showMore: () => setExtra((n) => n + 1) };
}

function activity(c: Conversation): number {
  return Date.parse(c.lastMessageAt ?? c.createdAt);
}
