import type { Conversation } from '@switchboard/client';
import { useLive } from '../live/LiveContext.js';
import { t } from '../i18n/index.js';
import { useNow } from '../ui/useNow.js';
import { unsnoozeConversation } from './snoozeActions.js';
import { markerLabel, snoozeLabel } from './snoozeTimes.js';

/**
 * Under the conversation's name: until when it sleeps, or why it woke (the wake marker) with a way to dismiss it.
 * The marker stays until a member answers, resolves, snoozes again or dismisses it: each is an event, so every
 * dashboard drops it together (docs/workflow.md, "Snooze").
 */
export function SnoozeStatus({ conversation: c }: { readonly conversation: Conversation }) {
  const { store } = useLive();
  const now = useNow(30_000);
  const sleeping = snoozeLabel(c, new Date(now));
  const marker = markerLabel(c);
  return (
    <>
      {sleeping !== null && <span className="pill pill-snoozed">{sleeping}</span>}
      {marker !== null && (
        <span role="note" aria-label={t.snooze.marker} className="pill pill-woke wake-marker">
          {marker}
          <button type="button" className="link-btn" aria-label={`${t.snooze.dismiss} ${t.snooze.marker.toLowerCase()}`}
            onClick={() => unsnoozeConversation(store, c.id)}>{t.snooze.dismiss}</button>
        </span>
      )}
    </>
  );
}
