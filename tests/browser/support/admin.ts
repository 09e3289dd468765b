import { expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { demoPassword } from './server';
import { callApi } from './http';

/** An inbox's widget settings, as `GET /api/v1/inboxes/{id}/widget` answers them. */
export type WidgetSettings = Record<string, unknown> & { allowedOrigins: string[] };

/** The admin through the REST API: a widget inbox of the test's own, its settings and identity secret. */
export class Admin {
  private constructor(readonly baseURL: string, readonly token: string) {}

  static async login(baseURL: string): Promise<Admin> {
    const answer = await fetch(`${baseURL}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: demoPassword }),
    });
    expect(answer.status).toBe(200);
    return new Admin(baseURL, ((await answer.json()) as { token: string }).token);
  }

  call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    return callApi(this.baseURL, this.token, method, path, body);
  }

  /** A new widget inbox (so no test changes another's widget); returns its id and public token. */
  async createWidgetInbox(): Promise<{ id: number; token: string }> {
    const { status, json } = await this.call('POST', '/inboxes', { name: `Site ${randomBytes(3).toString('hex')}`, channel: 'widget' });
    expect(status).toBeLessThan(300);
    return { id: json.id, token: json.publicToken };
  }

  async widgetSettings(inboxId: number): Promise<WidgetSettings> {
    const { status, json } = await this.call('GET', `/inboxes/${inboxId}/widget`);
    expect(status, 'GET widget settings').toBe(200);
    return json;
  }

  /** Changes some settings (a full replace of the current ones with these fields changed). */
  async updateWidget(inboxId: number, change: Record<string, unknown>): Promise<WidgetSettings> {
    const current = await this.widgetSettings(inboxId);
    const { status, json } = await this.call('PUT', `/inboxes/${inboxId}/widget`, { ...current, ...change });
    expect(status, `PUT widget settings: ${JSON.stringify(json)}`).toBe(200);
    return json;
  }

  async rotateIdentitySecret(inboxId: number): Promise<string> {
    const { status, json } = await this.call('POST', `/inboxes/${inboxId}/identity-secret`);
    expect(status).toBe(200);
    return json.secret;
  }
}
