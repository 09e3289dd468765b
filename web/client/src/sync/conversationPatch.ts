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
}

/** A frozen copy holding only the fields that change something. */
export function copyPatch(patch: ConversationPatch): ConversationPatch {
  const copy: { botActive?: boolean; resolved?: boolean; assigneeId?: number | null } = {};
  if (patch.botActive !== undefined) copy.botActive = patch.botActive;
  if (patch.resolved !== undefined) copy.resolved = patch.resolved;
  if (patch.assigneeId !== undefined) copy.assigneeId = patch.assigneeId;
  return Object.freeze(copy);
}

/** The PATCH body for this change. */
export function patchBody(patch: ConversationPatch, mutationId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { mutationId };
  if (patch.botActive !== undefined) body['botActive'] = patch.botActive;
  if (patch.resolved !== undefined) body['resolved'] = patch.resolved;
  if (patch.assigneeId !== undefined) body['assigneeId'] = patch.assigneeId;
  return body;
}
