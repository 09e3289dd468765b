import { ConversationList } from './ConversationList.js';
import { SearchPanel } from '../search/SearchPanel.js';
import { ConversationView } from '../conversation/ConversationView.js';
import { ChatIcon } from '../ui/icons.js';
import { InboxShortcuts } from '../keyboard/InboxShortcuts.js';

export function InboxPage({ conversationId, messageId = null }: { readonly conversationId: number | null; readonly messageId?: number | null }) {
  return (
    // The inbox is the page's main content; on phones it shows the list or the open conversation, one at a time.
    <main className={`inbox${conversationId === null ? '' : ' inbox-open'}`}>
      <InboxShortcuts conversationId={conversationId} />
      <SearchPanel selectedId={conversationId}><ConversationList selectedId={conversationId} /></SearchPanel>
      <section className="pane" aria-label="Conversation">
        {conversationId === null
          ? (
            <div className="empty pane-empty">
              <span className="empty-icon"><ChatIcon size={28} /></span>
              <h2 className="empty-title">No conversation open</h2>
              <p>Pick one from the list, or claim the next customer from the waiting room.</p>
              <p className="hint"><kbd>↑</kbd> <kbd>↓</kbd> move through the list, <kbd>Enter</kbd> opens; <kbd>j</kbd> <kbd>k</kbd> open the next or previous, <kbd>?</kbd> shows every shortcut.</p>
            </div>
          )
          : <ConversationView key={conversationId} conversationId={conversationId} messageId={messageId} />}
      </section>
    </main>
  );
}
