import { useLive } from '../live/LiveContext.js';
import { Page } from '../ui/Page.js';
import { BotSection } from './BotSection.js';
import { FaqSection } from './FaqSection.js';
import { InboxesSection } from './InboxesSection.js';
import { MembersSection } from './MembersSection.js';
import { WebhooksSection } from './WebhooksSection.js';
import { WidgetSection } from './widget/WidgetSection.js';

const sections = [
  { id: 'members', label: 'Members' },
  { id: 'inboxes', label: 'Inboxes' },
  { id: 'widget', label: 'Widget' },
  { id: 'faq', label: 'FAQ' },
  { id: 'bot', label: 'Bot settings' },
  { id: 'webhooks', label: 'Webhooks' },
];

export function AdminPage() {
  const { isAdmin } = useLive();
  return (
    <Page title="Admin" wide className="admin" lead={isAdmin ? 'Your team, channels, bot and integrations.' : 'You can look; only admins can change these settings.'}>
      <nav aria-label="Admin sections" className="subnav">
        {sections.map((s) => <a key={s.id} href={`#${s.id}`}>{s.label}</a>)}
      </nav>
      <MembersSection />
      <InboxesSection />
      <WidgetSection />
      <FaqSection />
      <BotSection />
      <WebhooksSection />
    </Page>
  );
}
