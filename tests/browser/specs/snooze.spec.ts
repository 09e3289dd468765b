import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { dashboardAs, TeamApi } from '../support/team';

// Snooze (issue 20), end to end: operator A snoozes a customer's conversation until the customer writes; operator B's
// open dashboard sees it leave the active list and appear under "Snoozed", live; the customer writes in the widget and
// both dashboards see it come back with the wake marker, which one dismissal clears everywhere. Then a timed snooze a
// few seconds ahead, chosen by keyboard in the custom-time form, is woken by the server's job in both dashboards.

test('a snooze leaves the lists live, and the customer or the clock brings it back with a marker', async ({ browser, server, operatorKind, dashboardMissing, arrive }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  const admin = await TeamApi.login(server.baseURL, 'admin@example.com');
  const bea = await admin.addMember('Bea Backup');
  const visitor = await arrive('Sonia Snooze');
  await visitor.startChat();
  await visitor.send('Hello, I have a question about my invoice.');
  const id = await conversationOf(admin, visitor.name);
  await admin.patch(id, { botActive: false }); // a person's conversation: out of the bot's hands, in the queue

  const a = await dashboardAs(browser, server.baseURL, 'operator@example.com');
  const b = await dashboardAs(browser, server.baseURL, bea.email);
  await b.page.goto('/app/inbox');
  await b.page.getByRole('tab', { name: /^All/ }).click();
  await expect(row(b.page, visitor.name)).toBeVisible();
  await a.page.goto(`/app/inbox/${id}`);
  await expect(a.page.getByRole('heading', { level: 2, name: visitor.name })).toBeVisible();

  // A snoozes by keyboard: the menu button opens on Enter with focus on its first choice; arrows move; Enter picks.
  const snooze = a.page.getByRole('button', { name: 'Snooze', exact: true });
  await snooze.focus();
  await a.page.keyboard.press('Enter');
  const menu = a.page.getByRole('menu', { name: 'Snooze options' });
  await expect(menu.getByRole('menuitem', { name: 'In 1 hour' })).toBeFocused();
  await expect(snooze).toHaveAttribute('aria-expanded', 'true');
  await a.page.keyboard.press('End');
  await a.page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Until the customer replies' })).toBeFocused();
  await a.page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(a.page.getByRole('button', { name: 'Unsnooze' })).toBeVisible();
  await expect(a.page.getByText('Snoozed until the customer replies').first()).toBeVisible();

  // B's open list drops it live; it waits under "Snoozed", saying until when.
  await expect(row(b.page, visitor.name)).toHaveCount(0);
  await b.page.getByRole('tab', { name: /^Snoozed/ }).click();
  await expect(row(b.page, visitor.name)).toContainText('Snoozed until the customer replies');
  expect((await admin.ok('GET', '/queue')).items.map((c: { id: number }) => c.id)).not.toContain(id);

  // The customer writes: it wakes in both dashboards with the marker.
  await visitor.send('Any news on that invoice?');
  await expect(row(b.page, visitor.name)).toHaveCount(0);
  await b.page.getByRole('tab', { name: /^All/ }).click();
  await expect(row(b.page, visitor.name).getByLabel('Wake marker: Customer replied while snoozed')).toBeVisible();
  const marker = a.page.getByRole('note', { name: 'Wake marker' });
  await expect(marker).toContainText('Customer replied while snoozed');
  await expect(a.page.getByRole('button', { name: 'Snooze', exact: true })).toBeVisible();

  // Dismissed by A: gone from both.
  await marker.getByRole('button', { name: 'Dismiss wake marker' }).click();
  await expect(marker).toHaveCount(0);
  await expect(row(b.page, visitor.name).getByLabel(/^Wake marker/)).toHaveCount(0);

  // A timed snooze a few seconds ahead, through the custom time: the server's job wakes it, "Snooze ended" in both.
  await a.page.getByRole('button', { name: 'Snooze', exact: true }).click();
  await a.page.getByRole('menuitem', { name: 'Custom date and time…' }).click();
  const dialog = a.page.getByRole('dialog', { name: 'Snooze until' });
  await dialog.getByLabel('Snooze until').fill(await localTimeAhead(a.page, 2 * 3600_000 * 24 * 400)); // too far: refused
  await dialog.getByRole('button', { name: 'Snooze until then' }).click();
  await expect(dialog.getByRole('alert')).toContainText('at most a year ahead');
  await dialog.getByLabel('Snooze until').fill(await localTimeAhead(a.page, 4_000));
  await dialog.getByRole('button', { name: 'Snooze until then' }).click();
  await expect(a.page.getByText(/^Snoozed until \d/).first()).toBeVisible();
  await expect(row(b.page, visitor.name)).toHaveCount(0);
  await expect(a.page.getByRole('note', { name: 'Wake marker' })).toContainText('Snooze ended', { timeout: 20_000 });
  await expect(row(b.page, visitor.name).getByLabel('Wake marker: Snooze ended')).toBeVisible({ timeout: 20_000 });

  // An answer deals with it: the marker goes.
  await a.send('Thanks for waiting: your invoice is corrected.');
  await expect(a.page.getByRole('note', { name: 'Wake marker' })).toHaveCount(0);
  await expect(row(b.page, visitor.name).getByLabel(/^Wake marker/)).toHaveCount(0);
  await admin.patch(id, { resolved: true }); // out of the way of later tests
  await a.close();
  await b.close();
});

function row(page: Page, name: string) {
  return page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: name });
}

async function conversationOf(admin: TeamApi, name: string): Promise<number> {
  let id = 0;
  await expect.poll(async () => {
    const page = await admin.ok('GET', `/conversations?snoozed=any&q=${encodeURIComponent(name)}`);
    id = (page.items as { id: number }[])[0]?.id ?? 0;
    return id;
  }, { timeout: 15_000 }).toBeGreaterThan(0);
  return id;
}

/** A datetime-local value `ms` from now in the browser's time zone, to the second. */
function localTimeAhead(page: Page, ms: number): Promise<string> {
  return page.evaluate((ahead) => {
    const d = new Date(Date.now() + ahead);
    const p = (n: number): string => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, ms);
}
