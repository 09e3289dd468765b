import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { DashboardOperator } from '../support/dashboardOperator';
import { TeamApi } from '../support/team';

// The dashboard on a phone (390×844): one column at a time (list → conversation → details and back), nothing wider
// than the screen, tap targets of at least 44 px, and a composer as wide as the screen.

const phone = { width: 390, height: 844 };

test('on a phone the operator opens a conversation, replies and goes back, one column at a time', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  const admin = await TeamApi.login(server.baseURL, 'admin@example.com');
  const me = await TeamApi.login(server.baseURL, 'operator@example.com');
  const customer = await admin.newCustomer(`Phone ${Date.now()}`);
  await admin.patch(customer.conversationId, { botActive: false });
  await customer.say('Can I change the delivery address?');
  await me.claim(customer.conversationId);

  const operator = await DashboardOperator.login(browser, server.baseURL, undefined, { viewport: phone, isMobile: true, hasTouch: true });
  const page = operator.page;
  await expectFits(page, 'the inbox');

  // The list fills the screen; the conversation pane is not beside it.
  const list = page.getByRole('list', { name: 'Conversations' });
  await page.getByRole('tablist', { name: 'Filters' }).getByRole('tab', { name: 'Mine' }).click();
  const item = list.getByRole('listitem').filter({ hasText: customer.name });
  await expect(item).toBeVisible();
  expect((await item.boundingBox())!.width).toBeGreaterThan(phone.width - 40);
  await expectTappable(page.getByRole('navigation', { name: 'Main' }).getByRole('link'), 'navigation links');
  await expectTappable(page.getByRole('tablist', { name: 'Filters' }).getByRole('tab'), 'filter tabs');

  await item.tap();
  await expect(page.getByRole('heading', { level: 2, name: customer.name })).toBeVisible();
  await expect(list).toBeHidden();
  await expectFits(page, 'the conversation');
  const composer = operator.composer;
  const composerBox = (await composer.boundingBox())!;
  expect(composerBox.width, 'composer width').toBeGreaterThan(phone.width - 60);
  for (const control of [page.getByRole('link', { name: 'Back to conversations' }), page.getByRole('button', { name: 'Details' }),
    page.getByRole('switch', { name: 'Bot' }), page.getByRole('button', { name: 'Resolve' })]) await expectTappable(control, 'header control');
  await expectTappable(page.getByRole('button', { name: 'Send' }), 'send button');
  await operator.expectMessage('customer', 'Can I change the delivery address?');
  const article = operator.message('customer', 'Can I change the delivery address?');
  expect((await article.boundingBox())!.width, 'a message is readable, not one character wide').toBeGreaterThan(150);

  await composer.tap();
  await operator.send('Yes: tell me the new address and I will update it.');
  await operator.expectOwnStatus('Yes: tell me the new address and I will update it.', 'sent');
  await expectFits(page, 'after replying');

  // On to the details, back to the conversation, back to the list.
  await page.getByRole('button', { name: 'Details' }).tap();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(customer.name);
  await expectFits(page, 'the details');
  await page.getByRole('button', { name: 'Back to the conversation' }).tap();
  await expect(composer).toBeVisible();
  await page.getByRole('link', { name: 'Back to conversations' }).tap();
  await expect(list).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: customer.name })).toBeHidden();
  await expectFits(page, 'back at the list');
  await operator.close();
});

test('the desktop keeps its columns side by side', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  const admin = await TeamApi.login(server.baseURL, 'admin@example.com');
  const customer = await admin.newCustomer(`Desktop ${Date.now()}`);
  const operator = await DashboardOperator.login(browser, server.baseURL);
  await operator.page.goto(`/app/inbox/${customer.conversationId}`);
  await expect(operator.page.getByRole('heading', { level: 2, name: customer.name })).toBeVisible();
  const list = (await operator.page.getByRole('list', { name: 'Conversations' }).boundingBox())!;
  const log = (await operator.log.boundingBox())!;
  expect(log.x, 'the conversation is right of the list').toBeGreaterThanOrEqual(list.x + list.width);
  await expect(operator.page.getByRole('link', { name: 'Back to conversations' })).toBeHidden();
  await expect(operator.page.getByRole('button', { name: 'Details' })).toBeHidden();
  await operator.close();
});

/** No horizontal scroll, and no visible element reaching past the screen's right edge. */
async function expectFits(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && r.right > width + 1 && el.closest('.tabs, .vl-scroll, .snippet') === null;
    }).map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scroll: document.scrollingElement!.scrollWidth - width, wide: wide.slice(0, 5) };
  });
  expect(overflow, `nothing wider than the screen on ${where}`).toEqual({ scroll: 0, wide: [] });
}

async function expectTappable(targets: Locator, what: string): Promise<void> {
  const boxes = await targets.evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '', width: Math.round(r.width), height: Math.round(r.height) };
  }));
  expect(boxes.length, what).toBeGreaterThan(0);
  for (const b of boxes) expect(Math.min(b.width, b.height), `${what}: "${b.name}" is ${b.width}×${b.height}`).toBeGreaterThanOrEqual(44);
}
