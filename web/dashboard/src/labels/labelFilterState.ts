import type { Conversation } from '@switchboard/client';
import { createObservable } from '../ui/createStore.js';

// The inbox's label filter (view state, like the tab and the search): null shows every conversation.
export const labelFilter = createObservable<number | null>(null);

/** Whether a conversation passes the label filter. */
export function matchesLabel(c: Conversation, labelId: number | null): boolean {
  return labelId === null || c.labelIds.includes(labelId);
}
