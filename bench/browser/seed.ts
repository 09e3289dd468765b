import { randomUUID } from 'node:crypto';
import { callApi } from '../../tests/browser/support/http.ts';
import { demoPassword } from '../../tests/browser/support/server.ts';

// The scenes the benchmark opens, written through the public HTTP API as a visitor and an operator would write
// them: many POSTs in flight at once (bounded), each with its own clientMessageId, so a retry after a lost answer
// is idempotent and never doubles a message.

/** A conversation ready to open: its visitor's session, the inbox its widget belongs to, and what it holds. */
export interface Scene {
  readonly conversationId: number;
  readonly contactName: string;
  readonly inboxToken: string;
  readonly visitorToken: string;
  readonly messages: number;
  /** The text of the newest message by the server's order (the writes race, so it is read back). */
  readonly lastText: string;
  /** Unread counts when seeded: the visitor's (team messages) and the team's (customer messages). */
  readonly visitorUnread: number;
  readonly teamUnread: number;
}

/** One signed-in operator writing scenes into the demo workspace. */
export class Seeder {
  private constructor(private readonly baseURL: string, private readonly token: string, private readonly inboxToken: string, private readonly inFlight: number) {}

  static async start(baseURL: string, email: string, inFlight: number): Promise<Seeder> {
    const login = await ok(baseURL, '', 'POST', '/auth/login', { email, password: demoPassword });
    const snapshot = await ok(baseURL, login.token, 'GET', '/sync/snapshot');
    const inbox = (snapshot.inboxes as { channel: string; publicToken: string }[]).find((i) => i.channel === 'widget');
    if (inbox === undefined) throw new Error('The demo workspace has no widget inbox.');
    return new Seeder(baseURL, login.token, inbox.publicToken, inFlight);
  }

  /**
   * A visitor's conversation of `messages` messages, the bot switched off first so every reply is the operator's.
   * `fromCustomer(i)` says who writes the i-th: the customer (unread by the team) or the operator (unread by the
   * visitor). Nothing is read by anyone afterwards.
   */
  async conversation(contactName: string, messages: number, fromCustomer: (i: number) => boolean): Promise<Scene> {
    const session = await ok(this.baseURL, '', 'POST', '/widget/sessions', { inboxToken: this.inboxToken, name: contactName });
    const visitor = session.token as string;
    const conversationId: number = session.conversationId ?? (await ok(this.baseURL, visitor, 'POST', '/widget/conversation')).conversation.id;
    await ok(this.baseURL, this.token, 'PATCH', `/conversations/${conversationId}`, { mutationId: randomUUID(), botActive: false });
    const path = `/conversations/${conversationId}/messages`;
    // replyAnyway: the demo's assignment policy may give the conversation to a colleague; this operator writes anyway.
    await bounded(messages, this.inFlight, (i) => fromCustomer(i)
      ? ok(this.baseURL, visitor, 'POST', path, { clientMessageId: randomUUID(), text: `c${i} question from the customer` })
      : ok(this.baseURL, this.token, 'POST', path, { clientMessageId: randomUUID(), text: `r${i} answer from the team`, replyAnyway: true }));
    const newest = await ok(this.baseURL, this.token, 'GET', `${path}?limit=1`);
    const asTeam = await ok(this.baseURL, this.token, 'GET', `/conversations/${conversationId}`);
    const asVisitor = await ok(this.baseURL, visitor, 'GET', `/conversations/${conversationId}`);
    return {
      conversationId, contactName, inboxToken: this.inboxToken, visitorToken: visitor, messages, lastText: newest.items.at(-1)?.text ?? '',
      visitorUnread: asVisitor.unreadCount ?? 0, teamUnread: asTeam.unreadCount ?? 0,
    };
  }

  /** The team's unread count of a conversation now (after an opening, the read receipt has set it to 0). */
  async teamUnread(conversationId: number): Promise<number> {
    return (await ok(this.baseURL, this.token, 'GET', `/conversations/${conversationId}`)).unreadCount ?? 0;
  }
}

/** Runs `write(0 … count-1)` with at most `inFlight` at a time; each write is retried (same request) on a network failure or 5xx. */
async function bounded(count: number, inFlight: number, write: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) await write(i);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
}

class Refused extends Error {}

async function ok(baseURL: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { status, json } = await callApi(baseURL, token, method, path, body);
      if (status < 300) return json;
      const failure = new Error(`${method} ${path} answered ${status}: ${JSON.stringify(json).slice(0, 200)}`);
      throw status < 500 ? new Refused(failure.message) : failure;
    } catch (error) {
      if (error instanceof Refused || attempt === 3) throw error;
    }
    await new Promise((r) => setTimeout(r, 500 * attempt)); // a seeding script's retry schedule: 0.5 s, then 1 s
  }
}
