import type { Conversation } from '@switchboard/client';
import { useLive, useMembers } from '../live/LiveContext.js';
import { contactName, stateLabel } from '../conversations/conversationStore.js';
import { BackIcon } from '../ui/icons.js';
import { t } from '../i18n/index.js';
import { TranscriptLinks } from './TranscriptExport.js';
import { ContactPanel } from '../contacts/ContactPanel.js';

/** The conversation's facts, as the phone's third column (list → conversation → details). */
export function ConversationDetails({ conversation: c, onClose }: { readonly conversation: Conversation; readonly onClose: () => void }) {
  const { me } = useLive();
  const members = useMembers();
  const assignee = c.assigneeId === null ? null : members.find((m) => m.id === c.assigneeId) ?? null;
  const facts: readonly (readonly [string, string])[] = [
    ['Name', contactName(c)],
    ['Email', c.contact?.email ?? '—'],
    ['State', stateLabel(c.state)],
    ['Bot', c.botActive ? 'Answering' : 'Off'],
    ['Assignee', assignee === null ? 'Unassigned' : assignee.id === me.id ? `${assignee.name} (you)` : assignee.name],
    ['Messages', String(c.messageCount)],
    ['Started', new Date(c.createdAt).toLocaleString()],
  ];
  return (
    <section className="conv-details" aria-label="Details">
      <header className="conv-head">
        <button type="button" className="icon-btn back-btn details-back" aria-label="Back to the conversation" onClick={onClose}><BackIcon /></button>
        <h2>Details</h2>
      </header>
      <dl className="details-list">
        {facts.map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}
        {c.handoffReason !== null && <div><dt>Handoff</dt><dd>{c.handoffReason}</dd></div>}
      </dl>
      <section className="details-section" aria-label={t.conversation.exportLabel}>
        <h3>{t.conversation.transcript}</h3>
        <TranscriptLinks conversationId={c.id} />
      </section>
      {c.contact !== null && <ContactPanel contactId={c.contact.id} conversationId={c.id} />}
    </section>
  );
}
