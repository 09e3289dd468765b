import type { Page } from '@playwright/test';
import { ApiOperator } from '../support/apiOperator';
import type { DashboardOperator } from '../support/dashboardOperator';
import { expect, test } from '../support/fixtures';

// Issue 18, fast recovery: an outage of ~25 s while an operator replies and switches the bot. Both sides say they are
// not connected, nothing turns failed, and within ~3 s of the server answering /healthz again both streams are live,
// the reply is delivered without a click, exactly once, and the bot switch ends as the operator left it.

const outageMs = 25_000;
const reconnectBoundMs = 3_000;

/** Resolves with the time (epoch ms) `predicate` first held in the page, checked every 50 ms. */
function whenTrue(page: Page, predicate: () => boolean): Promise<number> {
  return page.waitForFunction(predicate, null, { polling: 50, timeout: 90_000 }).then(() => Date.now());
}

test('an outage of ~25 s: both sides show it; within ~3 s of the server being back both reconnect, the reply goes without a click and the bot switch holds the intent', async ({ arrive, operator, server, operatorKind, browser }) => {
  test.skip(operatorKind !== 'dashboard', 'The dashboard in an outage: runs in the widget+dashboard project.');
  test.setTimeout(150_000);
  const dashboard = operator as DashboardOperator;
  const page = dashboard.page;
  const visitor = await arrive('Olga');
  await visitor.startChat();
  await visitor.send('Is anyone there?');
  await dashboard.openConversation(visitor.name);
  await dashboard.expectMessage('customer', 'Is anyone there?');
  // The bot's turn first, as the dashboard shows it: no FAQ entry covers the question, so the bot says goodbye and
  // then hands off (two writes), which turns the Bot switch off. Read before that, the switch can flip after the test
  // decided not to click (seen once in CI: no click, then the handoff).
  await expect(page.getByRole('switch', { name: 'Bot' })).toHaveAttribute('aria-checked', 'false', { timeout: 20_000 });
  const api = await ApiOperator.login(browser, server.baseURL);
  await api.openConversation(visitor.name);

  const connection = page.getByRole('status', { name: 'Connection' });
  const presence = page.getByRole('combobox', { name: 'Presence' });
  const bot = page.getByRole('switch', { name: 'Bot' });
  const replyOnline = visitor.panel.getByText('We typically reply in a few minutes');
  await expect(connection).toHaveText('Live');
  await expect(presence).toHaveValue('online');
  await expect(replyOnline).toBeVisible();
  // The bot on first, confirmed by the server: switching it off and replying then mean the same (a reply takes over).
  if ((await bot.getAttribute('aria-checked')) !== 'true') await bot.click();
  await expect.poll(async () => (await api.conversation()).botActive, { message: 'the bot on, on the server' }).toBe(true);

  await server.stop();
  const stoppedAt = Date.now();
  await expect(connection).toHaveText(/^(Reconnecting…|Offline)$/, { timeout: 10_000 });
  await expect(presence).toHaveValue('offline');
  await expect(presence).toBeDisabled();
  await expect(visitor.panel.getByText(/^(Reconnecting…|You are offline)/)).toBeVisible({ timeout: 10_000 });
  await expect(replyOnline).toHaveCount(0);

  await dashboard.send('We are on it');
  await bot.click();
  const reply = dashboard.message('operator', 'We are on it');
  // Held for the length of the outage; every second the screens must still tell the truth.
  while (Date.now() - stoppedAt < outageMs) {
    await expect(connection).not.toHaveText('Live', { timeout: 0 });
    await expect(reply.getByLabel('sending', { exact: true }), 'waits, never failed').toBeVisible({ timeout: 0 });
    await expect(reply.getByRole('button', { name: 'Retry' })).toHaveCount(0, { timeout: 0 });
    await expect(bot, 'the switch shows the intent').toHaveAttribute('aria-checked', 'false', { timeout: 0 });
    await expect(page.getByRole('alert'), 'no error toast while waiting').toHaveCount(0, { timeout: 0 });
    await expect(replyOnline).toHaveCount(0, { timeout: 0 });
    await page.waitForTimeout(Math.min(1_000, outageMs - (Date.now() - stoppedAt))); // the outage's length, not a settle
  }

  const dashboardLive = whenTrue(page, () => document.querySelector('[role="status"][aria-label="Connection"]')?.textContent === 'Live');
  const widgetLive = whenTrue(visitor.page, () => (document.querySelector('#switchboard-widget')?.shadowRoot?.textContent ?? '').includes('We typically reply in a few minutes'));
  const replyDelivered = whenTrue(visitor.page, () => (document.querySelector('#switchboard-widget')?.shadowRoot?.textContent ?? '').includes('We are on it'));
  const back = await server.resume();
  const [dashboardMs, widgetMs, replyMs] = (await Promise.all([dashboardLive, widgetLive, replyDelivered])).map((t) => Math.max(0, t - back));
  console.log(`recovery after /healthz: dashboard live ${dashboardMs} ms, widget live ${widgetMs} ms, reply at the visitor ${replyMs} ms`);
  expect(dashboardMs, 'the dashboard reconnects within ~3 s').toBeLessThanOrEqual(reconnectBoundMs);
  expect(widgetMs, 'the widget reconnects within ~3 s').toBeLessThanOrEqual(reconnectBoundMs);
  expect(replyMs, 'the reply is delivered without a click').toBeLessThanOrEqual(reconnectBoundMs + 1_000);

  await expect(presence).toBeEnabled();
  await expect(presence).toHaveValue('online');
  await expect(reply.getByLabel(/^(sent|delivered|read)$/)).toBeVisible();
  await dashboard.expectMessage('operator', 'We are on it');
  await visitor.expectMessage('operator', 'We are on it');
  await api.expectMessage('operator', 'We are on it');
  await expect(bot).toHaveAttribute('aria-checked', 'false');
  await expect.poll(async () => (await api.conversation()).botActive, { message: 'the intent, on the server' }).toBe(false);
  await expect.poll(() => visitor.texts()).toEqual(['Is anyone there?', 'We are on it']);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await api.close();
});

test('a refused bot switch reverts at once, and its message covers neither the composer nor the header actions', async ({ arrive, operator, operatorKind }) => {
  test.skip(operatorKind !== 'dashboard', 'Dashboard only: runs in the widget+dashboard project.');
  const dashboard = operator as DashboardOperator;
  const page = dashboard.page;
  const visitor = await arrive('Rolf');
  await visitor.startChat();
  await visitor.send('Please switch the bot');
  // The bot's turn first (it answers or hands off, and the knowledge base may still be loading its model): a switch
  // read while the bot's decision is on its way can flip under the test's click.
  await expect(visitor.log.getByRole('article', { name: 'bot message' })).not.toHaveCount(0, { timeout: 20_000 });
  await dashboard.openConversation(visitor.name);
  const bot = page.getByRole('switch', { name: 'Bot' });
  const before = await bot.getAttribute('aria-checked');
  const intent = before === 'true' ? 'false' : 'true';
  // A definite refusal (the server's answer for a change this member may not make), for this PATCH, held until the
  // switch shows the intent, so the revert is timed from the refusal's arrival.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  let answeredAt = 0;
  await page.route((url) => /\/api\/v1\/conversations\/\d+$/.test(url.pathname), async (route) => {
    if (route.request().method() !== 'PATCH') return route.continue();
    await held;
    answeredAt = Date.now();
    return route.fulfill({ status: 403, contentType: 'application/problem+json', body: JSON.stringify({ status: 403, code: 'forbidden', detail: 'Not allowed.' }) });
  });
  await bot.click();
  await expect(bot).toHaveAttribute('aria-checked', intent);
  // The switch's changes, timed in the page (a MutationObserver), so the test's own polling adds nothing.
  // The Bot switch itself (the sidebar has another switch, "Desktop notifications").
  await bot.evaluate((el) => {
    const changes: number[] = (window as unknown as { switchChanges: number[] }).switchChanges = [];
    new MutationObserver(() => changes.push(Date.now())).observe(el, { attributes: true, attributeFilter: ['aria-checked'] });
  });
  release();
  await expect(bot).toHaveAttribute('aria-checked', before ?? 'false');
  const [revertedAt] = await page.evaluate(() => (window as unknown as { switchChanges: number[] }).switchChanges);
  const revertMs = revertedAt! - answeredAt;
  console.log(`a refused toggle reverted ${revertMs} ms after the refusal`);
  expect(revertMs, 'reverted as soon as the refusal came').toBeLessThan(1_500);
  const toast = page.getByRole('alert').filter({ hasText: 'not allowed' });
  await expect(toast).toBeVisible();

  const box = await toast.boundingBox();
  expect(box).not.toBeNull();
  const controls = [
    page.getByRole('textbox', { name: 'Message' }), page.getByRole('button', { name: 'Send' }), bot,
    page.getByRole('button', { name: /^(Resolve|Reopen)$/ }),
  ];
  for (const control of controls) {
    const c = await control.boundingBox();
    expect(c).not.toBeNull();
    const overlaps = box!.x < c!.x + c!.width && c!.x < box!.x + box!.width && box!.y < c!.y + c!.height && c!.y < box!.y + box!.height;
    expect(overlaps, `the toast covers ${await control.evaluate((el) => el.getAttribute('aria-label') ?? el.textContent)}`).toBe(false);
  }
});
