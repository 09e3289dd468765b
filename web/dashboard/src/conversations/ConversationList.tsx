import { useMemo, useRef, useSyncExternalStore, type CSSProperties, type KeyboardEvent } from 'react';
import { fill, t } from '../i18n/index.js';
import type { Conversation, Label } from '@switchboard/client';
import { LabelChips } from '../labels/LabelChips.js';
import { LabelFilter } from '../labels/LabelFilter.js';
import { labelFilter, matchesLabel } from '../labels/labelFilterState.js';
import { labelsOf, useLabels } from '../labels/useLabels.js';
import { useConversations, useLive, useLoaded } from '../live/LiveContext.js';
import { navigate } from '../router.js';
import { hue, initials, shortTime } from '../ui/format.js';
import { BotIcon } from '../ui/icons.js';
import { useNow } from '../ui/useNow.js';
import { markerLabel, snoozeLabel } from '../conversation/snoozeTimes.js';
import { contactName, filterCounts, inboxFilters, inboxState, visibleConversations, type InboxFilter } from './conversationStore.js';

export function ConversationList({ selectedId }: { readonly selectedId: number | null }) {
  const { me, signals } = useLive();
  const all = useConversations();
  const loaded = useLoaded();
  const { filter, query } = useSyncExternalStore(inboxState.subscribe, inboxState.get);
  useSyncExternalStore(signals.subscribe, () => signals.revision);
  const now = useNow(30_000);
  const labelId = useSyncExternalStore(labelFilter.subscribe, labelFilter.get);
  const labels = useLabels();
  const shown = useMemo(() => visibleConversations(all, filter, query, me.id).filter((c) => matchesLabel(c, labelId)), [all, filter, query, me.id, labelId]);
  const counts = useMemo(() => filterCounts(all, me.id), [all, me.id]);
  const tabRefs = useRef(new Map<InboxFilter, HTMLButtonElement>());

  function onTabKey(e: KeyboardEvent, index: number) {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0) return;
    e.preventDefault();
    const next = inboxFilters[(index + delta + inboxFilters.length) % inboxFilters.length];
    if (next === undefined) return;
    inboxState.setFilter(next.id);
    tabRefs.current.get(next.id)?.focus();
  }

  function onItemKey(e: KeyboardEvent<HTMLLIElement>, c: Conversation) {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      navigate({ name: 'inbox', conversationId: c.id });
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const sibling = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      if (sibling instanceof HTMLElement) sibling.focus();
    }
  }

  return (
    <section className="list-column" aria-label={t.inbox.listLabel}>
      <header className="list-head">
        <h1 className="list-title">{t.inbox.title}</h1>
        <LabelFilter />
        <div role="tablist" aria-label={t.inbox.filters} className="tabs">
          {inboxFilters.map((f, i) => (
            <button key={f.id} type="button" role="tab" id={`tab-${f.id}`} aria-selected={filter === f.id} aria-controls="conversation-list"
              tabIndex={filter === f.id ? 0 : -1} className="tab" onClick={() => inboxState.setFilter(f.id)} onKeyDown={(e) => onTabKey(e, i)}
              ref={(el) => { if (el) tabRefs.current.set(f.id, el); else tabRefs.current.delete(f.id); }}>
              {f.label}
              {counts[f.id].total > 0 && f.id !== 'all' && f.id !== 'resolved' && <span className="tab-count" aria-hidden="true">{counts[f.id].total}</span>}
            </button>
          ))}
        </div>
      </header>
      <div role="tabpanel" id="conversation-list" aria-labelledby={`tab-${filter}`} className="list-scroll">
        {!loaded && all.length === 0
          ? <ListSkeleton />
          : shown.length === 0
            ? <EmptyList filter={filter} query={query} />
            : (
              <ul role="list" aria-label={t.inbox.conversations} className="conversation-list">
                {shown.map((c) => (
                  <ConversationItem key={c.id} conversation={c} labels={labelsOf(labels, c.labelIds)} selected={c.id === selectedId} now={now}
                    typing={signals.view(c.id).typing.length > 0} onKeyDown={(e) => onItemKey(e, c)} />
                ))}
              </ul>
            )}
      </div>
    </section>
  );
}

interface ItemProps {
  readonly conversation: Conversation;
  readonly labels: readonly Label[];
  readonly selected: boolean;
  readonly now: number;
  readonly typing: boolean;
  readonly onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => void;
}

function ConversationItem({ conversation: c, labels, selected, now, typing, onKeyDown }: ItemProps) {
  const name = contactName(c);
  const unread = c.unreadCount > 0 && !selected;
  return (
    <li className={`conversation-item${selected ? ' selected' : ''}${unread ? ' unread' : ''}`} tabIndex={0}
      aria-current={selected ? 'true' : undefined} onClick={() => navigate({ name: 'inbox', conversationId: c.id })} onKeyDown={onKeyDown}>
      <span className="avatar" style={{ '--h': hue(c.contact?.id ?? c.id) } as CSSProperties} aria-hidden="true">{initials(name)}</span>
      <span className="ci-body">
        <span className="ci-top">
          <span className="ci-name">{name}</span>
          <time className="ci-time" dateTime={c.lastMessageAt ?? c.createdAt}>{shortTime(c.lastMessageAt ?? c.createdAt, now)}</time>
        </span>
        <span className="ci-bottom">
          <span className={`ci-preview${typing ? ' ci-typing' : ''}`}>{typing ? t.inbox.typing : (c.lastMessagePreview ?? t.inbox.noMessages)}</span>
          {c.state === 'bot' && <span className="ci-state" title={t.inbox.botAnswering}><BotIcon size={13} /></span>}
          {c.state === 'queued' && <span className="pill pill-warn">{t.inbox.queued}</span>}
          {c.state === 'resolved' && <span className="pill">{t.inbox.resolved}</span>}
          <SnoozeBadges conversation={c} now={now} />
          {c.unreadCount > 0 && <span className="badge" aria-label={fill(t.inbox.unread, { n: c.unreadCount })}>{c.unreadCount}</span>}
        </span>
        <LabelChips labels={labels} compact />
      </span>
    </li>
  );
}

/** Under "Snoozed", when it wakes; once woken, why (until someone deals with it). */
function SnoozeBadges({ conversation: c, now }: { readonly conversation: Conversation; readonly now: number }) {
  const marker = markerLabel(c);
  const sleeping = snoozeLabel(c, new Date(now));
  return (
    <>
      {sleeping !== null && <span className="pill pill-snoozed">{sleeping}</span>}
      {marker !== null && <span className="pill pill-woke" aria-label={`${t.snooze.marker}: ${marker}`} title={marker}>{markerLabel(c, true)}</span>}
    </>
  );
}

function EmptyList({ filter, query }: { readonly filter: InboxFilter; readonly query: string }) {
  const text = query.trim() !== ''
    ? fill(t.inbox.noMatch, { query: query.trim() })
    : t.inbox.empty[filter];
  return <div className="empty list-empty"><p>{text}</p></div>;
}

function ListSkeleton() {
  return (
    <div className="skeleton-list" aria-busy="true" aria-label={t.inbox.loading}>
      {[0, 1, 2, 3, 4].map((i) => <div key={i} className="skeleton-item"><span className="skeleton-avatar" /><span className="skeleton-lines"><span /><span /></span></div>)}
    </div>
  );
}
