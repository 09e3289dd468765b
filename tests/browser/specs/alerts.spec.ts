import { expect, test } from '../support/fixtures';
import { DashboardOperator } from '../support/dashboardOperator';
import { TeamApi } from '../support/team';

// Alerts with the browser's permission granted: a customer message in the operator's own conversation and a newly
// queued conversation raise desktop notifications and the count in the tab's title; the operator's own reply does
// not. An init script records every `new Notification(...)` the page makes.

interface Shown { title: string; body: string }

test('notifications, title count and favicon badge for waiting customers and new messages in own conversations', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  const admin = await TeamApi.login(server.baseURL, 'admin@example.com');
  const me = await TeamApi.login(server.baseURL, 'operator@example.com');
  const operator = await DashboardOperator.login(browser, server.baseURL, 'operator@example.com', { permissions: ['notifications'] });
  const page = operator.page;
  await page.evaluate(() => {
    const w = window as any;
    const Real = window.Notification;
    w.sbShown = [];
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        w.sbShown.push({ title, body: options?.body ?? '' });
        super(title, options);
      }
    }
    w.Notification = Recorded;
  });
  const shown = (): Promise<Shown[]> => page.evaluate(() => (window as any).sbShown as Shown[]);

  // Switched on from a click (the browser asks for permission from a gesture; here it is granted already).
  const toggle = page.getByRole('switch', { name: 'Desktop notifications' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Live', { timeout: 15_000 });
  // The preference is this operator's, kept across reloads.
  expect(await page.evaluate((id) => localStorage.getItem(`switchboard:alerts:${id}`), me.memberId)).toContain('"desktop":true');

  // A conversation of mine, not open on screen: the operator's own reply is silent, the customer's next message is not.
  const mine = await admin.newCustomer(`Alert mine ${Date.now()}`);
  await admin.patch(mine.conversationId, { botActive: false });
  const queuedAlert = `${mine.name} is waiting`;
  await expect.poll(async () => (await shown()).map((n) => n.title), { timeout: 15_000 }).toContain(queuedAlert);
  await me.claim(mine.conversationId);
  await me.reply(mine.conversationId, 'Hello from the team');
  await mine.say('Thanks! One more question.');
  await expect.poll(async () => (await shown()).map((n) => n.title), { timeout: 15_000 }).toContain(`New message from ${mine.name}`);
  const forMine = (await shown()).filter((n) => n.title.includes(mine.name));
  expect(forMine.map((n) => n.title), 'one alert for waiting, one for the customer message, none for the own reply')
    .toEqual([queuedAlert, `New message from ${mine.name}`]);
  expect(forMine[1]!.body).toBe('Thanks! One more question.');

  // A newly queued conversation: a notification, and the title and favicon count it.
  const waiting = await admin.newCustomer(`Alert waiting ${Date.now()}`);
  await waiting.say('Hello?');
  await admin.patch(waiting.conversationId, { botActive: false });
  await expect.poll(async () => (await shown()).map((n) => n.title), { timeout: 15_000 }).toContain(`${waiting.name} is waiting`);
  const expectedCount = async (): Promise<number> => {
    const all = (await admin.ok('GET', '/conversations?limit=100')).items as { state: string; assigneeId: number | null; unreadCount: number }[];
    return all.filter((c) => c.state === 'queued' || (c.assigneeId === me.memberId && c.state !== 'resolved' && c.unreadCount > 0)).length;
  };
  await expect.poll(async () => { const n = await expectedCount(); return (await page.title()) === `(${n}) Switchboard` && n >= 2; }, { timeout: 15_000 }).toBe(true);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /^data:image\/png/);

  // Opening the conversation (tab focused) reads it: its messages raise no alert while it is on screen.
  await page.goto(`/app/inbox/${mine.conversationId}`);
  await expect(page.getByRole('heading', { level: 2, name: mine.name })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Desktop notifications' })).toHaveAttribute('aria-checked', 'true');
  await operator.close();
});
