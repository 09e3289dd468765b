import type { CSSProperties } from 'react';
import type { Conversation } from '@switchboard/client';
import { useLive, useMembers, useRevision } from '../live/LiveContext.js';
import { contactName, stateLabel } from '../conversations/conversationStore.js';
import { hue, initials } from '../ui/format.js';

export function ConversationHeader({ conversation: c }: { readonly conversation: Conversation }) {
  const live = useLive();
  const { store, me, isAdmin } = live;
  const members = useMembers();
  useRevision();
  const claiming = store.isClaiming(c.id);
  const name = contactName(c);
  const assignee = c.assigneeId === null ? null : members.find((m) => m.id === c.assigneeId) ?? null;
  const resolved = c.state === 'resolved';

  return (
    <header className="conv-head">
      <span className="avatar avatar-lg" style={{ '--h': hue(c.contact?.id ?? c.id) } as CSSProperties} aria-hidden="true">{initials(name)}</span>
      <div className="conv-title">
        <h2>{name}</h2>
        <div className="conv-sub">
          <span className={`pill pill-${c.state}`}>{stateLabel(c.state)}</span>
          {c.contact?.email != null && <span className="muted">{c.contact.email}</span>}
          {!isAdmin && <span className="muted">{assignee === null ? 'Unassigned' : assignee.id === me.id ? 'Assigned to you' : `Assigned to ${assignee.name}`}</span>}
        </div>
      </div>
      <div className="conv-actions">
        <button type="button" role="switch" aria-checked={c.botActive} className="switch" disabled={resolved}
          title={resolved ? 'Reopen the conversation to change the bot' : c.botActive ? 'The bot answers. Switch off to take over.' : 'Hand the conversation back to the bot'}
          onClick={() => store.updateConversation(c.id, { botActive: !c.botActive })}>
          <span className="switch-track" aria-hidden="true"><span className="switch-thumb" /></span>
          <span className="switch-label">Bot</span>
        </button>
        {isAdmin && (
          <label className="assignee">
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
        {c.state === 'queued' && (
          <button type="button" className="btn btn-primary" disabled={claiming} onClick={() => void store.claim(c.id, me.id)}>
            {claiming ? 'Claiming…' : 'Claim'}
          </button>
        )}
        {resolved
          ? <button type="button" className="btn" onClick={() => store.updateConversation(c.id, { resolved: false })}>Reopen</button>
          : <button type="button" className="btn" onClick={() => store.updateConversation(c.id, { resolved: true })}>Resolve</button>}
      </div>
    </header>
  );
}
