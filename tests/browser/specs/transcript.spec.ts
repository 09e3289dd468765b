import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { DashboardOperator } from '../support/dashboardOperator';
import { dashboardAs, showConversation, TeamApi } from '../support/team';

// Transcript export from the dashboard: the operator downloads a conversation as text and as JSON, in the browser's
// time zone, and the files hold every message (odd characters included) in order. On a phone the links sit in the
// Details column instead of the header.

const lines = ['Hello, I ordered a jacket 🧥', 'It is the wrong size\nand the wrong colour', 'Teşekkürler — שלום — 你好'];

async function download(page: Page, link: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test('an operator downloads a conversation as text and JSON, in their time zone, on a desktop and a phone', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  const admin = await TeamApi.login(server.baseURL, 'admin@example.com');
  const customer = await admin.newCustomer(`Tess Transcript ${Date.now()}`);
  for (const line of lines) await customer.say(line);

  // A browser half a world away from the server's UTC: the text's times must be the operator's own.
  const operator = await DashboardOperator.login(browser, server.baseURL, 'operator@example.com', { timezoneId: 'Asia/Kolkata' });
  const page = operator.page;
  await showConversation(page, customer.conversationId, customer.name);

  const exportButton = page.getByRole('button', { name: 'Export', exact: true });
  await expect(exportButton).toHaveAttribute('aria-expanded', 'false');
  await exportButton.click();
  await expect(exportButton).toHaveAttribute('aria-expanded', 'true');
  const text = await download(page, 'Transcript as text (.txt)');
  expect(text.name).toMatch(new RegExp(`^conversation-${customer.conversationId}-\\d{4}-\\d{2}-\\d{2}\\.txt$`));
  expect(text.text).toContain(`Contact: ${customer.name}`);
  expect(text.text).toMatch(/\(times in Asia\/(Kolkata|Calcutta)\)/); // Chromium's ICU names it by its older IANA alias
  const positions = ['  Hello, I ordered a jacket 🧥\n', '  It is the wrong size\n  and the wrong colour\n', '  Teşekkürler — שלום — 你好\n'].map((l) => text.text.indexOf(l));
  expect(positions.every((p) => p >= 0), text.text).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(text.text).toMatch(/— End of transcript: \d+ messages? —\n$/);
  // Choosing a link closed the menu; Escape after reopening closes it and gives focus back to the button.
  await expect(exportButton).toHaveAttribute('aria-expanded', 'false');
  await exportButton.click();
  await page.keyboard.press('Escape');
  await expect(exportButton).toHaveAttribute('aria-expanded', 'false');
  await expect(exportButton).toBeFocused();

  await exportButton.click();
  const json = await download(page, 'Transcript as JSON (.json)');
  const body = JSON.parse(json.text) as { conversation: { id: number }; messages: { text: string; senderRole: string; createdAt: string }[] };
  expect(body.conversation.id).toBe(customer.conversationId);
  const said = body.messages.filter((m) => m.senderRole === 'customer');
  expect(said.map((m) => m.text)).toEqual(lines);
  // The first line's time in the text is its UTC time plus 5:30.
  const kolkata = new Date(Date.parse(said[0]!.createdAt) + 330 * 60_000).toISOString().replace('T', ' ').slice(0, 19);
  expect(text.text).toContain(`[${kolkata}] ${customer.name} (customer)\n  Hello, I ordered a jacket`);
  await operator.close();

  const phone = await dashboardAs(browser, server.baseURL, 'operator@example.com', { width: 390, height: 844 });
  await showConversation(phone.page, customer.conversationId, customer.name);
  await expect(phone.page.getByRole('button', { name: 'Export', exact: true })).toBeHidden();
  await phone.page.getByRole('button', { name: 'Details' }).click();
  const onPhone = await download(phone.page, 'Transcript as text (.txt)');
  expect(onPhone.text).toContain('  Teşekkürler — שלום — 你好\n');
  await phone.close();
});
