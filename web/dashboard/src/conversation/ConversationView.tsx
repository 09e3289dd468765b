import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { fill, t } from '../i18n/index.js';
import { useConversation, useLive, useRevision } from '../live/LiveContext.js';
import { logger } from '../live/liveSession.js';
import { CloseIcon } from '../ui/icons.js';
import { ToastAnchor } from '../ui/Toasts.js';
import { Composer } from './Composer.js';
import { AttachmentScope } from '../attachments/AttachmentScope.js';
import { ContactPanel } from '../contacts/ContactPanel.js';
import { ConversationDetails } from './ConversationDetails.js';
import { ConversationHeader } from './ConversationHeader.js';
import { useOtherOwner } from './OwnerNotice.js';
import { TeachBot } from './TeachBot.js';
import { MessageItem, type Row } from './MessageItem.js';
import { messageRows, rowKey } from './messageRows.js';
import { VirtualList } from './VirtualList.js';
import { useJumpToMessage } from './jumpToMessage.js';

/** One conversation: header, transcript and composer; `messageId` (a search hit) opens it scrolled to that message. */
export function ConversationView({ conversationId, messageId = null }: { readonly conversationId: number; readonly messageId?: number | null }) {
  const live = useLive();
  const { store, signals, me, meanwhile } = live;
  const conversation = useConversation(conversationId);
  useRevision();
  const signalView = useSyncExternalStore(signals.subscribe, () => signals.view(conversationId));
  // The SDK's transcript: the newest contiguous range, the same object until it changes, so a flood of status events
  // about messages outside it re-renders nothing below.
  const transcript = useSyncExternalStore(store.subscribe, () => store.transcript(conversationId));
  const meanwhileNotice = useSyncExternalStore(meanwhile.subscribe, () => meanwhile.get().get(conversationId));
  const [loadError, setLoadError] = useState(false);
  const [follow, setFollow] = useState(0);
  const visible = useDocumentVisible();
  const [details, setDetails] = useState(false);

  // Load and follow the newest page; reloaded by the store after a reset.
  useEffect(() => {
    let cancelled = false;
    setLoadError(false);
    store.watchConversation(conversationId).catch((error: unknown) => {
      if (cancelled) return;
      logger.warn('Could not load messages.', { conversationId, error: error instanceof Error ? error.name : typeof error });
      setLoadError(true);
    });
    return () => {
      cancelled = true;
      store.unwatchConversation(conversationId);
    };
  }, [store, conversationId]);

  const messages = transcript.messages;
  const rows = useMemo(() => messageRows(messages, signalView.drafts, me.id), [messages, signalView.drafts, me.id]);

  // Read receipts while the conversation is open and the page visible.
  const newestId = useMemo(() => messages.reduce<number | null>((max, m) => (m.id !== null && (max === null || m.id > max) ? m.id : max), null), [messages]);
  const unread = conversation?.unreadCount ?? 0;
  useEffect(() => {
    if (!visible || newestId === null) return;
    store.markRead(conversationId).catch((error: unknown) => {
      logger.warn('A read receipt failed; the next change tries again.', { conversationId, error: error instanceof Error ? error.name : typeof error });
    });
  }, [store, conversationId, newestId, visible, unread]);

  // The SDK fetches exactly the gap below what is shown; a failure shows below and the next scroll tries again.
  const loadOlder = useCallback(() => {
    if (!store.transcript(conversationId).loaded || store.loadingOlder(conversationId)) return;
    store.loadOlder(conversationId).catch((error: unknown) => {
      logger.warn('Could not load older messages.', { conversationId, error: error instanceof Error ? error.name : typeof error });
    });
  }, [conversationId, store]);

  const retry = useCallback((id: string) => { store.retryMessage(id); }, [store]);
  const otherOwner = useOtherOwner(conversation);
  const jump = useJumpToMessage(store, conversationId, messageId);
  const hitKey = jump?.state === 'found' ? jump.key : undefined;
  const renderRow = useCallback((row: Row) => <MessageItem row={row} onRetry={retry} hit={row.kind === 'message' && row.message.clientMessageId === hitKey} />, [retry, hitKey]);

  if (conversation === undefined) {
    return (
      <div className="empty pane-empty">
        <h2 className="empty-title">{store.core.needsSnapshot ? t.common.loading : t.conversation.notFound}</h2>
        {!store.core.needsSnapshot && <p>{t.conversation.notFoundHint}</p>}
      </div>
    );
  }

  const typingText = signalView.typing.length === 0 ? ''
    : signalView.typing.length === 1 ? fill(t.conversation.oneTyping, { name: signalView.typing[0]! })
      : fill(t.conversation.manyTyping, { names: signalView.typing.slice(0, -1).join(', '), last: signalView.typing[signalView.typing.length - 1]! });
  const thinking = signalView.botThinking && signalView.drafts.every((d) => d.text === '');
  if (details) return <ConversationDetails conversation={conversation} onClose={() => setDetails(false)} />;

  return (
    <div className="conversation-layout">
    <AttachmentScope conversationId={conversationId} className="conversation">
      <ConversationHeader conversation={conversation} onDetails={() => setDetails(true)} />
      {conversation.handoffReason !== null && conversation.state !== 'bot' && conversation.state !== 'resolved' && (
        <div role="note" className="banner banner-note"><strong>{t.conversation.handedOff}</strong> {conversation.handoffReason}</div>
      )}
      <TeachBot key={conversationId} conversation={conversation} messages={messages} />
      {meanwhileNotice !== undefined && (
        <div role="alert" className="banner banner-warn">
          <span><strong>{fill(t.conversation.wroteMeanwhile, { name: conversation.contact?.name ?? t.conversation.theCustomer })}</strong> {t.conversation.stayAssigned}</span>
          <button type="button" className="icon-btn" aria-label={t.conversation.dismiss} onClick={() => meanwhile.update((m) => { const next = new Map(m); next.delete(conversationId); return next; })}>
            <CloseIcon size={14} />
          </button>
        </div>
      )}
      {(jump?.state === 'missing' || jump?.state === 'failed') && (
        <div role="note" className="banner banner-note">{jump.state === 'missing' ? t.conversation.messageMissing : t.conversation.messageFailed}</div>
      )}
      <div className="messages-area">
        <ToastAnchor />
        {store.loadingOlder(conversationId) && <div className="older-loading" role="status">{t.conversation.loadingOlder}</div>}
        {store.olderFailed(conversationId) && !store.loadingOlder(conversationId) && <div className="older-loading older-error">{t.conversation.olderFailed} <button type="button" className="link-btn" onClick={loadOlder}>{t.conversation.tryAgain}</button></div>}
        {jump?.state === 'finding' && <div className="older-loading" role="status">{t.conversation.findingMessage}</div>}
        {loadError && <div className="older-loading older-error">{t.conversation.loadFailed} <button type="button" className="link-btn" onClick={() => { setLoadError(false); void store.watchConversation(conversationId).catch(() => setLoadError(true)); }}>{t.conversation.tryAgain}</button></div>}
        {rows.length === 0 && !loadError
          ? <div role="log" aria-label={t.conversation.messages} className="vl-scroll chat-bg"><p className="empty-log">{conversation.messageCount === 0 ? t.conversation.noMessages : t.conversation.loadingMessages}</p></div>
          : <VirtualList items={rows} getKey={rowKey} estimate={72} render={renderRow} onNearTop={transcript.hasOlder ? loadOlder : undefined} followKey={follow} focusKey={hitKey} className="chat-bg" label={t.conversation.messages} />}
      </div>
      <div className="pane-foot">
        <div className="activity">
          <span role="status" aria-label={t.conversation.typingLabel} className="typing">{typingText !== '' && <><span className="dots" aria-hidden="true"><i /><i /><i /></span>{typingText}</>}</span>
          {thinking && <span role="status" aria-label={t.conversation.botThinkingLabel} className="typing"><span className="dots" aria-hidden="true"><i /><i /><i /></span>{t.conversation.botThinking}</span>}
        </div>
        <Composer conversationId={conversationId} onSent={() => setFollow((f) => f + 1)} owner={otherOwner}
          disabledReason={conversation.state === 'resolved' ? t.conversation.resolvedHint : conversation.botActive ? t.conversation.botHint : null} />
      </div>
    </AttachmentScope>
      {/* Wide screens: the contact's panel as a right column (narrower ones show it under Details). */}
      {conversation.contact !== null && <div className="contact-column"><ContactPanel contactId={conversation.contact.id} conversationId={conversationId} /></div>}
    </div>
  );
}

function useDocumentVisible(): boolean {
  return useSyncExternalStore((listener) => {
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  }, () => document.visibilityState === 'visible');
}
