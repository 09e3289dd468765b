import { expect, type Browser, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { DashboardOperator } from './dashboardOperator';
import { demoPassword } from './server';

// The team and the customers through the REST API, for setting a scene fast (a conversation in a given state, a
// second operator) before the dashboard is driven as a person would.

export interface Answer { status: number; json: any }

export class TeamApi {
  private constructor(readonly baseURL: string, readonly token: string, readonly memberId: number) {}

  static async login(baseURL: string, email: string, password = demoPassword): Promise<TeamApi> {
    const answer = await fetch(`${baseURL}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
    });
    expect(answer.status, `login of ${email}`).toBe(200);
    const body = (await answer.json()) as { token: string; member: { id: number } };
    return new TeamApi(baseURL, body.token, body.member.id);
  }

  async call(method: string, path: string, body?: unknown, token = this.token): Promise<Answer> {
    const answer = await fetch(`${this.baseURL}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    return { status: answer.status, json: text === '' ? undefined : JSON.parse(text) };
  }

  async ok(method: string, path: string, body?: unknown): Promise<any> {
    const { status, json } = await this.call(method, path, body);
    expect(status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
    return json;
  }

  conversation(id: number): Promise<any> { return this.ok('GET', `/conversations/${id}`); }
  patch(id: number, change: Record<string, unknown>): Promise<any> { return this.ok('PATCH', `/conversations/${id}`, { mutationId: randomUUID(), ...change }); }
  claim(id: number): Promise<any> { return this.ok('POST', `/conversations/${id}/claim`, { mutationId: randomUUID() }); }
  reply(id: number, text: string): Promise<any> { return this.ok('POST', `/conversations/${id}/messages`, { clientMessageId: randomUUID(), text }); }

  /** Room for many open conversations (admin only): a test that claims a lot never meets `capacity_reached`. */
  async setCapacity(memberId: number, capacity: number): Promise<void> {
    await this.ok('PATCH', `/members/${memberId}`, { capacity });
  }

  /** A new member (admin only), signed in through the API. */
  async addMember(name: string, role: 'operator' | 'admin' = 'operator'): Promise<{ email: string; api: TeamApi }> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 6)}@example.com`;
    await this.ok('POST', '/members', { email, name, role, password: demoPassword });
    return { email, api: await TeamApi.login(this.baseURL, email) };
  }

  /** A customer with a widget session and a conversation (answered by the bot while it is on), on the first widget inbox or `inboxToken`'s. */
  async newCustomer(name: string, inboxToken?: string): Promise<Customer> {
    const inboxes = await this.ok('GET', '/inboxes');
    const publicToken = inboxToken ?? (inboxes.items as { channel: string; publicToken: string }[]).find((i) => i.channel === 'widget')!.publicToken;
    const session = await fetch(`${this.baseURL}/api/v1/widget/sessions`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ inboxToken: publicToken, name }),
    });
    expect(session.status).toBeLessThan(300);
    const { token } = (await session.json()) as { token: string };
    const conversation = await this.call('POST', '/widget/conversation', undefined, token);
    expect(conversation.status).toBeLessThan(300);
    return new Customer(this, token, conversation.json.conversation.id as number, name);
  }
}

export class Customer {
  constructor(private readonly team: TeamApi, readonly token: string, readonly conversationId: number, readonly name: string) {}

  async say(text: string): Promise<void> {
    const { status } = await this.team.call('POST', `/conversations/${this.conversationId}/messages`, { clientMessageId: randomUUID(), text }, this.token);
    expect(status).toBe(201);
  }
}

/** The dashboard signed in as this member, in a context of its own. */
export async function dashboardAs(browser: Browser, baseURL: string, email: string, viewport?: { width: number; height: number }): Promise<DashboardOperator> {
  const operator = await DashboardOperator.login(browser, baseURL, email);
  if (viewport !== undefined) await operator.page.setViewportSize(viewport);
  return operator;
}

/** Opens a conversation by its address inside the running app (no reload: the router follows popstate). */
export async function showConversation(page: Page, id: number, name: string): Promise<void> {
  await page.evaluate((path) => { history.pushState(null, '', path); dispatchEvent(new PopStateEvent('popstate')); }, `/app/inbox/${id}`);
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

/** A small seeded generator (mulberry32): a failing schedule can be replayed from its printed seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFromEnv(): number {
  const fixed = Number(process.env['SB_SEED']);
  return Number.isSafeInteger(fixed) && fixed > 0 ? fixed : Math.floor(Math.random() * 2 ** 31) + 1;
}

/** A promise and the function that settles it: a gate a test opens when it chooses. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}
