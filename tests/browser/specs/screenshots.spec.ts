import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, screenshotDir, test } from '../support/fixtures';
import { DashboardOperator } from '../support/dashboardOperator';
import type { Operator } from '../support/operator';
import { TeamApi } from '../support/team';
import type { Visitor } from '../support/visitor';

type Arrive = (label?: string, options?: { exactName?: boolean }) => Promise<Visitor>;

// Screenshots for the README (each test runs once per server, so the visitor's name can be a plain one), written to tests/browser/screenshots/ (not committed; curated copies live in docs/screenshots/).

const answer = 'Hello Grace! Yes, we ship to Norway: delivery takes 3–5 business days.';

/** The first exchange both sets of screenshots show: Grace asks, the operator answers. */
async function openingExchange(arrive: Arrive, operator: Operator): Promise<Visitor> {
  const visitor = await arrive('Grace Miller', { exactName: true });
  await visitor.startChat();
  await visitor.send('Hi! Do you ship to Norway?');
  await operator.openConversation(visitor.name);
  await operator.expectMessage('customer', 'Hi! Do you ship to Norway?');
  await operator.send(answer);
  await visitor.expectMessage('operator', answer);
  return visitor;
}

test('widget screenshots', async ({ arrive, operator, operatorKind, browser, server }) => {
  test.skip(operatorKind !== 'api', 'Taken once, in the widget+api project.');
  const visitor = await openingExchange(arrive, operator);
  await visitor.send('Great, and can I return items from there?');
  await operator.expectMessage('customer', 'Great, and can I return items from there?');
  await expect(visitor.status('Great, and can I return items from there?', 'read')).toBeVisible();
  await operator.startTyping();
  await expect(visitor.panel.getByRole('status', { name: 'Typing' })).toBeVisible();
  await settle(visitor.page);
  await visitor.page.screenshot({ path: join(screenshotDir, 'widget.png') });

  // Closed, with unread answers on the launcher.
  await visitor.page.keyboard.press('Escape');
  await operator.send('Of course: returns are free within 30 days, from anywhere in Europe.');
  await expect(visitor.page.getByRole('button', { name: 'Open chat' }).getByLabel('1 unread')).toBeVisible();
  await settle(visitor.page);
  await visitor.page.screenshot({ path: join(screenshotDir, 'widget-unread.png') });

  // A phone: the panel takes the whole screen.
  const phone = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 390, height: 780 }, isMobile: true, hasTouch: true });
  await phone.addInitScript(([key, value]) => localStorage.setItem(key!, value!), await visitor.page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('switchboard:'))!;
    return [key, localStorage.getItem(key)!];
  }));
  const page = await phone.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Open chat' }).click();
  await expect(page.getByRole('dialog', { name: 'Chat' }).getByRole('article', { name: 'operator message' })
    .filter({ hasText: 'Of course: returns are free' })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: join(screenshotDir, 'widget-mobile.png') });
  await phone.close();
});

test('dashboard screenshots', async ({ arrive, operator, operatorKind }) => {
  test.skip(operatorKind !== 'dashboard', 'The dashboard screens: the widget+dashboard project takes them.');
  const page = (operator as unknown as { page: Page }).page;
  await openingExchange(arrive, operator);
  await operator.expectOwnStatus(answer, 'read');
  await settle(page);
  await page.screenshot({ path: join(screenshotDir, 'conversation.png') });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('tablist', { name: 'Filters' }).getByRole('tab', { name: 'All' }).click();
  await page.getByRole('searchbox', { name: 'Search contacts and messages' }).fill('');
  await expect(page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').first()).toBeVisible();
  await settle(page);
  await page.screenshot({ path: join(screenshotDir, 'dashboard.png') });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByRole('heading', { name: 'Statistics' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Operators' })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: join(screenshotDir, 'stats.png') });
});

test('dashboard screenshots on a phone, and a colleague\'s conversation', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'The dashboard screens: the widget+dashboard project takes them.');
  const admin = await TeamApi.login(server.baseURL, 'admin@example.com');
  const me = await TeamApi.login(server.baseURL, 'operator@example.com');
  // Earlier tests on this server may have filled the operator's capacity (5): the claim below must not meet it.
  await admin.setCapacity(me.memberId, 100);
  const liam = await admin.newCustomer('Liam Chen');
  await admin.patch(liam.conversationId, { botActive: false });
  await liam.say('Hi, my parcel says delivered but it is not here.');
  await me.claim(liam.conversationId);
  await me.reply(liam.conversationId, 'Sorry about that, Liam! Let me check with the carrier right away.');
  await liam.say('Thank you! The tracking number is NW-20417.');

  const phone = await DashboardOperator.login(browser, server.baseURL, 'operator@example.com', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.page.getByRole('tablist', { name: 'Filters' }).getByRole('tab', { name: 'All' }).click();
  await expect(phone.page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: 'Liam Chen' })).toBeVisible();
  await settle(phone.page);
  await phone.page.screenshot({ path: join(screenshotDir, 'dashboard-phone.png') });
  await phone.page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: 'Liam Chen' }).tap();
  await phone.expectMessage('customer', 'Thank you! The tracking number is NW-20417.');
  await settle(phone.page);
  await phone.page.screenshot({ path: join(screenshotDir, 'conversation-phone.png') });
  await phone.close();

  const sofia = await admin.newCustomer('Sofia Rossi');
  await admin.patch(sofia.conversationId, { botActive: false });
  await sofia.say('Can I still change the size of my order #5521?');
  await admin.claim(sofia.conversationId);
  await admin.reply(sofia.conversationId, 'Hi Sofia, yes: which size would you like instead?');
  const desktop = await DashboardOperator.login(browser, server.baseURL);
  await desktop.page.goto(`/app/inbox/${sofia.conversationId}`);
  await expect(desktop.page.getByRole('note', { name: 'Conversation owner' })).toContainText('Assigned to Avery Admin');
  await desktop.expectMessage('operator', 'Hi Sofia, yes: which size would you like instead?');
  await settle(desktop.page);
  await desktop.page.screenshot({ path: join(screenshotDir, 'owner-notice.png') });
  await desktop.close();
});

/** Waits for running animations to finish (entrance animations), so the picture is not caught mid-fade. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const roots: (Document | ShadowRoot)[] = [document, ...[...document.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))];
    await Promise.all(roots.flatMap((r) => r.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))));
  });
}
