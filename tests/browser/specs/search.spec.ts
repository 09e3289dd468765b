import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { TeamApi } from '../support/team';

// Search (issue 20) against the real server: the operator finds a word that only an old message of a long
// conversation holds, sees it highlighted and opens the conversation; a visitor in the widget can search nothing,
// so never reaches another conversation.

/** A word no other test writes: letters only, so both databases read it as one word. */
function uniqueWord(stem: string): string {
  return stem + randomUUID().replace(/[^a-z]/g, '').slice(0, 8);
}

/** A conversation whose first message holds `word`, then `length` newer messages without it (parallel batches). */
async function seedOldWord(team: TeamApi, name: string, word: string, length: number): Promise<number> {
  const customer = await team.newCustomer(name);
  await customer.say(`Back in spring my ${word} order arrived broken`);
  await team.patch(customer.conversationId, { botActive: false }); // no bot answers in between
  for (let i = 0; i < length; i += 25) {
    await Promise.all(Array.from({ length: Math.min(25, length - i) }, (_, k) => (i + k) % 3 === 0
      ? team.reply(customer.conversationId, `reply ${i + k} about shipping`)
      : customer.say(`follow-up ${i + k} about shipping`)));
  }
  return customer.conversationId;
}

test('dashboard: search finds a word of an old message, highlighted, and opens its conversation', async ({ server, operator, operatorKind, uniqueName }) => {
  test.skip(operatorKind !== 'dashboard', 'the dashboard half runs in the dashboard project');
  test.setTimeout(120_000);
  const team = await TeamApi.login(server.baseURL, 'operator@example.com');
  const name = uniqueName('Sigrun');
  const word = uniqueWord('teapot');
  await seedOldWord(team, name, word, 260);

  const page = (operator as unknown as { page: Page }).page;
  const search = page.getByRole('search', { name: 'Search messages and contacts' });
  await search.getByRole('searchbox', { name: 'Search contacts and messages' }).fill(word.toUpperCase());
  await search.getByRole('searchbox', { name: 'Search contacts and messages' }).press('Enter');

  const hits = page.getByRole('list', { name: 'Matching messages' }).getByRole('listitem');
  await expect(hits).toHaveCount(1, { timeout: 15_000 });
  await expect(hits.first()).toContainText(name);
  await expect(hits.first().locator('mark')).toHaveText(word);
  await expect(hits.first()).toContainText(`Back in spring my ${word} order arrived broken`);
  // The open search (form, filters, hits with marks) has no serious or critical axe violation.
  const axe = await new AxeBuilder({ page }).include('.search-column').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  // A filter narrows the same search at once: from tomorrow on nothing matches; without it the hit is back.
  const fromDay = search.getByLabel('From day');
  const tomorrow = new Date(Date.now() + 86_400_000);
  await fromDay.fill(`${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`);
  await expect(page.getByRole('status').filter({ hasText: 'Nothing matches' })).toBeVisible({ timeout: 15_000 });
  await fromDay.fill('');
  await expect(hits).toHaveCount(1, { timeout: 15_000 });

  // Opening the hit opens its conversation at that message, 260 messages up, in view and marked; scrolling down from
  // it reaches the newest message with nothing missing on the way (the pages between were loaded, not skipped).
  await hits.first().getByRole('button').click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible({ timeout: 15_000 });
  const log = page.getByRole('log', { name: 'Messages' });
  const hit = log.locator('article[aria-current="true"]');
  await expect(hit).toContainText(`Back in spring my ${word} order arrived broken`, { timeout: 30_000 });
  await expect(hit).toBeInViewport();
  await expect(page).toHaveURL(/\/app\/inbox\/\d+\/messages\/\d+$/);
  const seen = new Set<number>();
  for (let step = 0; step < 400; step++) {
    for (const text of await log.getByRole('article').allTextContents()) {
      const n = /(?:follow-up|reply) (\d+) about shipping/.exec(text)?.[1];
      if (n !== undefined) seen.add(Number(n));
    }
    const atEnd = await log.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2);
    if (atEnd && seen.has(259)) break;
    // A reader's scroll of 70 % of the view, asked again until the list has moved (a live update may land first).
    const before = await log.evaluate((el) => el.scrollTop);
    await expect.poll(() => log.evaluate((el, b) => {
      if (el.scrollTop === b) el.scrollTop = b + el.clientHeight * 0.7;
      return el.scrollTop !== b || el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
    }, before)).toBe(true);
  }
  expect([...Array(260).keys()].filter((n) => !seen.has(n))).toEqual([]);

  // Escape closes the search and brings the conversation list back.
  await search.getByRole('searchbox', { name: 'Search contacts and messages' }).press('Escape');
  await expect(page.getByRole('list', { name: 'Conversations' })).toBeVisible();
});

test('widget: a visitor cannot search, so never reaches another conversation or a note', async ({ server, arrive, operatorKind, uniqueName }) => {
  test.skip(operatorKind !== 'api', 'the widget half runs in the api project');
  const team = await TeamApi.login(server.baseURL, 'operator@example.com');
  const word = uniqueWord('walrus');
  const other = await team.newCustomer(uniqueName('Otto'));
  await other.say(`my ${word} is secret`);
  await team.ok('POST', `/conversations/${other.conversationId}/messages`, { clientMessageId: randomUUID(), text: `note about ${word}`, isNote: true });
  // The team finds both; the visitor below must find neither.
  const found = await team.ok('GET', `/search?q=${word}`);
  expect(found.messages).toHaveLength(2);

  const visitor = await arrive('Vic');
  await visitor.startChat();
  await visitor.send(`looking for ${word}`);
  await visitor.expectMessage('customer', `looking for ${word}`);
  await expect(visitor.panel.getByRole('searchbox')).toHaveCount(0);
  // The widget's own session, from the page, asks the search API directly: refused, and nothing of the other conversation comes back.
  const answer = await visitor.page.evaluate(async (q) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('switchboard:') && !k.endsWith(':open'));
    const token = key === undefined ? '' : (JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string }).token ?? '';
    const response = await fetch(`/api/v1/search?q=${encodeURIComponent(q)}`, { headers: { Authorization: `Bearer ${token}` } });
    return { status: response.status, body: await response.text(), hasToken: token !== '' };
  }, word);
  expect(answer.hasToken).toBe(true);
  expect(answer.status).toBe(403);
  expect(answer.body).not.toContain('secret');
  expect(answer.body).not.toContain('note about');
});
