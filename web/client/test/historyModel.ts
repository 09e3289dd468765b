import { parseMessage, parseSnapshot, parseStreamEvent, type LoadedPage, type Message, type PageRequest, type Snapshot, type StreamEvent } from '../src/index.js';

// A model server for history schedules: one conversation's transcript (ordinals 1..n), its event log, and pages
// answered as GET .../messages?before=&after=&limit= does (the newest `limit` strictly between the bounds).

const at = '2026-01-01T00:00:00Z';
const statuses = ['sent', 'delivered', 'read'] as const;

export class HistoryServer {
  readonly log: StreamEvent[] = [];
  readonly messages: Message[] = [];
  #version = 1;

  constructor(initial: number) {
    for (let i = 0; i < initial; i++) this.messages.push(this.#message(i + 1, i % 3 === 0 ? 'customer' : i % 3 === 1 ? 'bot' : 'operator', 'sent', 1));
  }

  get cursor(): number { return this.log.length; }

  snapshot(): Snapshot {
    return parseSnapshot({
      cursor: this.cursor, members: [],
      conversations: [{ id: 1, inboxId: 1, contact: { id: 11, name: 'C', email: null }, state: 'assigned', botActive: false, assigneeId: 7,
        messageCount: this.messages.length, lastMessageAt: at, unreadCount: 0, version: this.#version, createdAt: at, updatedAt: at }],
    });
  }

  create(role: string): void {
    const m = this.#message(this.messages.length + 1, role, 'sent', 1);
    this.messages.push(m);
    this.#append('message.created', m);
  }

  /** Moves one message's status a step forward (a receipt about one message). */
  advanceStatus(index: number): void {
    const m = this.messages[index];
    if (m === undefined || m.status === 'read') return;
    this.#replace(m, statuses[statuses.indexOf(m.status as typeof statuses[number]) + 1] ?? 'read');
  }

  /** A read receipt: every unread customer message turns read, one status event each (the flood). */
  readAll(): void {
    for (const m of [...this.messages]) if (m.senderRole === 'customer' && m.status !== 'read') this.#replace(m, 'read');
  }

  page(request: PageRequest, limit: number): LoadedPage {
    const inside = this.messages.filter((m) => (request.after === null || m.ordinal > request.after) && (request.before === null || m.ordinal < request.before));
    return { items: inside.slice(-limit), hasMore: inside.length > limit, cursor: this.cursor };
  }

  #replace(m: Message, status: string): void {
    const next = this.#message(m.ordinal, m.senderRole, status, m.version + 1);
    this.messages[m.ordinal - 1] = next;
    this.#append('message.status', next);
  }

  #message(ordinal: number, role: string, status: string, version: number): Message {
    return parseMessage({ id: 1000 + ordinal, conversationId: 1, ordinal, clientMessageId: `k${ordinal}`, senderRole: role, text: `m${ordinal}`,
      isNote: false, status, seq: 0, version, createdAt: at });
  }

  #append(type: string, m: Message): void {
    this.log.push(parseStreamEvent({ seq: this.log.length + 1, type, conversationId: 1, version: m.version, mutationId: null,
      clientMessageId: m.clientMessageId, data: { message: m, conversation: null } }));
  }
}
