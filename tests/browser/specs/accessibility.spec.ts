import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DashboardOperator } from '../support/dashboardOperator';
import { expect, test } from '../support/fixtures';

// Issue 18: axe-core over every screen, with zero serious or critical violations. axe analyses open shadow roots, so
// the widget's panel is checked inside its shadow DOM.

/** The serious and critical violations on the page as it is now, one line each (rule, impact, first targets). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join(' | ')}`);
}

test('the dashboard has no serious or critical axe violations: login, inbox, a conversation, statistics, admin', async ({ browser, server, arrive, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'The dashboard: runs in the widget+dashboard project.');
  test.setTimeout(300_000); // five pages, each analysed whole by axe (about 2.5 min on a loaded 2-core machine)
  const visitor = await arrive('Ada');
  await visitor.startChat();
  await visitor.send('Can you read this?');

  const loginContext = await browser.newContext({ baseURL: server.baseURL });
  const login = await loginContext.newPage();
  await login.goto('/app');
  await expect(login.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect.soft(await violations(login), 'login').toEqual([]);
  await loginContext.close();

  const admin = await DashboardOperator.login(browser, server.baseURL, 'admin@example.com');
  const page = admin.page;
  try {
    await expect(page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').first()).toBeVisible();
    expect.soft(await violations(page), 'inbox').toEqual([]);

    await admin.openConversation(visitor.name);
    await admin.expectMessage('customer', 'Can you read this?');
    await admin.send('Yes, loud and clear');
    await expect(admin.message('operator', 'Yes, loud and clear').getByLabel(/^(sent|delivered|read)$/)).toBeVisible();
    expect.soft(await violations(page), 'conversation').toEqual([]);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
    await expect(page.getByRole('heading', { name: 'Statistics' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Operators' })).toBeVisible();
    expect.soft(await violations(page), 'statistics').toEqual([]);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
    expect.soft(await violations(page), 'admin').toEqual([]);
  } finally {
    await admin.close();
  }
});

test('the open widget has no serious or critical axe violations, inside its shadow DOM too', async ({ arrive, operatorKind }) => {
  test.skip(operatorKind !== 'api', 'The widget alone: runs once, in the widget+api project.');
  const visitor = await arrive('Grace');
  await visitor.page.getByRole('button', { name: 'Open chat' }).click();
  await expect(visitor.panel.getByRole('textbox', { name: 'Name' })).toBeVisible();
  // axe must see into the shadow root, or an empty result would prove nothing.
  const inShadow = await new AxeBuilder({ page: visitor.page }).include('#switchboard-widget').analyze();
  expect(inShadow.passes.some((r) => r.nodes.some((n) => n.target.some((t) => Array.isArray(t)))), 'axe checked nodes inside the shadow root').toBe(true);
  expect.soft(await violations(visitor.page), 'widget intro').toEqual([]);

  await visitor.panel.getByRole('button', { name: 'Skip' }).click();
  await expect(visitor.composer).toBeVisible({ timeout: 15_000 });
  await visitor.send('Hello from an accessible widget');
  await expect(visitor.status('Hello from an accessible widget', /^(sent|delivered|read)$/)).toBeVisible();
  expect.soft(await violations(visitor.page), 'widget conversation').toEqual([]);
});
