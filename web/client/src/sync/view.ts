import type { ConversationPatch } from './conversationPatch.js';
import { applySnooze } from './snooze.js';
import type { ConversationMessages } from './history.js';
import type { Conversation, Member, Message } from './models.js';
import type { PendingClaim, PendingMessage, PendingMutation, PendingPatch, PendingUpload } from './pending.js';
import { attachmentView, type AttachmentView } from '../attachments/attachment.js';

// The view = confirmed state + pending mutations re-applied in order (DESIGN §1). Pure functions over the
// store's state; the store calls them on every read.

/**
 * A message as a UI shows it: a confirmed server message, or a local one still on its way (`pending`),
 * replaced in place by the server's message once known.
 */
export interface MessageView {
  readonly clientMessageId: string;
  readonly id: number | null;
  readonly ordinal: number | null;
  readonly text: string;
  /** `self` for a local message the server has not answered yet. */
  readonly senderRole: string;
  readonly senderName: string | null;
  /** `sending`, `sent`, `delivered`, `read` or `failed`. */
  readonly status: string;
  /** Not yet confirmed by the stream. */
  readonly pending: boolean;
  readonly isNote: boolean;
  readonly error: string | null;
  /** The server's message, once known. */
  readonly server: Message | null;
  /** True when the message failed and can be retried (`retryMessage`). */
  readonly canRetry: boolean;
  /** Its files: the server's once known, else the local ones on their way (`uploading` with `progress`). */
  readonly attachments: readonly AttachmentView[];
}

/** The confirmed conversation with every pending patch of it re-applied in order. */
export function projectConversation(confirmed: Conversation, pending: readonly PendingMutation[]): Conversation {
  let c = confirmed;
  const mine = pending
    .filter((p): p is PendingPatch | PendingClaim => (p.kind === 'patch' || p.kind === 'claim') && p.conversationId === confirmed.id)
    .sort((a, b) => a.order - b.order);
  for (const p of mine) c = p.kind === 'patch' ? applyPatch(c, p.patch) : applyClaim(c, p.claimerId);
  return c === confirmed ? c : Object.freeze(c);
}

/** The optimistic guess of a claim: the claimer's, assigned, bot off (what the server's claim does). */
export function applyClaim(c: Conversation, claimerId: number): Conversation {
  if (c.assigneeId === claimerId && c.state !== 'queued') return c;
  return { ...c, assigneeId: claimerId, state: 'assigned', botActive: false };
}

/** Pending patches of one conversation, in creation order. */
export function pendingPatchesOf(pending: readonly PendingMutation[], conversationId: number): PendingPatch[] {
  return pending
    .filter((p): p is PendingPatch => p.kind === 'patch' && p.conversationId === conversationId)
    .sort((a, b) => a.order - b.order);
}

/** The optimistic guess of a patch's effect, in the server's order: assignee, bot switch, resolve. */
export function applyPatch(conversation: Conversation, patch: ConversationPatch): Conversation {
  let c = conversation;
  if (patch.assigneeId !== undefined) {
    c = patch.assigneeId === null
      ? { ...c, assigneeId: null, state: c.state === 'assigned' ? 'queued' : c.state }
      : { ...c, assigneeId: patch.assigneeId, botActive: false, state: c.state === 'waiting_customer' ? c.state : 'assigned' };
  }
  if (patch.botActive !== undefined && c.state !== 'resolved') {
    c = patch.botActive
      ? { ...c, botActive: true, state: 'bot' }
      : { ...c, botActive: false, state: c.state === 'bot' ? (c.assigneeId === null ? 'queued' : 'assigned') : c.state };
  }
  if (patch.resolved !== undefined) {
    if (patch.resolved) c = { ...c, state: 'resolved', botActive: false, snoozedUntil: null, snoozeUntilReply: false, wakeReason: null };
    else if (c.state === 'resolved') c = { ...c, state: c.assigneeId === null ? 'queued' : 'assigned' };
  }
  if (patch.snooze !== undefined) c = applySnooze(c, patch.snooze);
  return c;
}

/** Newest activity first (last message, else creation), then the higher id. */
export function byActivity(conversations: Conversation[]): Conversation[] {
  const keyed = conversations.map((c) => ({ c, at: Date.parse(c.lastMessageAt ?? c.createdAt) }));
  keyed.sort((a, b) => b.at - a.at || b.c.id - a.c.id);
  return keyed.map((k) => k.c);
}

export function byId(members: Iterable<Member>): Member[] {
  return [...members].sort((a, b) => a.id - b.id);
}

/**
 * A conversation's messages: confirmed ones in conversation order, then local ones still on their way,
 * in the order they were written. Each clientMessageId appears once.
 */
export function messageViews(confirmed: ConversationMessages | undefined, pending: readonly PendingMutation[], conversationId: number): MessageView[] {
  const view = (confirmed?.all() ?? []).map(confirmedView);
  for (const p of localMessages(confirmed, pending, conversationId)) view.push(localView(p));
  return view;
}

/** What a view shows of a conversation (see `LiveStoreCore.transcript`). */
export interface Transcript {
  /** The newest contiguous range of confirmed messages in conversation order, then local ones on their way. */
  readonly messages: readonly MessageView[];
  /** Some range is loaded (false until the first page is in). */
  readonly loaded: boolean;
  /** Older messages exist that the view does not hold yet (`loadOlder` fetches them). */
  readonly hasOlder: boolean;
  /** The first ordinal the view holds, or null. */
  readonly from: number | null;
  /** @internal What it was built from, to hand out the same object until that changes. */
  readonly key: string;
}

export function transcriptOf(held: ConversationMessages | undefined, pending: readonly PendingMutation[], conversationId: number, cached: Transcript | undefined): Transcript {
  const local = localMessages(held, pending, conversationId);
  // Pending messages are few; the confirmed part is rebuilt only when something inside the newest range changed.
  const key = `${held?.viewVersion ?? -1}|${local.map((p) => `${p.key}:${p.state}:${p.server?.version ?? ''}:${p.rev}`).join(',')}`;
  if (cached !== undefined && cached.key === key) return cached;
  const top = held?.ranges.top;
  const messages = (held?.topSlice() ?? []).map(confirmedView);
  for (const p of local) messages.push(localView(p));
  return Object.freeze({ messages: Object.freeze(messages), loaded: top !== undefined, hasOlder: top === undefined || top.from > 1, from: top?.from ?? null, key });
}

function localMessages(confirmed: ConversationMessages | undefined, pending: readonly PendingMutation[], conversationId: number): PendingMessage[] {
  return pending
    .filter((p): p is PendingMessage => p.kind === 'message' && p.conversationId === conversationId && !(confirmed?.has(p.key) ?? false))
    .sort((a, b) => a.order - b.order);
}

const views = new WeakMap<Message, MessageView>();

function confirmedView(m: Message): MessageView {
  // Messages are immutable snapshots: one view each, so a long transcript is not re-allocated per read.
  const known = views.get(m);
  if (known !== undefined) return known;
  const view: MessageView = Object.freeze({
    clientMessageId: m.clientMessageId, id: m.id, ordinal: m.ordinal, text: m.text, senderRole: m.senderRole,
    senderName: m.senderName, status: m.status, pending: false, isNote: m.isNote, error: m.error, server: m, canRetry: false,
    attachments: attachmentViews(m),
  });
  views.set(m, view);
  return view;
}

function localView(p: PendingMessage): MessageView {
  // An answer proves the message is stored ("sent"), nothing more: a later status in a replayed answer
  // must come from the stream, or the view would move back when the older creation event arrives.
  const status = p.state === 'failed' ? 'failed' : p.server === null ? 'sending' : 'sent';
  const s = p.server;
  return Object.freeze({
    clientMessageId: p.key, id: s?.id ?? null, ordinal: s?.ordinal ?? null, text: p.text, senderRole: s?.senderRole ?? 'self',
    senderName: s?.senderName ?? null, status, pending: true, isNote: p.isNote, error: p.error, server: s, canRetry: status === 'failed',
    attachments: s === null ? Object.freeze(p.uploads.map(uploadView)) : attachmentViews(s),
  });
}

const noAttachmentViews: readonly AttachmentView[] = Object.freeze([]);

function attachmentViews(m: Message): readonly AttachmentView[] {
  return m.attachments.length === 0 ? noAttachmentViews : Object.freeze(m.attachments.map(attachmentView));
}

function uploadView(u: PendingUpload): AttachmentView {
  if (u.server !== null) return attachmentView(u.server);
  return Object.freeze({
    clientAttachmentId: u.key, id: null, fileName: u.name, contentType: u.file.type === '' ? 'application/octet-stream' : u.file.type,
    size: u.file.size, width: null, height: null, hasThumbnail: false, status: u.state === 'failed' ? 'failed' : u.state === 'done' ? 'ready' : 'uploading',
    progress: u.state === 'done' ? 1 : u.progress, error: u.error,
  });
}
