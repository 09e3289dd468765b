import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { runScrollSchedule, scrollSchedule, seedLongConversation, seeded, serverTranscript } from '../support/longHistory';
import { demoPassword } from '../support/server';

// Long transcripts with unread history (issue 18): opening sends a read receipt whose flood of status events must
// never make the history loader skip the replies between old customer messages. Each run draws its history length
// and scroll schedule from a seed (printed on failure; rerun with HISTORY_SEED=<n>), and checks on every step that
// the log shows a contiguous run of the server's transcript.

const seed = Number(process.env['HISTORY_SEED'] ?? (Date.now() % 1_000_000));

async function operatorToken(baseURL: string): Promise<string> {
  const answer = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'operator@example.com', password: demoPassword }),
  });
  return ((await answer.json()) as { token: string }).token;
}

/** Restarts the server under the open page (its stream breaks and resumes from the cursor) until `live` shows again. */
async function reconnect(server: { restart(): Promise<void> }, live: Locator): Promise<void> {
  await server.restart();
  await expect(live).toBeVisible({ timeout: 30_000 });
}

test('dashboard: a long conversation with unread customer history scrolls to its first message without a hole', async ({ server, operator, operatorKind, uniqueName }) => {
  test.skip(operatorKind !== 'dashboard', 'the dashboard half runs in the dashboard project');
  test.setTimeout(150_000);
  const random = seeded(seed);
  const length = random.int(500, 1_001);
  const token = await operatorToken(server.baseURL);
  const seededConversation = await seedLongConversation(server.baseURL, token, uniqueName('Hester'), length, random);
  const truth = await serverTranscript(server.baseURL, token, seededConversation.conversationId);
  expect(truth.length, `seed ${seed}`).toBe(length);

  await operator.openConversation(seededConversation.contactName);
  const page = (operator as unknown as { page: Page }).page;
  const log = page.getByRole('log', { name: 'Messages' });
  await expect(log.getByRole('article').last()).toHaveText(new RegExp(truth[truth.length - 1] as string), { timeout: 20_000 });
  const connection = page.getByRole('status', { name: 'Connection' });
  await runScrollSchedule({
    page, log, textSelector: '.msg-text', truth, seed, schedule: scrollSchedule(random, random.int(5, 10)),
    reconnect: () => reconnect(server, connection.filter({ hasText: 'Live' })),
  });
});

test('widget: a visitor with a long unread history scrolls to the first message without a hole, past the last 200', async ({ browser, server, operatorKind, uniqueName }) => {
  test.skip(operatorKind !== 'api', 'the widget half runs in the api project');
  test.setTimeout(150_000);
  const random = seeded(seed + 1);
  const length = random.int(300, 701);
  const token = await operatorToken(server.baseURL);
  const seededConversation = await seedLongConversation(server.baseURL, token, uniqueName('Wanda'), length, random);
  const truth = await serverTranscript(server.baseURL, seededConversation.visitorToken, seededConversation.conversationId, false);
  expect(truth.length, `seed ${seed}`).toBe(length);

  // The visitor comes back to the shop with the panel open: the widget resumes the session from localStorage.
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1280, height: 800 } });
  await context.addInitScript(({ inbox, visitor }) => {
    localStorage.setItem(`switchboard:${inbox}`, JSON.stringify({ token: visitor }));
    sessionStorage.setItem(`switchboard:${inbox}:open`, '1');
  }, { inbox: seededConversation.inboxToken, visitor: seededConversation.visitorToken });
  try {
    const page = await context.newPage();
    await page.goto('/');
    const panel = page.getByRole('dialog', { name: 'Chat' });
    const log = panel.getByRole('log', { name: 'Messages' });
    await expect(log.getByRole('article').last()).toHaveText(new RegExp(truth[truth.length - 1] as string), { timeout: 20_000 });
    await runScrollSchedule({
      page, log, textSelector: '.bubble', truth, seed, schedule: scrollSchedule(random, random.int(5, 10)),
      reconnect: () => reconnect(server, panel.getByRole('textbox', { name: 'Message' })),
    });
  } finally {
    await context.close();
  }
});
