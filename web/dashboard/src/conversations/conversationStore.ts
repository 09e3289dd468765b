import type { Conversation } from '@switchboard/client';
import { createObservable } from '../ui/createStore.js';

// The inbox's state apart from its UI: which filter and search are chosen, and the pure functions that turn the
// live store's conversations (already newest activity first) into the list shown. The list reorders live
// because it is recomputed from the live store on every change; nothing here keeps its own copy.

export type InboxFilter = 'mine' | 'queued' | 'bot' | 'all' | 'resolved' | 'snoozed';

export const inboxFilters: readonly { readonly id: InboxFilter; readonly label: string }[] = [
  { id: 'mine', label: 'Mine' },
  { id: 'queued', label: 'Queued' },
  { id: 'bot', label: 'Bot' },
  { id: 'all', label: 'All' },
  { id: 'resolved', label: 'Resolved' },
  { id: 'snoozed', label: 'Snoozed' },
];

export function isInboxFilter(value: string | null | undefined): value is InboxFilter {
  return inboxFilters.some((f) => f.id === value);
}

/**
 * Whether a conversation belongs under a filter. `all` is every conversation, resolved ones included, except the
 * snoozed: they leave every list but "Snoozed" until they wake.
 */
export function matchesFilter(c: Conversation, filter: InboxFilter, meId: number | null): boolean {
  if (filter === 'snoozed') return isSnoozed(c);
  if (isSnoozed(c)) return false;
  switch (filter) {
    case 'mine': return meId !== null && c.assigneeId === meId && c.state !== 'resolved';
    case 'queued': return c.state === 'queued';
    case 'bot': return c.state === 'bot';
    case 'resolved': return c.state === 'resolved';
    case 'all': return true;
  }
}

/**
 * True while a conversation sleeps (the SDK's `isSnoozed`, restated: the stores import only the SDK's types, so their
 * unit tests run without bundling it).
 */
export function isSnoozed(c: Pick<Conversation, 'snoozedUntil' | 'snoozeUntilReply'>): boolean {
  return c.snoozedUntil !== null || c.snoozeUntilReply;
}

/** Waiting in the queue for someone: queued and not snoozed (the waiting room, its count, the alerts). */
export function isWaiting(c: Conversation): boolean {
  return c.state === 'queued' && !isSnoozed(c);
}

/** The name shown for a conversation's customer. */
export function contactName(c: Conversation): string {
  const name = c.contact?.name?.trim();
  if (name !== undefined && name !== '') return name;
  const email = c.contact?.email?.trim();
  if (email !== undefined && email !== '') return email;
  return `Visitor #${c.contact?.id ?? c.id}`;
}

/** Case- and accent-insensitive search on the contact's name (and email). */
export function matchesQuery(c: Conversation, query: string): boolean {
  const q = fold(query.trim());
  if (q === '') return true;
  return fold(contactName(c)).includes(q) || fold(c.contact?.email ?? '').includes(q);
}

/** The list as shown: the live order (newest activity first) kept, filtered and searched. */
export function visibleConversations(all: readonly Conversation[], filter: InboxFilter, query: string, meId: number | null): Conversation[] {
  return all.filter((c) => matchesFilter(c, filter, meId) && matchesQuery(c, query));
}

/** Per filter: how many conversations, and how many of them have unread customer messages. */
export function filterCounts(all: readonly Conversation[], meId: number | null): Record<InboxFilter, { total: number; unread: number }> {
  const counts = {} as Record<InboxFilter, { total: number; unread: number }>;
  for (const f of inboxFilters) counts[f.id] = { total: 0, unread: 0 };
  for (const c of all) {
    for (const f of inboxFilters) {
      if (!matchesFilter(c, f.id, meId)) continue;
      counts[f.id].total++;
      if (c.unreadCount > 0) counts[f.id].unread++;
    }
  }
  return counts;
}

/** Human label of a conversation state. */
export function stateLabel(state: string): string {
  switch (state) {
    case 'bot': return 'Bot';
    case 'queued': return 'Queued';
    case 'assigned': return 'Assigned';
    case 'waiting_customer': return 'Waiting for customer';
    case 'resolved': return 'Resolved';
    default: return state;
  }
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

export interface InboxState {
  readonly filter: InboxFilter;
  readonly query: string;
}

const initial: InboxState = { filter: 'all', query: '' };
const state = createObservable<InboxState>(initial);

/** The chosen filter and search, shared by the list and the shell. */
export const inboxState = {
  get: state.get,
  subscribe: state.subscribe,
  setFilter(filter: InboxFilter): void { state.update((s) => ({ ...s, filter })); },
  setQuery(query: string): void { state.update((s) => ({ ...s, query })); },
  reset(): void { state.set(initial); },
};
