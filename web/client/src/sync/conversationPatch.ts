import { snoozeRequest, type SnoozeChange } from './snooze.js';

/**
 * A change to a conversation. Absent fields stay as they are. `assigneeId: null` unassigns; leaving
 * `assigneeId` out leaves the assignee alone (with `exactOptionalPropertyTypes` it cannot be `undefined`).
 */
export interface ConversationPatch {
  /** Switch the bot on or off. */
  readonly botActive?: boolean;
  /** Resolve (true) or reopen (false). */
  readonly resolved?: boolean;
  /** The new assignee, or null to unassign. */
  readonly assigneeId?: number | null;
  /** Snooze (until a time or the customer's reply), or null to unsnooze / dismiss the wake marker. Sent on its own. */
  readonly snooze?: SnoozeChange | null;
}

/** A frozen copy holding only the fields that change something. */
export function copyPatch(patch: ConversationPatch): ConversationPatch {
  const copy: { botActive?: boolean; resolved?: boolean; assigneeId?: number | null; snooze?: SnoozeChange | null } = {};
  if (patch.botActive !== undefined) copy.botActive = patch.botActive;
  if (patch.resolved !== undefined) copy.resolved = patch.resolved;
  if (patch.assigneeId !== undefined) copy.assigneeId = patch.assigneeId;
  if (patch.snooze !== undefined) copy.snooze = patch.snooze === null ? null : Object.freeze({ ...patch.snooze });
  return Object.freeze(copy);
}

/** A patch that snoozes or unsnoozes goes to its own endpoint, so it may carry nothing else. */
export function isSnoozePatch(patch: ConversationPatch): boolean {
  return patch.snooze !== undefined;
}

/** The method, path and body that carry this change. */
export function patchRequest(conversationId: number, patch: ConversationPatch, mutationId: string):
  { method: 'POST' | 'PATCH'; path: string; body: Record<string, unknown> } {
  if (patch.snooze !== undefined) return { method: 'POST', ...snoozeRequest(conversationId, patch.snooze, mutationId) };
  return { method: 'PATCH', path: `/api/v1/conversations/${conversationId}`, body: patchBody(patch, mutationId) };
}

/** The PATCH body for this change. */
export function patchBody(patch: ConversationPatch, mutationId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { mutationId };
  if (patch.botActive !== undefined) body['botActive'] = patch.botActive;
  if (patch.resolved !== undefined) body['resolved'] = patch.resolved;
  if (patch.assigneeId !== undefined) body['assigneeId'] = patch.assigneeId;
  return body;
}
