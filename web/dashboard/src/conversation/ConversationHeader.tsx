import type { CSSProperties } from 'react';
import type { Conversation, ConversationPatch } from '@switchboard/client';
import { useLive, useMembers, useRevision } from '../live/LiveContext.js';
import { contactName, stateLabel } from '../conversations/conversationStore.js';
import { linkProps } from '../router.js';
import { LabelChips } from '../labels/LabelChips.js';
import { LabelPicker } from '../labels/LabelPicker.js';
import { labelsOf, useLabels } from '../labels/useLabels.js';
import { hue, initials } from '../ui/format.js';
import { BackIcon } from '../ui/icons.js';
import { TranscriptMenu } from './TranscriptExport.js';
import { SnoozeMenu } from './SnoozeMenu.js';
import { SnoozeStatus } from './SnoozeStatus.js';
import { CsatBadge } from '../csat/CsatBadge.js';

interface Props {
  readonly conversation: Conversation;
  /** Phones show one column at a time: the header offers the way back to the list and on to the details. */
  readonly onDetails: () => void;
}

/**
 * The conversation's title and its actions. Every action has a fixed slot that never changes size or place,
 * whatever the state: an action that does not apply keeps its slot hidden (not removed), so a quick second click
 * lands on the control the first click was aimed at, never on one that appeared in its place.
 */
export function ConversationHeader({ conversation: c, onDetails }: Props) {
  const { store, me, isAdmin } = useLive();
  const members = useMembers();
  const labels = useLabels();
  useRevision();
  const claiming = store.isClaiming(c.id);
  const name = contactName(c);
  const assignee = c.assigneeId === null ? null : members.find((m) => m.id === c.assigneeId) ?? null;
  const resolved = c.state === 'resolved';
  const claimable = c.state === 'queued' || claiming;
  // A toggle flips what the store shows now, not what this render saw: the store's listeners hear once per task, so a
  // second click a few milliseconds after the first can land before the re-render and would repeat the first intent.
  const toggle = (change: (now: Conversation) => ConversationPatch): void => {
    const now = store.getConversation(c.id);
    if (now !== undefined) store.updateConversation(c.id, change(now));
  };

  return (
    <header className="conv-head">
      <a {...linkProps({ name: 'inbox', conversationId: null })} className="icon-btn back-btn" aria-label="Back to conversations"><BackIcon /></a>
      <span className="avatar avatar-lg" style={{ '--h': hue(c.contact?.id ?? c.id) } as CSSProperties} aria-hidden="true">{initials(name)}</span>
      <div className="conv-title">
        <h2>{name}</h2>
        <div className="conv-sub">
          <span className={`pill pill-${c.state}`}>{stateLabel(c.state)}</span>
          {c.contact?.email != null && <span className="muted conv-email">{c.contact.email}</span>}
          <SnoozeStatus conversation={c} />
          <CsatBadge conversation={c} />
          {!isAdmin && <span className="muted">{assignee === null ? 'Unassigned' : assignee.id === me.id ? 'Assigned to you' : `Assigned to ${assignee.name}`}</span>}
          <LabelChips labels={labelsOf(labels, c.labelIds)} compact />
        </div>
      </div>
      <button type="button" className="btn details-btn" onClick={onDetails}>Details</button>
      <div className="conv-actions">
        <LabelPicker conversation={c} />
        <button type="button" role="switch" aria-checked={c.botActive} className="switch" disabled={resolved} data-slot="bot"
          title={resolved ? 'Reopen the conversation to change the bot' : c.botActive ? 'The bot answers. Switch off to take over.' : 'Hand the conversation back to the bot'}
          onClick={() => toggle((now) => ({ botActive: !now.botActive }))}>
          <span className="switch-track" aria-hidden="true"><span className="switch-thumb" /></span>
          <span className="switch-label">Bot</span>
        </button>
        {isAdmin && (
          <label className="assignee" data-slot="assignee">
            <span className="visually-hidden">Assignee</span>
            <select aria-label="Assignee" value={c.assigneeId ?? ''}
              onChange={(e) => store.updateConversation(c.id, { assigneeId: e.target.value === '' ? null : Number(e.target.value) })}>
              <option value="">Unassigned</option>
              {members.filter((m) => m.role !== 'deactivated').map((m) => (
                <option key={m.id} value={m.id}>{m.id === me.id ? `${m.name} (you)` : m.name}{m.presence === 'online' ? '' : ` · ${m.presence}`}</option>
              ))}
            </select>
          </label>
        )}
        {/* Hidden (not removed) when nobody waits: its slot stays, so the other actions never shift. */}
        <button type="button" className={`btn btn-primary slot-claim${claimable ? '' : ' slot-idle'}`} data-slot="claim"
          disabled={!claimable || claiming} aria-hidden={claimable ? undefined : true} tabIndex={claimable ? undefined : -1}
          onClick={() => { if (c.state === 'queued') void store.claim(c.id, me.id); }}>
          {claiming ? 'Claiming…' : 'Claim'}
        </button>
        <SnoozeMenu conversation={c} />
        <button type="button" className="btn slot-resolve" data-slot="resolve" onClick={() => toggle((now) => ({ resolved: now.state !== 'resolved' }))}>
          {resolved ? 'Reopen' : 'Resolve'}
        </button>
        <TranscriptMenu conversationId={c.id} />
      </div>
    </header>
  );
}
