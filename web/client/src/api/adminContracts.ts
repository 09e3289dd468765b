import { Fields } from '../sync/wire.js';

// The admin API's answers (members, inboxes, FAQ, bot settings, webhooks, workspace: docs/api.md), each with its
// parse function: the wire boundary, which returns a complete frozen object or throws WireFormatError.

/** A member as the members API shows it (`GET /members`): more than the live store's `Member`. */
export interface MemberDetails {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  /** `operator` or `admin`. */
  readonly role: string;
  readonly active: boolean;
  /** How many open conversations they may own. */
  readonly capacity: number;
  readonly presence: string;
  readonly lastActivityAt: string | null;
  readonly totalMessages: number;
  readonly version: number;
  readonly createdAt: string;
}

/** An invited member and, when the server generated it, the temporary password (shown only here). */
export interface CreatedMember {
  readonly member: MemberDetails;
  readonly temporaryPassword: string | null;
  readonly seq: number;
}

/** An entry of the knowledge-base bot's FAQ. */
export interface FaqEntry {
  readonly id: number;
  readonly question: string;
  readonly answer: string;
  /** Other ways customers ask the question, matched like it. */
  readonly phrasings: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * What the knowledge-base bot would make of a question (`GET /faq/search`): the best entries and what it would do,
 * `answer` (with the first), `ask` (which of the first two), `suggest` (whether the customer means the first, just
 * under the threshold) or `handoff`.
 */
export interface FaqSearch {
  readonly matches: readonly FaqMatch[];
  readonly confidenceThreshold: number;
  readonly wouldAnswer: boolean;
  readonly decision: string;
  /** The sentence-embedding model; null when the server matches by keywords only. */
  readonly model: string | null;
  /** The question as the bot read it, when it mended typos of the FAQ's own words; null when it read it as typed. */
  readonly readAs: string | null;
}

/** A ranked entry: `confidence` (0..1) combines `semantic` (similarity of meaning, null without a model) and `keyword` (0..1). */
export interface FaqMatch {
  readonly id: number;
  readonly question: string;
  readonly confidence: number;
  readonly semantic: number | null;
  readonly keyword: number;
  /** The sentence of a longer message that matched this entry better than the whole message; null when the whole did. */
  readonly matchedSentence: string | null;
}

/** A bot configuration (`GET /bot`). Secrets are write-only: only whether one is set is shown. */
export interface BotConfig {
  /** `knowledge_base`, `llm` or `external`; null in an inbox override that inherits it. */
  readonly engine: string | null;
  readonly greeting: string | null;
  readonly confidenceThreshold: number | null;
  readonly handoffPhrases: readonly string[];
  readonly handoffMessage: string | null;
  readonly replyTimeoutSeconds: number | null;
  readonly llm: { readonly baseUrl: string | null; readonly model: string | null; readonly systemPrompt: string | null; readonly temperature: number | null; readonly apiKeySet: boolean };
  readonly external: { readonly url: string | null; readonly secretSet: boolean };
  readonly version: number;
  readonly updatedAt: string | null;
}

/** A change of the bot configuration (`PATCH /bot`): absent fields stay; an empty string clears one. */
export interface BotConfigChange {
  readonly engine?: string;
  readonly greeting?: string;
  readonly confidenceThreshold?: number | null;
  readonly handoffPhrases?: readonly string[];
  readonly handoffMessage?: string;
  readonly replyTimeoutSeconds?: number | null;
  readonly llm?: { readonly baseUrl?: string; readonly model?: string; readonly apiKey?: string; readonly systemPrompt?: string; readonly temperature?: number | null };
  readonly external?: { readonly url?: string; readonly secret?: string };
}

/** A webhook subscription: `eventTypes` is `["*"]` for all. */
export interface Webhook {
  readonly id: number;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly active: boolean;
  readonly createdAt: string;
}

/** One delivery attempt: `statusCode` is null when no answer came. */
export interface WebhookDelivery {
  readonly id: number;
  readonly eventSeq: number;
  readonly eventType: string;
  readonly attempt: number;
  readonly statusCode: number | null;
  readonly succeeded: boolean;
  readonly error: string | null;
  readonly durationMs: number;
  readonly createdAt: string;
}

/** The workspace and its settings (durations in seconds). */
export interface Workspace {
  readonly id: number;
  readonly name: string;
  readonly settings: {
    readonly timeZone: string; readonly releaseOnReply: boolean; readonly reopenTo: string; readonly assignmentPolicy: string;
    readonly idleTimeoutSeconds: number; readonly eventRetentionSeconds: number; readonly botEnabled: boolean;
    /** Resolving asks the customer for a rating (CSAT); true when an older server does not say. */
    readonly csatEnabled: boolean;
    /** The largest attachment the server takes, in bytes (1 MB..100 MB); 25 MB when an older server does not say. */
    readonly attachmentMaxBytes: number;
  };
  readonly cursor: number;
}

export function parseMemberDetails(value: unknown, path = 'member'): MemberDetails {
  const f = Fields.of(value, path);
  return Object.freeze({
    id: f.int('id'), email: f.string('email'), name: f.string('name'), role: f.string('role'), active: f.bool('active', true),
    capacity: f.int('capacity'), presence: f.string('presence', 'offline'), lastActivityAt: f.nullableDate('lastActivityAt'),
    totalMessages: f.int('totalMessages'), version: f.int('version'), createdAt: f.date('createdAt', ''),
  });
}

/** `{ data, seq }` of a write whose data `parse` reads. */
export function parseWriteData<T>(value: unknown, parse: (value: unknown, path: string) => T): { readonly data: T; readonly seq: number } {
  const f = Fields.of(value, 'answer');
  return Object.freeze({ data: parse(f.raw('data'), 'answer.data'), seq: f.int('seq') });
}

export function parseCreatedMember(value: unknown): CreatedMember {
  const { data, seq } = parseWriteData(value, (v, path) => {
    const f = Fields.of(v, path);
    return { member: parseMemberDetails(f.raw('member'), `${path}.member`), temporaryPassword: f.nullableString('temporaryPassword') };
  });
  return Object.freeze({ ...data, seq });
}

export function parseFaqEntry(value: unknown, path = 'faq'): FaqEntry {
  const f = Fields.of(value, path);
  return Object.freeze({
    id: f.int('id'), question: f.string('question'), answer: f.string('answer'), phrasings: Object.freeze(f.strings('phrasings', true)),
    createdAt: f.date('createdAt', ''), updatedAt: f.date('updatedAt', ''),
  });
}

export function parseFaqSearch(value: unknown, path = 'search'): FaqSearch {
  const f = Fields.of(value, path);
  const matches = f.raw('matches');
  return Object.freeze({
    matches: Object.freeze((Array.isArray(matches) ? matches : []).map((m: unknown, i) => {
      const e = Fields.of(m, `${path}.matches[${i}]`);
      return Object.freeze({ id: e.int('id'), question: e.string('question'), confidence: e.nullableNumber('confidence') ?? 0, semantic: e.nullableNumber('semantic'), keyword: e.nullableNumber('keyword') ?? 0, matchedSentence: e.nullableString('matchedSentence') });
    })),
    confidenceThreshold: f.nullableNumber('confidenceThreshold') ?? 0, wouldAnswer: f.bool('wouldAnswer'), decision: f.string('decision', 'handoff'), model: f.nullableString('model'),
    readAs: f.nullableString('readAs'),
  });
}

export function parseBotConfig(value: unknown, path = 'bot'): BotConfig {
  const f = Fields.of(value, path);
  const llm = Fields.of(f.raw('llm') ?? {}, `${path}.llm`);
  const external = Fields.of(f.raw('external') ?? {}, `${path}.external`);
  return Object.freeze({
    engine: f.nullableString('engine'), greeting: f.nullableString('greeting'), confidenceThreshold: f.nullableNumber('confidenceThreshold'),
    handoffPhrases: Object.freeze(f.strings('handoffPhrases', true)), handoffMessage: f.nullableString('handoffMessage'),
    replyTimeoutSeconds: f.nullableInt('replyTimeoutSeconds'),
    llm: Object.freeze({
      baseUrl: llm.nullableString('baseUrl'), model: llm.nullableString('model'), systemPrompt: llm.nullableString('systemPrompt'),
      temperature: llm.nullableNumber('temperature'), apiKeySet: llm.bool('apiKeySet'),
    }),
    external: Object.freeze({ url: external.nullableString('url'), secretSet: external.bool('secretSet') }),
    version: f.int('version'), updatedAt: f.nullableDate('updatedAt'),
  });
}

export function parseWebhook(value: unknown, path = 'webhook'): Webhook {
  const f = Fields.of(value, path);
  return Object.freeze({ id: f.int('id'), url: f.string('url'), eventTypes: Object.freeze(f.strings('eventTypes')), active: f.bool('active', true), createdAt: f.date('createdAt', '') });
}

export function parseCreatedWebhook(value: unknown): { readonly webhook: Webhook; readonly secret: string } {
  const f = Fields.of(value, 'answer');
  return Object.freeze({ webhook: parseWebhook(f.raw('webhook'), 'answer.webhook'), secret: f.string('secret') });
}

export function parseWebhookDelivery(value: unknown, path = 'delivery'): WebhookDelivery {
  const f = Fields.of(value, path);
  return Object.freeze({
    id: f.int('id'), eventSeq: f.int('eventSeq'), eventType: f.string('eventType'), attempt: f.int('attempt'), statusCode: f.nullableInt('statusCode'),
    succeeded: f.bool('succeeded'), error: f.nullableString('error'), durationMs: f.int('durationMs'), createdAt: f.date('createdAt', ''),
  });
}

export function parseWorkspace(value: unknown, path = 'workspace'): Workspace {
  const f = Fields.of(value, path);
  const s = Fields.of(f.raw('settings'), `${path}.settings`);
  return Object.freeze({
    id: f.int('id'), name: f.string('name'), cursor: f.int('cursor'),
    settings: Object.freeze({
      timeZone: s.string('timeZone'), releaseOnReply: s.bool('releaseOnReply'), reopenTo: s.string('reopenTo'), assignmentPolicy: s.string('assignmentPolicy'),
      idleTimeoutSeconds: s.int('idleTimeoutSeconds'), eventRetentionSeconds: s.int('eventRetentionSeconds'), botEnabled: s.bool('botEnabled'),
      csatEnabled: s.bool('csatEnabled', true), attachmentMaxBytes: s.int('attachmentMaxBytes', 26_214_400),
    }),
  });
}
