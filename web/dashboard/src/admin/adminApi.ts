import { HttpError, TransportError } from '@switchboard/client';

// The admin endpoints the SDK does not wrap (members, inboxes, webhooks, FAQ, bot settings, workspace), over
// fetch with the session cookie. Non-2xx answers throw HttpError with the server's code, as the SDK does; every
// answer is read defensively at this boundary.

export async function request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  const init: RequestInit = { method, credentials: 'include', headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(10_000) };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new TransportError(`${method} ${path} failed`, error instanceof DOMException && error.name === 'TimeoutError', { cause: error });
  }
  const text = await response.text();
  let json: unknown;
  try { json = text === '' ? undefined : JSON.parse(text); } catch { json = undefined; }
  if (!response.ok) {
    const o = obj(json);
    throw new HttpError(response.status, typeof o['code'] === 'string' ? o['code'] : `http_${response.status}`, typeof o['detail'] === 'string' ? o['detail'] : null);
  }
  return json;
}

/** A human sentence for a failed admin call. */
export function failure(error: unknown): string {
  if (error instanceof HttpError) {
    if (error.status === 403) return 'Only admins can do this.';
    return error.detail ?? `The server refused it (${error.code}).`;
  }
  if (error instanceof TransportError) return 'The server cannot be reached. Try again in a moment.';
  return 'Something went wrong.';
}

/** True when the server does not have this feature (the endpoint is not there). */
export function isMissingFeature(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 404 || error.status === 405);
}

export function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Record<string, unknown> : {};
}
export function items(v: unknown): Record<string, unknown>[] {
  const list = obj(v)['items'];
  return Array.isArray(list) ? list.map(obj) : [];
}
export function s(v: unknown): string { return typeof v === 'string' ? v : ''; }
export function ns(v: unknown): string | null { return typeof v === 'string' ? v : null; }
export function n(v: unknown): number { return typeof v === 'number' && Number.isFinite(v) ? v : 0; }
export function nn(v: unknown): number | null { return typeof v === 'number' && Number.isFinite(v) ? v : null; }
export function b(v: unknown): boolean { return v === true; }

export interface MemberRow { id: number; email: string; name: string; role: string; active: boolean; capacity: number; presence: string; lastActivityAt: string | null; totalMessages: number }
export function parseMember(v: Record<string, unknown>): MemberRow {
  return { id: n(v['id']), email: s(v['email']), name: s(v['name']), role: s(v['role']), active: v['active'] !== false, capacity: n(v['capacity']),
    presence: s(v['presence']) || 'offline', lastActivityAt: ns(v['lastActivityAt']), totalMessages: n(v['totalMessages']) };
}

export interface InboxRow { id: number; name: string; channel: string; publicToken: string; createdAt: string }
export function parseInbox(v: Record<string, unknown>): InboxRow {
  return { id: n(v['id']), name: s(v['name']), channel: s(v['channel']), publicToken: s(v['publicToken']), createdAt: s(v['createdAt']) };
}

export interface WebhookRow { id: number; url: string; eventTypes: string[]; active: boolean; createdAt: string }
export function parseWebhook(v: Record<string, unknown>): WebhookRow {
  const types = v['eventTypes'];
  return { id: n(v['id']), url: s(v['url']), eventTypes: Array.isArray(types) ? types.filter((t): t is string => typeof t === 'string') : [], active: v['active'] !== false, createdAt: s(v['createdAt']) };
}

export interface DeliveryRow { id: number; eventSeq: number; eventType: string; attempt: number; statusCode: number | null; succeeded: boolean; error: string | null; durationMs: number; createdAt: string }
export function parseDelivery(v: Record<string, unknown>): DeliveryRow {
  return { id: n(v['id']), eventSeq: n(v['eventSeq']), eventType: s(v['eventType']), attempt: n(v['attempt']), statusCode: nn(v['statusCode']),
    succeeded: b(v['succeeded']), error: ns(v['error']), durationMs: n(v['durationMs']), createdAt: s(v['createdAt']) };
}

export interface FaqRow { id: number; question: string; answer: string; updatedAt: string }
export function parseFaq(v: Record<string, unknown>): FaqRow {
  return { id: n(v['id']), question: s(v['question']), answer: s(v['answer']), updatedAt: s(v['updatedAt']) };
}

/** The widget's embed code for an inbox token. */
export function widgetSnippet(origin: string, token: string): string {
  return `<script src="${origin}/widget.js" data-inbox="${token}" async></script>`;
}

export const eventTypes = ['message.created', 'message.status', 'conversation.updated', 'conversation.read', 'member.updated', 'workspace.updated'] as const;
