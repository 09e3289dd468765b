import { randomUUID } from 'node:crypto';
import { expect, test } from '../support/fixtures';
import { DashboardOperator } from '../support/dashboardOperator';
import { TeamApi } from '../support/team';

// CSAT (issue 20), end to end against the real server: an operator answers and resolves; the widget shows the rating
// card; the visitor gives 5 stars and a comment and is thanked; the operator's dashboard, open on the conversation, shows
// the rating live; Statistics shows it in the operator's row and the day's row. (The widget+api project resolves and
// reads the statistics through the REST API instead of the dashboard.)

test('a rating given in the widget shows live in the dashboard and in the statistics', async ({ browser, server, operatorKind, dashboardMissing, arrive }) => {
  test.skip(operatorKind === 'dashboard' && dashboardMissing !== null, dashboardMissing ?? '');
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 6);
  const admin = await TeamApi.login(server.baseURL, 'admin@example.com');
  // A member of their own, so their statistics row holds exactly this test's rating.
  const carla = await admin.addMember(`Carla ${tag}`);
  const visitor = await arrive('Rita');
  await visitor.startChat();
  await visitor.send('My parcel is late.');
  const found = await carla.api.ok('GET', `/conversations?q=${encodeURIComponent(visitor.name)}&limit=1`);
  const conversationId = found.items[0].id as number;

  let dashboard: DashboardOperator | undefined;
  if (operatorKind === 'dashboard') {
    dashboard = await DashboardOperator.login(browser, server.baseURL, carla.email);
    await dashboard.openConversation(visitor.name);
    await dashboard.send('It is on its way, sorry for the wait!'); // the reply takes the conversation over: Carla owns it
    await dashboard.page.locator('.conv-head').getByRole('button', { name: 'Resolve' }).click();
    await expect(dashboard.page.locator('.conv-head').getByText('Rating requested')).toBeVisible();
  } else {
    await carla.api.reply(conversationId, 'It is on its way, sorry for the wait!');
    await carla.api.patch(conversationId, { resolved: true });
  }

  // The widget asks; the visitor rates 5 with a comment and is thanked.
  const card = visitor.panel.getByRole('form', { name: 'How would you rate this conversation?' });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: '5 of 5' }).click();
  await expect(card.getByRole('button', { name: '4 of 5' })).toHaveAttribute('aria-pressed', 'true');
  await card.getByRole('textbox', { name: 'Add a comment (optional)' }).fill('Great help, thanks!');
  await card.getByRole('button', { name: 'Send rating' }).click();
  await expect(card.getByText('Thank you for your feedback!')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Send rating' })).toBeHidden();

  const stats = await carla.api.ok('GET', '/stats/csat');
  const mine = (stats.byOperator as { memberId: number | null; ratings: { count: number; average: number } }[]).find((o) => o.memberId === carla.api.memberId);
  expect(mine?.ratings).toMatchObject({ count: 1, average: 5 });
  const today = (stats.byDay as { day: string; ratings: { count: number; average: number | null } }[]).at(-1)!;
  expect(today.ratings.count).toBeGreaterThanOrEqual(1);
  if (dashboard === undefined) return;

  // Carla's dashboard, open all along, shows the stars and the comment under the name (live, no reload).
  const head = dashboard.page.locator('.conv-head');
  await expect(head.getByRole('img', { name: 'Rated 5 of 5' })).toBeVisible();
  await expect(head.getByText('Great help, thanks!')).toBeVisible();

  // Statistics: her row, and today's row as the server counts it.
  await dashboard.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
  const operators = dashboard.page.getByRole('table', { name: 'Satisfaction by operator' });
  const row = operators.getByRole('row').filter({ has: dashboard.page.getByRole('rowheader', { name: `Carla ${tag}` }) });
  await expect(row.getByRole('cell')).toHaveText(['1', '5.00', '100%', '1 · 0 · 0 · 0 · 0']);
  const days = dashboard.page.getByRole('table', { name: 'Satisfaction by day' });
  const day = days.getByRole('row').filter({ has: dashboard.page.getByRole('rowheader', { name: today.day }) });
  await expect(day.getByRole('cell').nth(0)).toHaveText(String(today.ratings.count));
  await expect(day.getByRole('cell').nth(1)).toHaveText(today.ratings.average!.toFixed(2));
  await dashboard.close();
});
