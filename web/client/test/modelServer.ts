import { parseAttachment, parseConversation, parseSnapshot, parseStreamEvent, type Conversation, type Message, type OutgoingRequest, type Snapshot, type StreamEvent } from '../src/index.js';
import type { SeededRandom } from './seededRandom.js';

const t0 = '2026-01-01T00:00:00+00:00';
const statuses = ['sent', 'delivered', 'read'];

/** What crosses the network: plain JSON, never an object the server keeps. */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/**
 * A reference model of the server's sync contract (port of tests/Switchboard.Client.Tests/ModelServer.cs):
 * idempotent writes keyed by mutationId and clientMessageId, a gapless event log, versioned snapshots,
 * monotonic statuses. Small on purpose: it is the oracle the property tests compare the live store against.
 */
export class ModelServer {
  readonly log: StreamEvent[] = [];
  readonly conversations = new Map<number, Conversation>();
  readonly #messages = new Map<number, Message[]>();
  readonly #mutationSeqs = new Map<string, number>();
  readonly #byClientId = new Map<string, Message>();
  // Uploads by `conversationId/clientAttachmentId`, and which message carries each.
  readonly #uploads = new Map<string, Record<string, unknown>>();
  readonly #carriedBy = new Map<string, string>();
  /** Every upload stored, counted once per clientAttachmentId (a replay stores nothing). */
  uploadsStored = 0;
  #otherMutations = 0;

  constructor(conversationCount: number) {
    for (let id = 1; id <= conversationCount; id++) {
      this.conversations.set(id, parseConversation({ id, state: 'bot', botActive: true, version: 1, createdAt: t0, updatedAt: t0 }));
      this.#messages.set(id, []);
    }
  }

  get lastSeq(): number { return this.log.length; }

  messages(conversationId: number): readonly Message[] {
    return this.#messages.get(conversationId) ?? [];
  }

  snapshot(): Snapshot {
    return parseSnapshot(wire({ cursor: this.lastSeq, conversations: [...this.conversations.values()] }));
  }

  /** Handles a request from the store: its status and (wire) body. */
  handle(request: OutgoingRequest): { status: number; body: unknown } {
    const segments = request.path.split('/');
    if (request.method === 'PUT') return this.#upload(request);
    if (request.method === 'PATCH') {
      const botActive = request.body['botActive'];
      if (typeof botActive !== 'boolean') throw new Error('the model only knows bot switches');
      return this.#patch(request.key, Number(segments.at(-1)), botActive);
    }
    const text = request.body['text'];
    if (typeof text !== 'string') throw new Error('a message needs text');
    const ids = request.body['attachmentIds'];
    return this.#post(request.key, Number(segments.at(-2)), text, Array.isArray(ids) ? ids.map(String) : []);
  }

  /** The attachments a stored message carries, by clientAttachmentId. */
  attachmentsOf(clientMessageId: string): string[] {
    return [...this.#carriedBy].filter(([, m]) => m === clientMessageId).map(([k]) => k.split('/')[1] ?? '');
  }

  // Files named `bad…` are refused (415), as a sniffed HTML page would be: every time, whatever the retry.
  #upload(request: OutgoingRequest): { status: number; body: unknown } {
    const upload = request.upload;
    if (upload === undefined) throw new Error('an upload needs its file');
    if (upload.name.startsWith('bad')) return { status: 415, body: { status: 415, code: 'attachment_type_not_allowed' } };
    const key = `${upload.conversationId}/${request.key}`;
    const known = this.#uploads.get(key);
    if (known !== undefined) return { status: 200, body: wire(known) };
    const stored = {
      id: this.#uploads.size + 1, clientAttachmentId: request.key, conversationId: upload.conversationId, fileName: upload.name,
      contentType: 'application/pdf', size: upload.file.size, width: null, height: null, hasThumbnail: false, status: 'ready', error: null,
    };
    this.#uploads.set(key, stored);
    this.uploadsStored++;
    return { status: 201, body: wire(stored) };
  }

  /** Another operator (or this one through another tab) switches the bot. */
  otherActorToggles(conversationId: number, botActive: boolean): void {
    this.#setBot(conversationId, botActive, `other-${++this.#otherMutations}`);
  }

  /** The customer's client reports a message delivered or read (statuses only move forward). */
  receipt(random: SeededRandom): void {
    const all = [...this.#messages.values()].flat();
    if (all.length === 0) return;
    const m = all[random.int(0, all.length)]!;
    const next = statuses[random.int(1, statuses.length)]!;
    if (statuses.indexOf(next) <= statuses.indexOf(m.status)) return;
    const updated: Message = { ...m, status: next, version: m.version + 1 };
    const list = this.#messages.get(m.conversationId)!;
    list[list.findIndex((x) => x.clientMessageId === m.clientMessageId)] = updated;
    this.#byClientId.set(m.clientMessageId, updated);
    this.#append('message.status', m.conversationId, updated.version, null, null, { message: updated, conversation: null });
  }

  #patch(mutationId: string, conversationId: number, botActive: boolean): { status: number; body: unknown } {
    const replay = this.#mutationSeqs.get(mutationId);
    if (replay !== undefined) return { status: 200, body: wire({ conversation: this.#conversation(conversationId), seq: replay, replayed: true }) };
    const seq = this.#setBot(conversationId, botActive, mutationId);
    this.#mutationSeqs.set(mutationId, seq);
    return { status: 200, body: wire({ conversation: this.#conversation(conversationId), seq, replayed: false }) };
  }

  #setBot(conversationId: number, botActive: boolean, mutationId: string): number {
    const c = this.#conversation(conversationId);
    if (c.botActive === botActive) return this.lastSeq; // no change, no event: confirmed as of the current cursor
    const updated: Conversation = { ...c, botActive, state: botActive ? 'bot' : 'queued', version: c.version + 1 };
    this.conversations.set(conversationId, updated);
    return this.#append('conversation.updated', conversationId, updated.version, mutationId, null, { conversation: updated, change: botActive ? 'bot_on' : 'bot_off' });
  }

  #post(clientMessageId: string, conversationId: number, text: string, attachmentIds: string[]): { status: number; body: unknown } {
    const existing = this.#byClientId.get(clientMessageId);
    if (existing !== undefined) {
      return { status: 200, body: wire({ message: existing, conversation: this.#conversation(conversationId), seq: existing.seq, replayed: true }) };
    }
    const attachments = attachmentIds.map((id) => this.#uploads.get(`${conversationId}/${id}`));
    if (attachments.some((a) => a === undefined)) return { status: 409, body: { status: 409, code: 'attachment_not_uploaded' } };
    if (attachmentIds.some((id) => this.#carriedBy.has(`${conversationId}/${id}`))) return { status: 409, body: { status: 409, code: 'attachment_already_sent' } };
    for (const id of attachmentIds) this.#carriedBy.set(`${conversationId}/${id}`, clientMessageId);
    const list = this.#messages.get(conversationId)!;
    const c = this.#conversation(conversationId);
    const conversation: Conversation = { ...c, messageCount: c.messageCount + 1, version: c.version + 1 };
    this.conversations.set(conversationId, conversation);
    const m: Message = {
      id: this.#byClientId.size + 1000, conversationId, ordinal: list.length + 1, clientMessageId, senderRole: 'operator', senderId: null,
      senderName: null, text, isNote: false, status: 'sent', error: null, seq: this.lastSeq + 1, version: 1, createdAt: t0,
      attachments: storedAttachments(attachments),
    };
    list.push(m);
    this.#byClientId.set(clientMessageId, m);
    this.#append('message.created', conversationId, m.version, null, clientMessageId, { message: m, conversation });
    return { status: 201, body: wire({ message: m, conversation, seq: m.seq, replayed: false }) };
  }

  #conversation(id: number): Conversation {
    const c = this.conversations.get(id);
    if (c === undefined) throw new Error(`no conversation ${id}`);
    return c;
  }

  #append(type: string, conversationId: number, version: number, mutationId: string | null, clientMessageId: string | null, data: unknown): number {
    const seq = this.lastSeq + 1;
    this.log.push(parseStreamEvent(wire({ seq, type, conversationId, version, mutationId, clientMessageId, data })));
    return seq;
  }
}

function storedAttachments(attachments: ReadonlyArray<Record<string, unknown> | undefined>) {
  return attachments.map((a) => parseAttachment(wire(a)));
}
