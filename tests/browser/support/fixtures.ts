import { test as base, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Admin } from './admin';
import { ApiOperator } from './apiOperator';
import { DashboardOperator } from './dashboardOperator';
import type { Operator } from './operator';
import { demoPassword, SwitchboardServer } from './server';
import { Visitor } from './visitor';

export const screenshotDir = join(import.meta.dirname, '..', 'screenshots');

export interface WorkerFixtures {
  /** How the operator's side is driven: the dashboard (per ui-contract.md) or the REST API. A project option. */
  operatorKind: 'dashboard' | 'api';
  /** One real server per worker (tests run one at a time: a restart must not hit another test). */
  server: SwitchboardServer;
  /** Why dashboard steps cannot run on this build (the placeholder app), or null when the dashboard is there. */
  dashboardMissing: string | null;
  /** Why bot replies cannot be tested on this build (no bot engine), or null. */
  botsMissing: string | null;
}

interface TestFixtures {
  /** The operator, logged in; the test is skipped when the dashboard is needed but not built on this branch. */
  operator: Operator;
  /** A new visitor (own browser context) on the demo page, named `label` plus a unique suffix (or exactly `label`). */
  arrive: (label?: string, options?: { exactName?: boolean }) => Promise<Visitor>;
  /** A name no other test uses, so the operator finds exactly this test's conversation. */
  uniqueName: (label: string) => string;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  operatorKind: ['api', { scope: 'worker', option: true }],

  server: [async ({}, use, workerInfo) => {
    const server = await SwitchboardServer.start(join(workerInfo.project.outputDir, 'logs'));
    await askNameAndEmail(server.baseURL);
    await use(server);
    await server.dispose();
  }, { scope: 'worker', timeout: 120_000 }],

  dashboardMissing: [async ({ browser, server }, use) => {
    // The branch without the dashboard serves a placeholder app whose whole text is "Switchboard". Anything else is
    // taken to be the dashboard, so a broken dashboard fails its tests instead of skipping them.
    const page = await browser.newPage({ baseURL: server.baseURL });
    await page.goto('/app');
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, null, { timeout: 20_000 });
    const placeholder = await page.evaluate(() => document.getElementById('root')!.innerText.trim() === 'Switchboard' && document.querySelector('input') === null);
    await page.close();
    await use(placeholder ? 'The dashboard is not built on this branch (/app is the placeholder); these steps run once it is merged.' : null);
  }, { scope: 'worker' }],

  botsMissing: [async ({ server }, use) => {
    const login = await fetch(`${server.baseURL}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: demoPassword }),
    });
    const { token } = (await login.json()) as { token: string };
    const bot = await fetch(`${server.baseURL}/api/v1/bot`, { headers: { Authorization: `Bearer ${token}` } });
    await use(bot.ok ? null : `No bot engine on this branch (GET /api/v1/bot answered ${bot.status}); enabled once the bots branch is merged.`);
  }, { scope: 'worker' }],

  operator: async ({ browser, server, operatorKind, dashboardMissing }, use) => {
    test.skip(operatorKind === 'dashboard' && dashboardMissing !== null, dashboardMissing ?? '');
    const operator = operatorKind === 'dashboard'
      ? await DashboardOperator.login(browser, server.baseURL)
      : await ApiOperator.login(browser, server.baseURL);
    await use(operator);
    await operator.close();
  },

  uniqueName: async ({}, use) => {
    await use((label) => `${label} ${randomBytes(3).toString('hex')}`);
  },

  arrive: async ({ browser, server, uniqueName }, use) => {
    const visitors: Visitor[] = [];
    await use(async (label = 'Vera', options = {}) => {
      const visitor = await Visitor.arrive(browser, server.baseURL, options.exactName ? label : uniqueName(label));
      visitors.push(visitor);
      return visitor;
    });
    for (const v of visitors) await v.close();
  },
});

/**
 * The demo inbox asks for an optional name and email before the chat, as the tests' visitors expect (a new inbox asks
 * nothing since issue 19). A server without widget settings already does.
 */
async function askNameAndEmail(baseURL: string): Promise<void> {
  const admin = await Admin.login(baseURL);
  const { json } = await admin.call('GET', '/inboxes');
  const demo = (json.items as { id: number; channel: string }[]).find((i) => i.channel === 'widget');
  if (demo === undefined || (await admin.call('GET', `/inboxes/${demo.id}/widget`)).status === 404) return;
  await admin.updateWidget(demo.id, { preChat: { name: 'optional', email: 'optional' } });
}

export { expect };
