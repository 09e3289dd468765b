import { useEffect, useState } from 'react';
import type { LiveStore } from '@switchboard/client';

/** Where a jump to one message (a search hit) stands: loading the pages down to it, found (its row key), or not. */
export type Jump =
  | { readonly state: 'finding' }
  | { readonly state: 'found'; readonly key: string }
  | { readonly state: 'missing' }
  | { readonly state: 'failed' }
  | null;

// The largest page the server gives (MessageService.MaxPage): a hit deep in a long conversation takes few requests.
const pageSize = 200;
// A bound on the walk, so a store that stops making progress can never spin: 500 pages are 100,000 messages.
const maxSteps = 500;

/**
 * Opens a conversation at one message: loads older pages of the SDK's transcript until the message is in it (the
 * transcript stays one contiguous range, so nothing between the hit and the newest message is ever a hole), then
 * names its row so the list can scroll to it. Each page is the same request scrolling up makes.
 */
export function useJumpToMessage(store: LiveStore, conversationId: number, messageId: number | null): Jump {
  const [jump, setJump] = useState<Jump>(null);
  useEffect(() => {
    if (messageId === null) {
      setJump(null);
      return;
    }
    let cancelled = false;
    setJump({ state: 'finding' });
    void (async () => {
      for (let step = 0; step < maxSteps && !cancelled; step++) {
        const transcript = store.transcript(conversationId);
        if (!transcript.loaded) {
          await nextChange(store);
          continue;
        }
        const hit = transcript.messages.find((m) => m.id === messageId);
        if (hit !== undefined) {
          setJump({ state: 'found', key: hit.clientMessageId });
          return;
        }
        if (!transcript.hasOlder) {
          setJump({ state: 'missing' });
          return;
        }
        // false: nothing merged (a reset came between); the loop looks again once the store changed.
        if (!(await store.loadOlder(conversationId, pageSize))) await nextChange(store);
      }
      if (!cancelled) setJump({ state: 'missing' });
    })().catch(() => { if (!cancelled) setJump({ state: 'failed' }); });
    return () => { cancelled = true; };
  }, [store, conversationId, messageId]);
  return jump;
}

/** The store's next change, or a look again after a while (a walk must never wait forever on a quiet store). */
function nextChange(store: LiveStore): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, 2_000);
    const unsubscribe = store.subscribe(done);
  });
}
