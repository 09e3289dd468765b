import { patchRequest, type ConversationPatch } from './conversationPatch.js';
import type { Message } from './models.js';
import type { Attachment } from '../attachments/attachment.js';

/**
 * A write the store wants sent. `key` is the write's idempotency id (`clientMessageId` or `mutationId`):
 * every attempt of the same write carries the same key, so the server applies it once however often it
 * arrives. `attempt` counts from 1.
 */
export interface OutgoingRequest {
  readonly key: string;
  readonly method: 'POST' | 'PATCH' | 'PUT';
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly attempt: number;
  /** For an upload (`PUT`, key = clientAttachmentId): the bytes to send as the body, instead of `body`. */
  readonly upload?: { readonly conversationId: number; readonly file: Blob; readonly name: string };
}

/**
 * A file of a pending message on its way: `queued`, `inFlight`, `waitingRetry` (as writes are), `done` (the server
 * stored it) or `failed` (`error` is the server's refusal code, or null when the retries ran out).
 */
export interface PendingUpload {
  /** The clientAttachmentId: every attempt carries it, so a retried upload is stored once. */
  readonly key: string;
  readonly file: Blob;
  readonly name: string;
  state: 'queued' | 'inFlight' | 'waitingRetry' | 'done' | 'failed';
  attempts: number;
  retryAt: number;
  /** 0..1 of the bytes sent, as the uploader reports it. */
  progress: number;
  error: string | null;
  server: Attachment | null;
}

/**
 * Where a pending write is on its way to being confirmed:
 * `queued` (waiting its turn or not yet taken), `inFlight` (sent, no answer yet), `waitingRetry` (failed
 * in transport or with a retryable status; retried at `retryAt`), `acknowledged` (the server answered with
 * its seq; dropped once the stream confirms it), `failed` (a message whose retries ran out; shown as
 * failed until the user retries).
 */
export type PendingState = 'queued' | 'inFlight' | 'waitingRetry' | 'acknowledged' | 'failed';

interface PendingBase {
  readonly key: string;
  readonly conversationId: number;
  /** Creation order: pending changes are re-applied over the confirmed state in this order. */
  readonly order: number;
  state: PendingState;
  attempts: number;
  /** Epoch ms. */
  retryAt: number;
  /** The seq the server's answer named; confirmed once the cursor reaches it. */
  responseSeq: number | null;
}

/** A local message not yet confirmed by the stream. */
export interface PendingMessage extends PendingBase {
  readonly kind: 'message';
  readonly text: string;
  readonly seenSeq: number | null;
  readonly isNote: boolean;
  /** Sent as `replyAnyway`: the sender chose to reply in a colleague's conversation. */
  readonly replyAnyway: boolean;
  /** The server's message from the POST answer: shown in place of the local one until the event confirms it. */
  server: Message | null;
  /** Its files; the message is posted (with their ids) only once every one is `done`. */
  readonly uploads: PendingUpload[];
  /** Why it failed when an upload was refused (the server's code); a failed message without it ran out of retries. */
  error: string | null;
  /** Grows with every change of its uploads (progress included), so a cached view knows it is stale. */
  rev: number;
  /** Its POST went out at least once (it may be stored even without an answer): it can no longer be cancelled. */
  posted: boolean;
}

/** A local change of a conversation not yet confirmed by the stream. */
export interface PendingPatch extends PendingBase {
  readonly kind: 'patch';
  readonly patch: ConversationPatch;
}

/**
 * A local claim (`POST /conversations/{id}/claim`, or `POST /queue/claim` for the longest waiting): shown at once
 * as the claimer's. `conversationId` is 0 for "claim next" until the answer names the conversation.
 */
export interface PendingClaim extends Omit<PendingBase, 'conversationId'> {
  readonly kind: 'claim';
  conversationId: number;
  /** The conversation asked for, or null for "claim next". */
  readonly requested: number | null;
  /** Who the claim assigns the conversation to. */
  readonly claimerId: number;
}

/** A local change the server has not confirmed yet (DESIGN §1 "Client live store"). */
export type PendingMutation = PendingMessage | PendingPatch | PendingClaim;

export function newPendingMessage(key: string, conversationId: number, order: number, text: string, seenSeq: number | null, isNote: boolean,
  replyAnyway = false, uploads: PendingUpload[] = []): PendingMessage {
  return { kind: 'message', key, conversationId, order, text, seenSeq, isNote, replyAnyway, server: null, uploads, error: null, rev: 0, posted: false, ...fresh() };
}

export function newPendingUpload(key: string, file: Blob, name: string): PendingUpload {
  return { key, file, name, state: 'queued', attempts: 0, retryAt: 0, progress: 0, error: null, server: null };
}

/** The upload request of one file of a message. */
export function toUploadRequest(p: PendingMessage, u: PendingUpload): OutgoingRequest {
  return Object.freeze({
    key: u.key,
    method: 'PUT',
    path: `/api/v1/conversations/${p.conversationId}/attachments/${encodeURIComponent(u.key)}?name=${encodeURIComponent(u.name)}`,
    body: Object.freeze({}),
    attempt: u.attempts,
    upload: Object.freeze({ conversationId: p.conversationId, file: u.file, name: u.name }),
  });
}

export function newPendingPatch(key: string, conversationId: number, order: number, patch: ConversationPatch): PendingPatch {
  return { kind: 'patch', key, conversationId, order, patch, ...fresh() };
}

export function newPendingClaim(key: string, requested: number | null, claimerId: number, order: number): PendingClaim {
  return { kind: 'claim', key, conversationId: requested ?? 0, requested, claimerId, order, ...fresh() };
}

function fresh(): Pick<PendingBase, 'state' | 'attempts' | 'retryAt' | 'responseSeq'> {
  return { state: 'queued', attempts: 0, retryAt: 0, responseSeq: null };
}

/** Writes to one target are sent one at a time and in order, so the last intent wins on the server. */
export function targetOf(p: PendingMutation): string {
  if (p.kind === 'message') return `messages:${p.conversationId}`;
  // A claim of one conversation queues with its patches; claims of "the next one" queue among themselves.
  return p.kind === 'claim' && p.requested === null ? 'queue' : `conversation:${p.conversationId}`;
}

export function toRequest(p: PendingMutation): OutgoingRequest {
  if (p.kind === 'claim') {
    return Object.freeze({
      key: p.key,
      method: 'POST',
      path: p.requested === null ? '/api/v1/queue/claim' : `/api/v1/conversations/${p.requested}/claim`,
      body: Object.freeze({ mutationId: p.key }),
      attempt: p.attempts,
    });
  }
  if (p.kind === 'patch') {
    const { method, path, body } = patchRequest(p.conversationId, p.patch, p.key);
    return Object.freeze({ key: p.key, method, path, body: Object.freeze(body), attempt: p.attempts });
  }
  const body: Record<string, unknown> = { clientMessageId: p.key, text: p.text };
  if (p.seenSeq !== null) body['seenSeq'] = p.seenSeq;
  if (p.isNote) body['isNote'] = true;
  if (p.replyAnyway) body['replyAnyway'] = true;
  if (p.uploads.length > 0) body['attachmentIds'] = p.uploads.map((u) => u.key);
  return Object.freeze({
    key: p.key,
    method: 'POST',
    path: `/api/v1/conversations/${p.conversationId}/messages`,
    body: Object.freeze(body),
    attempt: p.attempts,
  });
}
