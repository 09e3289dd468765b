import type { OutgoingRequest } from '../sync/pending.js';
import { deadline, systemTimers, type Timers } from '../timers.js';
import {
  parseApiSnapshot, parseConversationWriteResult, parseMessagePage, parseWidgetSession,
  type ApiSnapshot, type ConversationWriteResult, type MessagePage, type WidgetSession,
} from './apiContracts.js';
import { HttpError, TransportError } from './httpError.js';
import { parseCsatWriteResult, type CsatWriteResult } from '../csat/csat.js';
import { parseAttachment, parseAttachmentLink, type Attachment, type AttachmentLink } from '../attachments/attachment.js';
import { platformUploader, type Uploader } from '../attachments/uploader.js';
import type { TeamParts } from '../team/teamParts.js';
import { parseWidgetPublicConfig, type WidgetAttributes, type WidgetIdentity, type WidgetPublicConfig } from './widgetContracts.js';

/** The `fetch` the client calls: the platform's, or a fake in tests. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** The server, such as `https://chat.example.com`; empty (the default) for the page's own origin. */
  readonly baseUrl?: string;
  /** Default: the platform's `fetch`. */
  readonly fetch?: FetchLike;
  /** A bearer token (member session, API key or visitor session). `login` and `startWidgetSession` set one too. */
  readonly token?: string;
  /**
   * `include` for the dashboard, which authenticates with the HttpOnly session cookie `POST /auth/login` sets:
   * the browser sends it, and `login` then keeps no token in script.
   */
  readonly credentials?: RequestCredentials;
  /** A request without an answer after this long fails with a `TransportError` (`timedOut`). Default 10 s. */
  readonly timeoutMs?: number;
  readonly timers?: Timers;
  /** Sends attachment uploads. Default: XMLHttpRequest where there is one (progress is reported), else this client's fetch. */
  readonly uploader?: Uploader;
}

/** Per call: a signal that cancels it, and a timeout other than the client's. */
export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/** An upload's options: a signal that aborts it and a listener of its progress (0..1). No timeout: files may be large. */
export interface UploadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
}

/** Filters of the conversation list (docs/api.md); all optional. */
export interface ConversationFilter {
  /** One state or several (`queued`, `assigned`, ...). */
  readonly state?: string | readonly string[];
  /** `me`, `none` or a member id. */
  readonly assignee?: 'me' | 'none' | number;
  readonly inboxId?: number;
  readonly botActive?: boolean;
  /** ISO 8601. */
  readonly updatedSince?: string;
  /** Contact name. */
  readonly q?: string;
  /** 1 to 100 (server default 50). */
  readonly limit?: number;
  /** The `next` of the previous page. */
  readonly cursor?: string;
  /** Only conversations carrying this label (team only). */
  readonly labelId?: number;
  /** Only this contact's conversations (team only: the contact panel's history; pass `snoozed: 'any'` for all of them). */
  readonly contactId?: number;
  /** Snoozed conversations leave the lists by default: `true` lists only them, `any` both. */
  readonly snoozed?: boolean | 'any';
}

/** What `sendRaw` returns: the status and the parsed JSON body (undefined when empty or not JSON). */
export interface RawAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Typed access to the REST API over `fetch` (docs/api.md), the TypeScript twin of the .NET
 * `SwitchboardApiClient`. Non-2xx answers reject with {@link HttpError}; no answer (network, timeout) with
 * {@link TransportError}; an answer that is not what the protocol says with `WireFormatError`. Everything but
 * the admin endpoints, which {@link ApiClient} adds: the widget ships this one alone, without the admin contracts.
 */
export class BaseApiClient {
  readonly baseUrl: string;
  readonly credentials: RequestCredentials | undefined;
  readonly timers: Timers;
  readonly timeoutMs: number;
  readonly #fetch: FetchLike;
  readonly #uploader: Uploader;
  #token: string | undefined;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
    this.credentials = options.credentials;
    this.timers = options.timers ?? systemTimers;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.#token = options.token;
    const platformFetch = (globalThis as { fetch?: FetchLike }).fetch;
    const f = options.fetch ?? (platformFetch === undefined ? undefined : platformFetch.bind(globalThis));
    if (f === undefined) throw new Error('No fetch on this platform: pass options.fetch.');
    this.#fetch = f;
    this.#uploader = options.uploader ?? platformUploader(f);
  }

  /** The bearer token in use, if any. */
  get token(): string | undefined { return this.#token; }

  /** Authenticates later calls with `token` (or with the cookie alone when undefined). */
  useToken(token: string | undefined): void {
    this.#token = token;
  }

  /**
   * Starts a visitor session for the widget inbox `inboxToken` and uses its token. With `resumeToken` (the
   * previous session's token, kept by the page) the server resumes the same contact with a fresh token.
   */
  async startWidgetSession(inboxToken: string, details: { name?: string; email?: string; resumeToken?: string; identity?: WidgetIdentity } = {}, options?: CallOptions): Promise<WidgetSession> {
    if (details.resumeToken !== undefined) this.useToken(details.resumeToken);
    const body: Record<string, unknown> = { inboxToken, name: details.name ?? null, email: details.email ?? null };
    if (details.identity !== undefined) body['identity'] = details.identity;
    const session = parseWidgetSession(await this.#json('POST', '/api/v1/widget/sessions', body, options));
    this.useToken(session.token);
    return session;
  }

  /** What the widget of `inboxToken` shows (anonymous): look, language, pre-chat fields and availability. */
  async getWidgetConfig(inboxToken: string, options?: CallOptions): Promise<WidgetPublicConfig> {
    return parseWidgetPublicConfig(await this.#json('GET', `/api/v1/widget/config${queryString({ inboxToken })}`, undefined, options));
  }

  /** Identifies the visitor after the fact: the session becomes the verified contact's, whose token is used from now on. */
  async identifyWidgetVisitor(identity: WidgetIdentity, options?: CallOptions): Promise<WidgetSession> {
    const session = parseWidgetSession(await this.#json('POST', '/api/v1/widget/identify', { identity }, options));
    this.useToken(session.token);
    return session;
  }

  /** Custom attributes of the visitor's contact, shown to operators. */
  async setWidgetAttributes(attributes: WidgetAttributes, options?: CallOptions): Promise<void> {
    await this.#json('PUT', '/api/v1/widget/attributes', { attributes }, options);
  }

  /** The visitor's email for an answer while the team is away. */
  async leaveWidgetEmail(email: string, options?: CallOptions): Promise<void> {
    await this.#json('PUT', '/api/v1/widget/email', { email }, options);
  }

  /** The page the widget runs on (url: http(s) only; title, language, time zone): the team's contact panel shows it live. */
  async reportWidgetPage(page: { url: string; title?: string; language?: string; timeZone?: string }, options?: CallOptions): Promise<void> {
    await this.#json('PUT', '/api/v1/widget/page', page, options);
  }

  /** The visitor's conversation, created on first use. */
  async startWidgetConversation(options?: CallOptions): Promise<ConversationWriteResult> {
    return parseConversationWriteResult(await this.#json('POST', '/api/v1/widget/conversation', undefined, options));
  }

  /** The visitor's rating of a request of their conversation (`POST .../csat`); retry with the same `mutationId`. */
  async submitCsat(conversationId: number, body: { mutationId: string; requestId: number; rating: number; comment: string | null }, options?: CallOptions): Promise<CsatWriteResult> {
    return parseCsatWriteResult(await this.#json('POST', `/api/v1/conversations/${conversationId}/csat`, body, options));
  }

  /** The live store's team-only parts (labels, canned replies, team changes): none here; the team's `ApiClient` brings them. */
  teamParts(): TeamParts | undefined { return undefined; }

  /** Conversations, members, inboxes and the cursor, read in one transaction (without the team's parts: see `ApiClient`). */
  async getSnapshot(options?: CallOptions): Promise<ApiSnapshot> {
    return parseApiSnapshot(await this.#json('GET', '/api/v1/sync/snapshot', undefined, options));
  }

  /** A page of messages in conversation order: the newest by default, or those before/after an ordinal. */
  async getMessages(conversationId: number, page: { before?: number; after?: number; limit?: number } = {}, options?: CallOptions): Promise<MessagePage> {
    const query = queryString({ before: page.before, after: page.after, limit: page.limit });
    return parseMessagePage(await this.#json('GET', `/api/v1/conversations/${conversationId}/messages${query}`, undefined, options));
  }

  /** Acknowledges what the other side wrote, up to and including `upToMessageId`. */
  async postReceipt(conversationId: number, status: 'delivered' | 'read', upToMessageId: number, options?: CallOptions): Promise<ConversationWriteResult> {
    return parseConversationWriteResult(await this.#json('POST', `/api/v1/conversations/${conversationId}/receipts`, { status, upToMessageId }, options));
  }

  /**
   * Says the caller is typing in a conversation (`start`) or stopped (`stop`): an ephemeral signal to its other
   * viewers (docs/protocol.md). Over HTTP whatever the stream's transport, so SSE and long-poll clients need no
   * second connection. Advisory: the server drops typing beyond its rate without an error.
   */
  async sendTyping(conversationId: number, state: 'start' | 'stop', options?: CallOptions): Promise<void> {
    await this.#json('POST', `/api/v1/conversations/${conversationId}/typing`, { state }, options);
  }

  /**
   * Uploads one file to a conversation (`PUT .../attachments/{clientAttachmentId}?name=`, the raw bytes). Retrying
   * with the same `clientAttachmentId` stores it once. Rejects with HttpError (413 `attachment_too_large`, 415
   * `attachment_type_not_allowed`, 400 `attachment_empty` / `attachment_name_invalid`, 409 `attachment_id_conflict`).
   */
  async uploadAttachment(conversationId: number, clientAttachmentId: string, blob: Blob, name: string, options?: UploadOptions): Promise<Attachment> {
    const path = `/api/v1/conversations/${conversationId}/attachments/${encodeURIComponent(clientAttachmentId)}${queryString({ name })}`;
    const answer = await this.#upload(path, blob, options);
    if (answer.status < 200 || answer.status > 299) throw problem(answer.status, answer.text);
    return parseAttachment(readJson(answer.text), 'answer');
  }

  /** A signed download link of an attachment, valid until `expiresAt` (URLs relative to the server). */
  async getAttachmentLink(conversationId: number, attachmentId: number, options?: CallOptions): Promise<AttachmentLink> {
    return parseAttachmentLink(await this.#json('GET', `/api/v1/conversations/${conversationId}/attachments/${attachmentId}/link`, undefined, options));
  }

  /**
   * Sends a write of the live store and returns its raw answer, whatever the status (the store decides);
   * only a missing answer rejects, with {@link TransportError}. An upload (`request.upload`) goes through the uploader,
   * without the timeout, reporting progress to `options.onProgress`.
   */
  async sendRaw(request: OutgoingRequest, options?: CallOptions & UploadOptions): Promise<RawAnswer> {
    if (request.upload !== undefined) {
      const answer = await this.#upload(request.path, request.upload.file, options);
      return { status: answer.status, body: readJson(answer.text) };
    }
    return this.#send(request.method, request.path, request.body, options, undefined, async (response) => ({
      status: response.status,
      body: readJson(await response.text()),
    }));
  }

  /** GETs any JSON resource with this client's auth: non-2xx rejects with {@link HttpError}. */
  async getJson(path: string, options?: CallOptions): Promise<unknown> {
    return this.#json('GET', path, undefined, options);
  }

  /**
   * Sends any JSON request with this client's auth and returns the answer's JSON (undefined when empty): non-2xx
   * rejects with {@link HttpError}. The typed calls (here and in `ApiClient.admin`) parse what it returns.
   */
  async sendJson(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, options?: CallOptions, headers?: Record<string, string>): Promise<unknown> {
    return this.#json(method, path, body, options, headers);
  }

  /**
   * Opens a request with this client's base URL, credentials and auth (the stream transports use it). Only the
   * time to the response headers is bounded by `timeoutMs`; the body is the caller's to read or cancel.
   */
  async open(path: string, headers: Record<string, string>, options?: CallOptions): Promise<Response> {
    return this.#send('GET', path, undefined, options, headers, (response) => Promise.resolve(response), true);
  }

  /** The absolute URL of `path` (for WebSocket, with `ws:`/`wss:`), with `access_token` when a token is in use. */
  streamUrl(path: string, webSocket: boolean): string {
    const base = this.baseUrl !== '' ? this.baseUrl : (globalThis as { location?: { origin: string } }).location?.origin ?? '';
    let url = base + path;
    if (webSocket) url = url.replace(/^http(s?):/, 'ws$1:');
    if (this.#token !== undefined) url += `${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(this.#token)}`;
    return url;
  }

  #upload(path: string, body: Blob, options: UploadOptions | undefined): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': body.type === '' ? 'application/octet-stream' : body.type };
    if (this.#token !== undefined) headers['Authorization'] = `Bearer ${this.#token}`;
    return this.#uploader({
      url: this.baseUrl + path, headers, body, credentials: this.credentials,
      ...(options?.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      ...(options?.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  async #json(method: string, path: string, body: unknown, options: CallOptions | undefined, headers?: Record<string, string>): Promise<unknown> {
    return this.#send(method, path, body, options, headers, async (response) => {
      const text = await response.text();
      if (!response.ok) throw problem(response.status, text);
      return readJson(text);
    });
  }

  async #send<T>(method: string, path: string, body: unknown, options: CallOptions | undefined, extraHeaders: Record<string, string> | undefined,
    read: (response: Response) => Promise<T>, keepOpen = false): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.#token !== undefined) headers['Authorization'] = `Bearer ${this.#token}`;
    const guard = deadline(this.timers, options?.timeoutMs ?? this.timeoutMs, options?.signal);
    const init: RequestInit = { method, headers, signal: guard.signal };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (this.credentials !== undefined) init.credentials = this.credentials;
    let answered = false;
    try {
      const result = await read(await this.#fetch(this.baseUrl + path, init));
      answered = true;
      return result;
    } catch (error) {
      if (error instanceof HttpError) throw error;
      if (guard.timedOut()) throw new TransportError(`${method} ${path} timed out`, true, { cause: error });
      if (options?.signal?.aborted) throw options.signal.reason;
      throw new TransportError(`${method} ${path} failed`, false, { cause: error });
    } finally {
      // An opened stream's body still follows the caller's signal (stop), without the deadline.
      if (keepOpen && answered) guard.clearTimer();
      else guard.dispose();
    }
  }
}

function readJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The ProblemDetails of a non-2xx answer as an {@link HttpError}. */
export function problem(status: number, text: string): HttpError {
  // Any JSON value may be indexed this way (a string, number or null body has none of these fields).
  const body = readJson(text) as Record<string, unknown> | null | undefined;
  const field = (name: string): string | null => {
    const v = body?.[name];
    return typeof v === 'string' ? v : null;
  };
  const wait = body?.['retryAfterSeconds'];
  return new HttpError(status, field('code') ?? `http_${status}`, field('detail'), typeof wait === 'number' && wait >= 0 ? wait : null);
}

export function queryString(parts: Record<string, string | number | boolean | undefined>): string {
  const present = Object.entries(parts).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
  return present.length === 0 ? '' : `?${present.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&')}`;
}
