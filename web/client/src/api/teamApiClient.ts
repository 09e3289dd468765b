import { patchBody, type ConversationPatch } from '../sync/conversationPatch.js';
import { snoozeRequest, type SnoozeChange } from '../sync/snooze.js';
import { parseConversation, type Conversation } from '../sync/models.js';
import { CannedRepliesApi } from '../cannedReplies/cannedRepliesApi.js';
import { AdminApi } from './adminApi.js';
import { ContactsApi } from '../contacts/contactsApi.js';
import { LabelsApi } from './labelsApi.js';
import { CsatApi } from '../csat/csatApi.js';
import { TeamsApi } from './teamsApi.js';
import { BaseApiClient, problem, queryString, type ApiClientOptions, type CallOptions, type ConversationFilter } from './apiClient.js';
import {
  parseConversationsPage, parseConversationWriteResult, parseCurrentCaller, parseLoginResult, parsePostMessageResult, parsePresenceResult, parseQueuePage,
  type ConversationWriteResult, type CurrentCaller, type ItemsPage, type LoginResult, type PostMessageResult, type PresenceResult, type QueuePage,
} from './apiContracts.js';
import { parseSearchResults, type SearchFilter, type SearchResults } from './searchContracts.js';
import { parseTeamSnapshot, TeamParts } from '../team/teamParts.js';
import { parseApiSnapshot, type ApiSnapshot } from './apiContracts.js';

/**
 * The whole REST API for the team's side: {@link BaseApiClient} (what the live store and the widget need), sign-in,
 * lists, presence, the queue and the admin endpoints (`api.admin`). Apart, so the widget's bundle carries none of it.
 */
export class ApiClient extends BaseApiClient {
  /** The admin endpoints: members, inboxes, FAQ, bot settings, webhooks, workspace. */
  readonly admin: AdminApi;
  /** Labels: the workspace's set, a conversation's labels, conversations per label. */
  readonly labels: LabelsApi;
  /** Canned replies: the workspace's and one's own (`api.cannedReplies`). */
  readonly cannedReplies: CannedRepliesApi;
  /** Contacts: read, search, edit, merge (the contact panel). */
  readonly contacts: ContactsApi;
  /** Customer satisfaction statistics (`api.csat.stats()`). */
  readonly csat: CsatApi;
  /** Teams: who sees which inboxes' conversations (`api.teams`). */
  readonly teams: TeamsApi;

  constructor(options: ApiClientOptions = {}) {
    super(options);
    this.admin = new AdminApi(this);
    this.labels = new LabelsApi(this);
    this.cannedReplies = new CannedRepliesApi(this);
    this.contacts = new ContactsApi(this);
    this.csat = new CsatApi(this);
    this.teams = new TeamsApi(this);
  }

  /** A fresh copy of the live store's team-only parts: a `LiveStore` over this client keeps labels, canned replies and team changes. */
  override teamParts(): TeamParts { return new TeamParts(); }

  /** The snapshot with the team's parts (labels, canned replies). */
  override async getSnapshot(options?: CallOptions): Promise<ApiSnapshot> {
    return parseApiSnapshot(await this.getJson('/api/v1/sync/snapshot', options), parseTeamSnapshot);
  }

  /** Signs a member in. Keeps the token for later calls, unless the client authenticates by cookie. */
  async login(email: string, password: string, options?: CallOptions): Promise<LoginResult> {
    const result = parseLoginResult(await this.sendJson('POST', '/api/v1/auth/login', { email, password }, options));
    if (this.credentials !== 'include') this.useToken(result.token);
    return result;
  }

  /** Ends the member session (and clears the cookie); forgets the token. */
  async logout(options?: CallOptions): Promise<void> {
    await this.sendJson('POST', '/api/v1/auth/logout', undefined, options);
    this.useToken(undefined);
  }

  /** Who the caller is: after a page reload, the dashboard learns its member from the cookie this way. */
  async me(options?: CallOptions): Promise<CurrentCaller> {
    return parseCurrentCaller(await this.sendJson('GET', '/api/v1/auth/me', undefined, options));
  }

  /** A page of conversations, newest activity first. */
  async listConversations(filter: ConversationFilter = {}, options?: CallOptions): Promise<ItemsPage<Conversation>> {
    const state = typeof filter.state === 'string' ? filter.state : filter.state?.join(',');
    const query = queryString({
      state, assignee: filter.assignee, inboxId: filter.inboxId, botActive: filter.botActive, updatedSince: filter.updatedSince,
      q: filter.q, limit: filter.limit, cursor: filter.cursor, labelId: filter.labelId, snoozed: filter.snoozed,
      contactId: filter.contactId,
    });
    return parseConversationsPage(await this.sendJson('GET', `/api/v1/conversations${query}`, undefined, options));
  }

  /** One conversation. */
  async getConversation(id: number, options?: CallOptions): Promise<Conversation> {
    return parseConversation(await this.sendJson('GET', `/api/v1/conversations/${id}`, undefined, options));
  }

  /** Sends a message directly (no optimistic view: the `LiveStore` is the way for UIs). */
  async postMessage(conversationId: number, message: { clientMessageId: string; text: string; seenSeq?: number; isNote?: boolean; replyAnyway?: boolean }, options?: CallOptions): Promise<PostMessageResult> {
    return parsePostMessageResult(await this.sendJson('POST', `/api/v1/conversations/${conversationId}/messages`, message, options));
  }

  /** Changes a conversation directly. `ifMatch` (a version) answers 412 `version_mismatch` when it moved on. */
  async patchConversation(conversationId: number, mutationId: string, patch: ConversationPatch, ifMatch?: number, options?: CallOptions): Promise<ConversationWriteResult> {
    const headers = ifMatch === undefined ? undefined : { 'If-Match': `"${ifMatch}"` };
    return parseConversationWriteResult(await this.sendJson('PATCH', `/api/v1/conversations/${conversationId}`, patchBody(patch, mutationId), options, headers));
  }

  /**
   * A conversation's transcript as a file (team only): `text` (default) or `json` (the API's conversation and message
   * shapes), `notes: false` to leave internal notes out, `timeZone` (IANA) for the text's times (default UTC). The
   * file name is the server's (`conversation-42-2026-12-03.txt`). In a browser signed in by cookie, a link to the same
   * URL downloads it without holding it in memory.
   */
  async exportTranscript(conversationId: number, request: TranscriptRequest = {}, options?: CallOptions): Promise<TranscriptFile> {
    const format = request.format ?? 'text';
    const query = queryString({ format, notes: request.notes, timeZone: request.timeZone });
    const response = await this.open(`/api/v1/conversations/${conversationId}/transcript${query}`, { Accept: '*/*' }, options);
    if (!response.ok) throw problem(response.status, await response.text());
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const named = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
    return {
      fileName: named ?? `conversation-${conversationId}.${format === 'json' ? 'json' : 'txt'}`,
      contentType: response.headers.get('Content-Type') ?? '',
      blob: await response.blob(),
    };
  }

  /**
   * Snoozes a conversation until a time or the customer's reply, or, with `null`, wakes it / dismisses its wake marker
   * (400 `snooze_until_invalid`, `snooze_invalid`; 409 `conversation_resolved`). Retry with the same id.
   */
  async snoozeConversation(conversationId: number, mutationId: string, snooze: SnoozeChange | null, options?: CallOptions): Promise<ConversationWriteResult> {
    const { path, body } = snoozeRequest(conversationId, snooze, mutationId);
    return parseConversationWriteResult(await this.sendJson('POST', path, body, options));
  }

  /** Sets the caller's own presence (`offline` follows from inactivity and is refused). */
  async setPresence(status: 'online' | 'away', options?: CallOptions): Promise<PresenceResult> {
    return parsePresenceResult(await this.sendJson('PUT', '/api/v1/presence', { status }, options));
  }

  /** The waiting room, oldest first. */
  async getQueue(limit?: number, options?: CallOptions): Promise<QueuePage> {
    return parseQueuePage(await this.sendJson('GET', `/api/v1/queue${queryString({ limit })}`, undefined, options));
  }

  /** Claims the conversation that has waited longest (409 `queue_empty`, `capacity_reached`). Retry with the same id. */
  async claimNext(mutationId: string, options?: CallOptions): Promise<ConversationWriteResult> {
    return parseConversationWriteResult(await this.sendJson('POST', '/api/v1/queue/claim', { mutationId }, options));
  }

  /** Claims one queued conversation (409 `conversation_not_queued` when someone was faster). */
  async claimConversation(conversationId: number, mutationId: string, options?: CallOptions): Promise<ConversationWriteResult> {
    return parseConversationWriteResult(await this.sendJson('POST', `/api/v1/conversations/${conversationId}/claim`, { mutationId }, options));
  }

  /**
   * Full-text search over messages (notes included) and contacts, for the team (docs/api.md "Search"): words, "phrases"
   * and -exclusions; 400 `search_query_empty` / `search_query_too_long` for a query with nothing to find or too long.
   */
  async search(q: string, filter: SearchFilter = {}, options?: CallOptions): Promise<SearchResults> {
    const state = typeof filter.state === 'string' ? filter.state : filter.state?.join(',');
    const query = queryString({
      q, state, assignee: filter.assignee, inboxId: filter.inboxId, labelId: filter.labelId, from: filter.from, to: filter.to, limit: filter.limit, cursor: filter.cursor,
    });
    return parseSearchResults(await this.sendJson('GET', `/api/v1/search${query}`, undefined, options));
  }
}

/** What {@link ApiClient.exportTranscript} asks for. */
export interface TranscriptRequest {
  readonly format?: 'text' | 'json';
  readonly notes?: boolean;
  readonly timeZone?: string;
}

/** A downloaded transcript. */
export interface TranscriptFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly blob: Blob;
}
