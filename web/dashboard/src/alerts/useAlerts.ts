import { useEffect, useRef } from 'react';
import { useLive } from '../live/LiveContext.js';
import { contactName } from '../conversations/conversationStore.js';
import { navigate, useRoute } from '../router.js';
import { attentionCount, detectAlerts, remember, titleWith, type Seen } from './alertRules.js';
import { alertPrefs } from './alertPrefs.js';
import { playChime, setFaviconBadge, showNotification, unlockSound } from './alertOutput.js';

const baseTitle = 'Switchboard';

/**
 * Watches the live store for what needs the operator (alertRules.ts) and tells them: the count in the tab's title
 * and favicon always, a desktop notification and a chime as their preferences say.
 */
export function useAlerts(): void {
  const { store, me } = useLive();
  const route = useRoute();
  const openId = useRef<number | null>(null);
  openId.current = route.name === 'inbox' ? route.conversationId : null;

  useEffect(() => {
    const prefs = alertPrefs(me.id);
    let seen: Map<number, Seen> | null = null;
    let shownCount = -1;
    const check = (): void => {
      const conversations = store.conversations;
      const count = attentionCount(conversations, me.id);
      if (count !== shownCount) {
        shownCount = count;
        document.title = titleWith(count, baseTitle);
        setFaviconBadge(count);
      }
      // Until the first snapshot (and during a reset's refetch) there is nothing to compare with.
      if (store.core.needsSnapshot) return;
      if (seen === null) { seen = remember(conversations); return; }
      const focused = document.visibilityState === 'visible' && document.hasFocus();
      const alerts = detectAlerts(seen, conversations, { meId: me.id, openId: openId.current, focused });
      seen = remember(conversations);
      if (alerts.length === 0) return;
      const { desktop, sound } = prefs.get();
      if (sound) playChime();
      if (!desktop) return;
      for (const alert of alerts) {
        const c = conversations.find((x) => x.id === alert.conversationId);
        if (c === undefined) continue;
        const name = contactName(c);
        const title = alert.kind === 'queued' ? `${name} is waiting` : `New message from ${name}`;
        showNotification(title, c.lastMessagePreview ?? '', `switchboard-${alert.kind}-${c.id}`,
          () => navigate({ name: 'inbox', conversationId: c.id }));
      }
    };
    check();
    const unsubscribe = store.subscribe(check);
    // Browsers start sound only after a gesture: the first click or key of this page wakes the chime.
    const wake = (): void => { if (prefs.get().sound) unlockSound(); };
    document.addEventListener('pointerdown', wake, { once: true });
    document.addEventListener('keydown', wake, { once: true });
    return () => {
      unsubscribe();
      document.removeEventListener('pointerdown', wake);
      document.removeEventListener('keydown', wake);
      document.title = baseTitle;
      setFaviconBadge(0);
    };
  }, [store, me.id]);
}
