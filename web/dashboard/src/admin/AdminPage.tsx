import { useLive } from '../live/LiveContext.js';
import { BotSection } from './BotSection.js';
import { FaqSection } from './FaqSection.js';
import { InboxesSection } from './InboxesSection.js';
import { MembersSection } from './MembersSection.js';
import { WebhooksSection } from './WebhooksSection.js';

const sections = [
  { id: 'members', label: 'Members' },
  { id: 'inboxes', label: 'Inboxes' },
  { id: 'faq', label: 'FAQ' },
  { id: 'bot', label: 'Bot settings' },
  { id: 'webhooks', label: 'Webhooks' },
];

export function AdminPage() {
  const { isAdmin } = useLive();
  return (
    <main className="page-scroll">
      <div className="page-inner page-wide admin">
        <header className="page-head">
          <div>
            <h1>Admin</h1>
            <p className="muted">{isAdmin ? 'Your team, channels, bot and integrations.' : 'You can look; only admins can change these settings.'}</p>
          </div>
        </header>
        <nav aria-label="Admin sections" className="subnav">
          {sections.map((s) => <a key={s.id} href={`#${s.id}`}>{s.label}</a>)}
        </nav>
        <MembersSection />
        <InboxesSection />
        <FaqSection />
        <BotSection />
        <WebhooksSection />
      </div>
    </main>
  );
}
