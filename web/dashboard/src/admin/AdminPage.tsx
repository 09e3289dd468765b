import { useLive } from '../live/LiveContext.js';
import { Page } from '../ui/Page.js';
import { CannedRepliesSection } from '../cannedReplies/CannedRepliesSection.js';
import { BotSection } from './BotSection.js';
import { FaqSection } from './FaqSection.js';
import { LabelsSection } from '../labels/LabelsSection.js';
import { TeamsSection } from '../teams/TeamsSection.js';
import { InboxesSection } from './InboxesSection.js';
import { MembersSection } from './MembersSection.js';
import { WebhooksSection } from './WebhooksSection.js';
import { WidgetSection } from './widget/WidgetSection.js';
import { CsatSection } from '../csat/CsatSection.js';
import { AttachmentsSection } from '../attachments/AttachmentsSection.js';

const sections = [
  { id: 'members', label: 'Members' },
  { id: 'teams', label: 'Teams' },
  { id: 'inboxes', label: 'Inboxes' },
  { id: 'widget', label: 'Widget' },
  { id: 'faq', label: 'FAQ' },
  { id: 'canned-replies', label: 'Canned replies' },
  { id: 'bot', label: 'Bot settings' },
  { id: 'webhooks', label: 'Webhooks' },
  { id: 'labels', label: 'Labels' },
  { id: 'csat', label: 'Satisfaction' },
  { id: 'attachments', label: 'Attachments' },
];

export function AdminPage() {
  const { isAdmin } = useLive();
  // Operators never reach the admin endpoints (each would answer 403): the page says why instead.
  if (!isAdmin) {
    return (
      <Page title="Admin" lead="Members, inboxes, the FAQ, bot settings and webhooks.">
        <div className="card empty admins-only">
          <h2 className="empty-title">Admins only</h2>
          <p>Only an admin of this workspace can see and change these settings. Ask an admin if something needs to change.</p>
        </div>
      </Page>
    );
  }
  return (
    <Page title="Admin" wide className="admin" lead="Your team, channels, bot and integrations.">
      <nav aria-label="Admin sections" className="subnav">
        {sections.map((s) => <a key={s.id} href={`#${s.id}`}>{s.label}</a>)}
      </nav>
      <MembersSection />
      <TeamsSection />
      <InboxesSection />
      <WidgetSection />
      <FaqSection />
      <CannedRepliesSection />
      <BotSection />
      <WebhooksSection />
      <LabelsSection />
      <CsatSection />
      <AttachmentsSection />
    </Page>
  );
}
