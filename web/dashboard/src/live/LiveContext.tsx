import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { Conversation, Member } from '@switchboard/client';
import type { LiveSession } from './liveSession.js';

export const LiveContext = createContext<LiveSession | null>(null);

export function useLive(): LiveSession {
  const live = useContext(LiveContext);
  if (live === null) throw new Error('useLive outside a signed-in session');
  return live;
}

/** Re-renders on every change of the live store; returns its revision (a cheap key for useMemo). */
export function useRevision(): number {
  const { store } = useLive();
  return useSyncExternalStore(store.subscribe, () => store.revision);
}

/** Conversations as shown: pending changes and pending claims applied, newest activity first. */
export function useConversations(): readonly Conversation[] {
  const { store } = useLive();
  const revision = useRevision();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => store.conversations, [store, revision]);
}

export function useConversation(id: number | null): Conversation | undefined {
  const { store } = useLive();
  const revision = useRevision();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (id === null ? undefined : store.getConversation(id)), [store, id, revision]);
}

export function useMembers(): readonly Member[] {
  const { store } = useLive();
  const revision = useRevision();
  return useMemo(() => store.members, [store, revision]);
}

/** Whether the first snapshot is in (until then lists say "Loading"). */
export function useLoaded(): boolean {
  const { store } = useLive();
  useRevision();
  return !store.core.needsSnapshot || store.conversations.length > 0;
}
