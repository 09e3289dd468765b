import type { Conversation } from '@switchboard/client';
import { useLive, useMembers } from '../live/LiveContext.js';

/** Who else owns a conversation, or null when it is the viewer's or nobody's. */
export function useOtherOwner(c: Conversation | undefined): { readonly id: number; readonly name: string } | null {
  const { me } = useLive();
  const members = useMembers();
  if (c === undefined || c.assigneeId === null || c.assigneeId === me.id) return null;
  return { id: c.assigneeId, name: members.find((m) => m.id === c.assigneeId)?.name ?? 'a colleague' };
}

interface Props {
  readonly owner: { readonly name: string };
  readonly replyAnyway: boolean;
  readonly onReplyAnyway: (on: boolean) => void;
}

/**
 * Shown in the composer before anyone types: the conversation is a colleague's, so a reply is a deliberate act
 * (the server refuses it otherwise, with the owner's name). Internal notes need no such step.
 */
export function OwnerNotice({ owner, replyAnyway, onReplyAnyway }: Props) {
  return (
    <div role="note" aria-label="Conversation owner" className={`owner-notice${replyAnyway ? ' owner-notice-on' : ''}`}>
      <span>
        {replyAnyway
          ? <><strong>Replying in {owner.name}’s conversation.</strong> {owner.name} stays assigned.</>
          : <><strong>Assigned to {owner.name}.</strong> A reply goes into their conversation.</>}
      </span>
      <button type="button" className="btn btn-small" aria-pressed={replyAnyway} onClick={() => onReplyAnyway(!replyAnyway)}>
        {replyAnyway ? 'Cancel' : 'Reply anyway'}
      </button>
    </div>
  );
}
