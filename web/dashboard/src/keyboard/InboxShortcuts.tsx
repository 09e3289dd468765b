import { useMemo, useState, useSyncExternalStore } from 'react';
import { useConversations, useLive } from '../live/LiveContext.js';
import { inboxState, visibleConversations } from '../conversations/conversationStore.js';
import { navigate } from '../router.js';
import { openSnoozeMenu } from '../conversation/snoozeActions.js';
import { requestComposer } from './composerCommands.js';
import { ShortcutHelp } from './ShortcutHelp.js';
import { stepConversation, type ShortcutAction } from './shortcuts.js';
import { useShortcuts, type ShortcutHandlers } from './useShortcuts.js';

/**
 * The inbox's keyboard shortcuts (keyboard/shortcuts.ts) and their help overlay. Next and previous follow the list as
 * shown (its filter and search); claim and resolve act on the open conversation as the header's buttons do.
 */
export function InboxShortcuts({ conversationId }: { readonly conversationId: number | null }) {
  const { store, me } = useLive();
  const all = useConversations();
  const { filter, query } = useSyncExternalStore(inboxState.subscribe, inboxState.get);
  const listed = useMemo(() => visibleConversations(all, filter, query, me.id).map((c) => c.id), [all, filter, query, me.id]);
  const [help, setHelp] = useState(false);

  const open = (step: 1 | -1) => {
    const next = stepConversation(listed, conversationId, step);
    if (next !== null) navigate({ name: 'inbox', conversationId: next });
  };
  const handlers: ShortcutHandlers = {
    nextConversation: () => open(1),
    previousConversation: () => open(-1),
    help: () => setHelp(true),
    escape: () => {
      // Out of the message box (its own Escape closes an open canned list first), so the shortcuts work again.
      const el = document.activeElement;
      if (!(el instanceof HTMLElement) || el.closest('.composer') === null) return false;
      el.blur();
    },
    ...(conversationId === null ? {} : {
      claim: () => { if (store.getConversation(conversationId)?.state === 'queued') void store.claim(conversationId, me.id); },
      resolve: () => {
        const now = store.getConversation(conversationId);
        if (now !== undefined) store.updateConversation(conversationId, { resolved: now.state !== 'resolved' });
      },
      focusComposer: () => { requestComposer('focus'); },
      cannedReplies: () => { requestComposer('cannedReplies'); },
      snooze: () => { openSnoozeMenu(); },
    }),
  };
  useShortcuts(help ? {} : handlers);

  return help ? <ShortcutHelp available={new Set(Object.keys(handlers) as ShortcutAction[])} onClose={() => setHelp(false)} /> : null;
}
