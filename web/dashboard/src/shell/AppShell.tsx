import { useMemo, type ReactNode } from 'react';
import { t } from '../i18n/index.js';
import { isWaiting } from '../conversations/conversationStore.js';
import { useConversations, useLive } from '../live/LiveContext.js';
import { linkProps, useRoute, type Route } from '../router.js';
import { AdminIcon, InboxIcon, LogoutIcon, NoteIcon, QueueIcon, StatsIcon } from '../ui/icons.js';
import { initials } from '../ui/format.js';
import { InboxPage } from '../conversations/InboxPage.js';
import { WaitingRoom } from '../queue/WaitingRoom.js';
import { StatsPage } from '../stats/StatsPage.js';
import { AdminPage } from '../admin/AdminPage.js';
import { RepliesPage } from '../cannedReplies/RepliesPage.js';
import { AlertsControls } from '../alerts/AlertsControls.js';
import { useAlerts } from '../alerts/useAlerts.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { PresenceSelect } from './PresenceSelect.js';

export function AppShell({ onSignOut }: { readonly onSignOut: () => void }) {
  const route = useRoute();
  const { me, isAdmin } = useLive();
  useAlerts();
  const conversations = useConversations();
  const { unread, waiting } = useMemo(() => ({
    unread: conversations.filter((c) => c.unreadCount > 0 && c.state !== 'resolved').length,
    waiting: conversations.filter(isWaiting).length,
  }), [conversations]);

  let page: ReactNode;
  switch (route.name) {
    case 'queue': page = <WaitingRoom />; break;
    case 'stats': page = <StatsPage />; break;
    case 'admin': page = <AdminPage />; break;
    case 'replies': page = <RepliesPage />; break;
    default: page = <InboxPage conversationId={route.name === 'inbox' ? route.conversationId : null} messageId={route.name === 'inbox' ? route.messageId ?? null : null} />;
  }

  return (
    <div className={`shell${route.name === 'inbox' && route.conversationId !== null ? ' shell-conversation' : ''}`}>
      <aside className="sidebar">
        <div className="brand"><span className="brand-mark" aria-hidden="true">S</span><span className="brand-name">Switchboard</span></div>
        <nav aria-label={t.shell.main} className="nav">
          <NavLink route={{ name: 'inbox', conversationId: null }} active={route.name === 'inbox'} icon={<InboxIcon />} label={t.shell.inbox} count={unread} countLabel={t.shell.unreadConversations} />
          <NavLink route={{ name: 'queue' }} active={route.name === 'queue'} icon={<QueueIcon />} label={t.shell.waitingRoom} count={waiting} countLabel={t.shell.waiting} />
          <NavLink route={{ name: 'stats' }} active={route.name === 'stats'} icon={<StatsIcon />} label={t.shell.statistics} count={0} countLabel="" />
          {/* Admin settings are for admins: operators are not offered a page of refusals. */}
          <NavLink route={{ name: 'replies' }} active={route.name === 'replies'} icon={<NoteIcon />} label="Replies" count={0} countLabel="" />
          {isAdmin && <NavLink route={{ name: 'admin' }} active={route.name === 'admin'} icon={<AdminIcon />} label={t.shell.admin} count={0} countLabel="" />}
        </nav>
        <div className="sidebar-foot">
          <ConnectionIndicator />
          <PresenceSelect />
          <AlertsControls />
          <div className="me">
            <span className="avatar avatar-sm" aria-hidden="true">{initials(me.name)}</span>
            <span className="me-text"><span className="me-name">{me.name}</span><span className="me-role">{me.role}</span></span>
            <button type="button" className="icon-btn" onClick={onSignOut} aria-label={t.shell.signOut} title={t.shell.signOut}><LogoutIcon size={16} /></button>
          </div>
        </div>
      </aside>
      <div className="page">{page}</div>
    </div>
  );
}

interface NavLinkProps {
  readonly route: Route;
  readonly active: boolean;
  readonly icon: ReactNode;
  readonly label: string;
  readonly count: number;
  readonly countLabel: string;
}

function NavLink({ route, active, icon, label, count, countLabel }: NavLinkProps) {
  return (
    <a {...linkProps(route)} className={`nav-link${active ? ' active' : ''}`} aria-current={active ? 'page' : undefined}>
      {icon}
      <span className="nav-label">{label}</span>
      {/* The link's name stays exactly its label; the count is a visual hint (the pages say it in words). */}
      {count > 0 && <span className="nav-count" aria-hidden="true" title={`${count} ${countLabel}`}>{count}</span>}
    </a>
  );
}
