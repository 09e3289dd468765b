import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import type { Operator } from './operator';
import { demoPassword } from './server';
import { callApi } from './http';
import type { Role } from './visitor';

interface Message { id: number; senderRole: string; text: string; status: string; clientMessageId: string }

/**
 * The operator through the REST API: what the dashboard would do, without the dashboard. A WebSocket opened in a
 * blank page of its own receives the live signals (they reach only who is connected) and sends typing as a frame,
 * which keeps the WebSocket path covered: the dashboard and the widget send typing as
 * `POST /api/v1/conversations/{id}/typing` instead.
 */
export class ApiOperator implements Operator {
  readonly kind = 'api';
  #conversationId = 0;
  #page: Page | undefined;

  private constructor(readonly baseURL: string, readonly token: string, private readonly context: BrowserContext) {}

  static async login(browser: Browser, baseURL: string, email = 'operator@example.com'): Promise<ApiOperator> {
    const answer = await fetch(`${baseURL}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: demoPassword }),
    });
    expect(answer.status).toBe(200);
    const { token } = (await answer.json()) as { token: string };
    return new ApiOperator(baseURL, token, await browser.newContext({ baseURL }));
  }

  get conversationId(): number { return this.#conversationId; }

  call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    return callApi(this.baseURL, this.token, method, path, body);
  }

  async openConversation(contactName: string): Promise<void> {
    await expect.poll(async () => {
      const { json } = await this.call('GET', `/conversations?q=${encodeURIComponent(contactName)}&limit=5`);
      this.#conversationId = json.items.find((c: { contact: { name: string } }) => c.contact.name === contactName)?.id ?? 0;
      return this.#conversationId;
    }, { message: `a conversation of ${contactName}`, timeout: 15_000 }).toBeGreaterThan(0);
    await this.#socketPage(); // live signals reach only who is connected, as with an open dashboard
    await this.#markRead();
  }

  async messages(): Promise<Message[]> {
    const { json } = await this.call('GET', `/conversations/${this.#conversationId}/messages?limit=200`);
    return json.items as Message[];
  }

  async expectMessage(role: Role, text: string): Promise<void> {
    await expect.poll(async () => (await this.messages()).filter((m) => m.senderRole === role && m.text === text).length,
      { message: `one ${role} message "${text}"`, timeout: 15_000 }).toBe(1);
    await this.#markRead();
  }

  async expectOwnStatus(text: string, status: string): Promise<void> {
    await expect.poll(async () => (await this.messages()).find((m) => m.senderRole === 'operator' && m.text === text)?.status,
      { message: `status of "${text}"`, timeout: 15_000 }).toBe(status);
  }

  async send(text: string): Promise<void> {
    const { status } = await this.call('POST', `/conversations/${this.#conversationId}/messages`, { clientMessageId: randomUUID(), text });
    expect(status).toBe(201);
  }

  async texts(): Promise<string[]> {
    return (await this.messages()).filter((m) => m.senderRole === 'customer' || m.senderRole === 'operator').map((m) => m.text);
  }

  async conversation(): Promise<any> {
    return (await this.call('GET', `/conversations/${this.#conversationId}`)).json;
  }

  async expectHandoff(): Promise<void> {
    await expect.poll(async () => {
      const c = await this.conversation();
      return c.state === 'queued' && typeof c.handoffReason === 'string';
    }, { message: 'a handoff', timeout: 20_000 }).toBe(true);
  }

  async claim(): Promise<void> {
    const { status } = await this.call('POST', `/conversations/${this.#conversationId}/claim`, { mutationId: randomUUID() });
    expect(status).toBe(200);
  }

  async startTyping(): Promise<void> {
    const page = await this.#socketPage();
    await page.evaluate((conversationId) => (window as any).sbSend({ type: 'typing', conversationId, state: 'start' }), this.#conversationId);
  }

  async expectVisitorTyping(): Promise<void> {
    const page = await this.#socketPage();
    await page.waitForFunction((conversationId) => (window as any).sbSignals.some((s: any) =>
      s.type === 'typing' && s.conversationId === conversationId && s.actor?.type === 'contact' && s.data?.state === 'start'),
    this.#conversationId, { timeout: 10_000 });
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  async #markRead(): Promise<void> {
    const newest = (await this.messages()).filter((m) => m.senderRole === 'customer').at(-1);
    if (newest !== undefined) await this.call('POST', `/conversations/${this.#conversationId}/receipts`, { status: 'read', upToMessageId: newest.id });
  }

  // A same-origin blank page holding the operator's WebSocket: it records signals and sends frames.
  async #socketPage(): Promise<Page> {
    if (this.#page !== undefined) return this.#page;
    const page = await this.context.newPage();
    await page.goto('/healthz');
    await page.evaluate(async (token) => {
      const w = window as any;
      w.sbSignals = [];
      const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/v1/stream?access_token=${encodeURIComponent(token)}`);
      w.sbSend = (frame: unknown) => socket.send(JSON.stringify(frame));
      socket.onmessage = (e) => {
        const frame = JSON.parse(String(e.data));
        if (frame.type === 'ping') socket.send('{"type":"pong"}');
        else if (frame.seq === undefined) w.sbSignals.push(frame);
      };
      await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
    }, this.token);
    return this.#page = page;
  }
}
