import { Fields } from '../sync/wire.js';
import type { BaseApiClient, CallOptions } from './apiClient.js';
import { parseInbox, type Inbox } from './apiContracts.js';
import {
  parseBotConfig, parseCreatedMember, parseCreatedWebhook, parseFaqEntry, parseFaqSearch, parseMemberDetails, parseWebhook, parseWebhookDelivery, parseWorkspace,
  parseWriteData, type BotConfig, type BotConfigChange, type CreatedMember, type FaqEntry, type FaqSearch, type MemberDetails, type Webhook, type WebhookDelivery,
  type Workspace,
} from './adminContracts.js';
import { parseIdentitySecret, parseWidgetSettings, type WidgetSettings } from './widgetContracts.js';

/** A change of a member: absent fields stay. `active: false` deactivates them and signs them out. */
export interface MemberChange {
  readonly name?: string;
  readonly role?: string;
  readonly active?: boolean;
  readonly capacity?: number;
  readonly password?: string;
}

/** A change of the workspace's settings: absent fields stay. */
export interface WorkspaceChange {
  readonly name?: string;
  readonly timeZone?: string;
  readonly releaseOnReply?: boolean;
  readonly reopenTo?: string;
  readonly assignmentPolicy?: string;
  readonly idleTimeoutSeconds?: number;
  readonly eventRetentionSeconds?: number;
  readonly botEnabled?: boolean;
  /** Resolving asks the customer for a rating (CSAT). */
  readonly csatEnabled?: boolean;
  /** The largest attachment the server takes, in bytes (1 MB..100 MB). */
  readonly attachmentMaxBytes?: number;
}

/**
 * The admin endpoints (docs/api.md): members, inboxes, FAQ, bot settings, webhooks and the workspace, on the
 * {@link ApiClient} they belong to (`api.admin`), with its auth, timeouts and typed errors. Writes that need the
 * admin role reject with `HttpError` 403 for operators.
 */
export class AdminApi {
  constructor(private readonly api: BaseApiClient) {}

  async listMembers(options?: CallOptions): Promise<readonly MemberDetails[]> {
    return items(await this.api.sendJson('GET', '/api/v1/members', undefined, options), parseMemberDetails);
  }

  /** Invites a member; without a password the server generates a temporary one, returned only here. */
  async createMember(member: { email: string; name: string; role: string; password?: string; capacity?: number }, options?: CallOptions): Promise<CreatedMember> {
    return parseCreatedMember(await this.api.sendJson('POST', '/api/v1/members', member, options));
  }

  async updateMember(id: number, change: MemberChange, options?: CallOptions): Promise<{ readonly data: MemberDetails; readonly seq: number }> {
    return parseWriteData(await this.api.sendJson('PATCH', `/api/v1/members/${id}`, change, options), parseMemberDetails);
  }

  async listInboxes(options?: CallOptions): Promise<readonly Inbox[]> {
    return items(await this.api.sendJson('GET', '/api/v1/inboxes', undefined, options), parseInbox);
  }

  async createInbox(inbox: { name: string; channel: string }, options?: CallOptions): Promise<Inbox> {
    return parseInbox(await this.api.sendJson('POST', '/api/v1/inboxes', inbox, options));
  }

  /** A widget inbox's settings: look, allowed origins, identity verification, business hours. */
  async getWidgetSettings(inboxId: number, options?: CallOptions): Promise<WidgetSettings> {
    return parseWidgetSettings(await this.api.sendJson('GET', `/api/v1/inboxes/${inboxId}/widget`, undefined, options));
  }

  /** Replaces the settings (all fields); a 400 `validation` problem names what is wrong. */
  async updateWidgetSettings(inboxId: number, settings: WidgetSettings, options?: CallOptions): Promise<WidgetSettings> {
    return parseWidgetSettings(await this.api.sendJson('PUT', `/api/v1/inboxes/${inboxId}/widget`, settings, options));
  }

  /** A new identity-verification secret (the old one stops working); the server shows it only here. */
  async rotateIdentitySecret(inboxId: number, options?: CallOptions): Promise<{ readonly secret: string }> {
    return parseIdentitySecret(await this.api.sendJson('POST', `/api/v1/inboxes/${inboxId}/identity-secret`, undefined, options));
  }

  async listFaq(options?: CallOptions): Promise<readonly FaqEntry[]> {
    return items(await this.api.sendJson('GET', '/api/v1/faq', undefined, options), parseFaqEntry);
  }

  async createFaq(entry: { question: string; answer: string }, options?: CallOptions): Promise<FaqEntry> {
    return parseFaqEntry(await this.api.sendJson('POST', '/api/v1/faq', entry, options));
  }

  async updateFaq(id: number, change: { question?: string; answer?: string }, options?: CallOptions): Promise<FaqEntry> {
    return parseFaqEntry(await this.api.sendJson('PATCH', `/api/v1/faq/${id}`, change, options));
  }

  /** Teaches the bot another way customers ask entry `id`'s question. */
  async addFaqPhrasing(id: number, text: string, options?: CallOptions): Promise<FaqEntry> {
    return parseFaqEntry(await this.api.sendJson('POST', `/api/v1/faq/${id}/phrasings`, { text }, options));
  }

  /** What the knowledge-base bot would answer to `question`, and how sure it is. */
  async searchFaq(question: string, options?: CallOptions): Promise<FaqSearch> {
    return parseFaqSearch(await this.api.sendJson('GET', `/api/v1/faq/search?q=${encodeURIComponent(question)}`, undefined, options));
  }

  async deleteFaq(id: number, options?: CallOptions): Promise<void> {
    await this.api.sendJson('DELETE', `/api/v1/faq/${id}`, undefined, options);
  }

  /** The workspace's bot configuration. */
  async getBot(options?: CallOptions): Promise<BotConfig> {
    return parseBotConfig(await this.api.sendJson('GET', '/api/v1/bot', undefined, options));
  }

  async updateBot(change: BotConfigChange, options?: CallOptions): Promise<BotConfig> {
    return parseBotConfig(await this.api.sendJson('PATCH', '/api/v1/bot', change, options));
  }

  async listWebhooks(options?: CallOptions): Promise<readonly Webhook[]> {
    return items(await this.api.sendJson('GET', '/api/v1/webhooks', undefined, options), parseWebhook);
  }

  /** Subscribes `url` (`eventTypes` `["*"]` for all); the signing secret is returned only here. */
  async createWebhook(webhook: { url: string; eventTypes: readonly string[] }, options?: CallOptions): Promise<{ readonly webhook: Webhook; readonly secret: string }> {
    return parseCreatedWebhook(await this.api.sendJson('POST', '/api/v1/webhooks', webhook, options));
  }

  async deleteWebhook(id: number, options?: CallOptions): Promise<void> {
    await this.api.sendJson('DELETE', `/api/v1/webhooks/${id}`, undefined, options);
  }

  /** The newest delivery attempts first. */
  async listWebhookDeliveries(id: number, limit?: number, options?: CallOptions): Promise<readonly WebhookDelivery[]> {
    const query = limit === undefined ? '' : `?limit=${limit}`;
    return items(await this.api.sendJson('GET', `/api/v1/webhooks/${id}/deliveries${query}`, undefined, options), parseWebhookDelivery);
  }

  async getWorkspace(options?: CallOptions): Promise<Workspace> {
    return parseWorkspace(await this.api.sendJson('GET', '/api/v1/workspace', undefined, options));
  }

  async updateWorkspace(change: WorkspaceChange, options?: CallOptions): Promise<{ readonly data: Workspace; readonly seq: number }> {
    return parseWriteData(await this.api.sendJson('PATCH', '/api/v1/workspace', change, options), parseWorkspace);
  }
}

/** The webhook event types a subscription can name (besides `*`). */
export const webhookEventTypes = ['message.created', 'message.status', 'conversation.updated', 'conversation.read', 'member.updated', 'workspace.updated', 'label.updated', 'label.deleted', 'team.updated', 'team.deleted'] as const;

function items<T>(value: unknown, parse: (value: unknown, path: string) => T): readonly T[] {
  return Object.freeze(Fields.of(value, 'page').array('items', parse));
}
