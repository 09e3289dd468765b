import { memo } from 'react';
import type { MessageView } from '@switchboard/client';
import { clockTime, fullTime } from '../ui/format.js';
import { attachmentsOf } from '../attachments/attachmentTypes.js';
import { DiscardButton, MessageAttachments } from '../attachments/MessageAttachments.js';
import { AlertIcon, CheckIcon, ClockIcon, DoubleCheckIcon } from '../ui/icons.js';

/** A row of the message list: a message, or a bot reply still streaming in (`draft`). */
export type Row =
  | { readonly kind: 'message'; readonly message: MessageView; readonly own: boolean; readonly first: boolean; readonly day: string | null }
  | { readonly kind: 'draft'; readonly replyId: string; readonly text: string };

/** The role a message is announced with ("operator message"); a local message on its way is the operator's. */
export function senderRole(m: MessageView): string {
  return m.senderRole === 'self' ? 'operator' : m.senderRole;
}

interface Props {
  readonly row: Row;
  readonly onRetry: (clientMessageId: string) => void;
  /** The message a search opened the conversation at: marked until another is opened. */
  readonly hit?: boolean;
}

export const MessageItem = memo(function MessageItem({ row, onRetry, hit = false }: Props) {
  if (row.kind === 'draft') {
    return (
      <div className="msg-row msg-in first">
        <article className="msg msg-bot msg-streaming" aria-label="bot message" aria-busy="true">
          <div className="msg-meta"><span className="msg-sender">Bot</span><span className="msg-time">writing…</span></div>
          <div className="msg-text">{row.text}<span className="caret" aria-hidden="true" /></div>
        </article>
      </div>
    );
  }
  const m = row.message;
  const role = senderRole(m);
  const outbound = role === 'operator' || role === 'bot';
  const created = m.server?.createdAt ?? null;
  const attachments = attachmentsOf(m);
  const name = m.senderName ?? (role === 'operator' ? 'You' : role === 'bot' ? 'Bot' : role === 'customer' ? 'Customer' : 'System');
  if (role === 'system') {
    return (
      <>
        {row.day !== null && <DayDivider day={row.day} />}
        <div className="msg-row msg-system"><article className="msg" aria-label="system message"><span className="msg-text">{m.text}</span></article></div>
      </>
    );
  }
  return (
    <>
      {row.day !== null && <DayDivider day={row.day} />}
      <div className={`msg-row ${outbound ? 'msg-out' : 'msg-in'}${row.first ? ' first' : ''}`}>
        <article className={`msg msg-${role}${m.isNote ? ' msg-note' : ''}${m.status === 'failed' ? ' msg-failed' : ''}${hit ? ' msg-hit' : ''}`} aria-label={`${role} message`}
          aria-current={hit ? 'true' : undefined}>
          {row.first && (
            <div className="msg-meta">
              <span className="msg-sender">{m.isNote ? `${name} · internal note` : name}</span>
            </div>
          )}
          <MessageAttachments clientMessageId={m.clientMessageId} attachments={attachments} cancellable={row.own && m.pending && m.status !== 'failed'} />
          {(m.text !== '' || attachments.length === 0) && <div className="msg-text">{m.text}</div>}
          <div className="msg-foot">
            {created !== null && <time className="msg-time" dateTime={created} title={fullTime(created)}>{clockTime(created)}</time>}
            {row.own && <StatusMark status={m.status} />}
          </div>
          {m.status === 'failed' && row.own && m.canRetry && (
            <div className="msg-failed-bar">
              <span>Not sent.</span>
              <button type="button" className="link-btn" onClick={() => onRetry(m.clientMessageId)}>Retry</button>
              {attachments.length > 0 && <DiscardButton clientMessageId={m.clientMessageId} />}
            </div>
          )}
        </article>
      </div>
    </>
  );
});

function StatusMark({ status }: { readonly status: string }) {
  switch (status) {
    case 'sending': return <span role="img" className="status status-sending" aria-label="sending" title="Sending"><ClockIcon size={12} /></span>;
    case 'sent': return <span role="img" className="status status-sent" aria-label="sent" title="Sent"><CheckIcon size={14} /></span>;
    case 'delivered': return <span role="img" className="status status-delivered" aria-label="delivered" title="Delivered"><DoubleCheckIcon size={14} /></span>;
    case 'read': return <span role="img" className="status status-read" aria-label="read" title="Read"><DoubleCheckIcon size={14} /></span>;
    case 'failed': return <span role="img" className="status status-failed" aria-label="failed" title="Failed"><AlertIcon size={14} /></span>;
    default: return null;
  }
}

function DayDivider({ day }: { readonly day: string }) {
  return <div className="day-divider" aria-hidden="true"><span>{day}</span></div>;
}
