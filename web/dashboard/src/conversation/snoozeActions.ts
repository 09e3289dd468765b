import type { LiveStore, SnoozeChange } from '@switchboard/client';
import { createObservable } from '../ui/createStore.js';
import { presetChange, type SnoozePreset } from './snoozeTimes.js';

// What a keyboard shortcut (or any other caller) binds to: snoozing through the live store, so the change shows at
// once and is sent, retried and confirmed like every other (a refusal becomes a toast through the store's errors).

/** Snoozes a conversation with a preset, computed now in the operator's time zone, or with an explicit change. */
export function snoozeConversation(store: LiveStore, conversationId: number, how: SnoozePreset | SnoozeChange, now = new Date()): string {
  const snooze = typeof how === 'string' ? presetChange(how, now) : how;
  return store.updateConversation(conversationId, { snooze });
}

/** Wakes a snoozed conversation, or dismisses the marker of one that woke. */
export function unsnoozeConversation(store: LiveStore, conversationId: number): string {
  return store.updateConversation(conversationId, { snooze: null });
}

/** Whether the open conversation's snooze menu should be open: a shortcut sets it, the header's menu follows it. */
export const snoozeMenuOpen = createObservable(false);

/** Opens the snooze menu of the conversation on screen (for a keyboard shortcut such as "z"). */
export function openSnoozeMenu(): void {
  snoozeMenuOpen.set(true);
}
