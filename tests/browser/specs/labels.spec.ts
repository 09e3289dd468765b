import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { DashboardOperator } from '../support/dashboardOperator';
import { showConversation, TeamApi } from '../support/team';

// Labels (issue 20), end to end against the real server: an admin creates a label in Admin → Labels; operator A adds
// it to a conversation; operator B's dashboard, open all along, shows the chip live (no reload), filters the inbox by
// it, and sees it go when A removes it.

test('a label added by one operator shows live in a colleague\'s dashboard, filters the inbox, and goes when removed', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 6);
  const labelName = `VIP ${tag}`;
  const admin = await TeamApi.login(server.baseURL, 'admin@example.com');
  const a = await admin.addMember(`Ada ${tag}`);
  const b = await admin.addMember(`Bert ${tag}`);
  const labelled = await admin.newCustomer(`Lab Gold ${tag}`);
  const other = await admin.newCustomer(`Lab Plain ${tag}`);

  // B is watching the inbox before anything happens.
  const bert = await DashboardOperator.login(browser, server.baseURL, b.email);
  await showAll(bert.page, tag);
  await expect(row(bert.page, labelled.name)).toBeVisible();

  // The admin creates the label in the dashboard.
  const boss = await DashboardOperator.login(browser, server.baseURL, 'admin@example.com');
  await boss.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  const form = boss.page.getByRole('form', { name: 'Add a label' });
  await form.getByRole('textbox', { name: 'Name' }).fill(labelName);
  await form.getByLabel('Colour', { exact: true }).fill('#d62728');
  await form.getByRole('button', { name: 'Add label' }).click();
  await expect(boss.page.getByRole('form', { name: `Label ${labelName}` })).toBeVisible();

  // A adds it to the conversation from its header.
  const ada = await DashboardOperator.login(browser, server.baseURL, a.email);
  await showConversation(ada.page, labelled.conversationId, labelled.name);
  await ada.page.getByRole('button', { name: 'Labels', exact: true }).click();
  const box = ada.page.getByRole('group', { name: 'Labels of this conversation' }).getByRole('checkbox', { name: labelName });
  await box.check();
  await expect(ada.page.locator('.conv-head').getByRole('group', { name: 'Labels', exact: true }).getByText(labelName)).toBeVisible();

  // B sees the chip arrive in the list row, live.
  await expect(chips(bert.page, labelled.name).getByText(labelName, { exact: true })).toBeVisible();
  await expect(chips(bert.page, other.name)).toHaveCount(0);

  // B filters the inbox by the label: only the labelled conversation remains.
  await bert.page.getByRole('combobox', { name: 'Label' }).selectOption({ label: labelName });
  await expect(row(bert.page, labelled.name)).toBeVisible();
  await expect(row(bert.page, other.name)).toHaveCount(0);

  // A removes it; B's filtered list lets the conversation go, and without the filter its row has no chip.
  await box.uncheck();
  await expect(row(bert.page, labelled.name)).toHaveCount(0);
  await bert.page.getByRole('combobox', { name: 'Label' }).selectOption({ label: 'All labels' });
  await expect(row(bert.page, labelled.name)).toBeVisible();
  await expect(chips(bert.page, labelled.name)).toHaveCount(0);
  expect((await admin.conversation(labelled.conversationId)).labelIds).toEqual([]);

  await Promise.all([bert.close(), boss.close(), ada.close()]);
});

async function showAll(page: Page, tag: string): Promise<void> {
  await page.getByRole('tablist', { name: 'Filters' }).getByRole('tab', { name: 'All' }).click();
  await page.getByRole('searchbox', { name: 'Search contacts and messages' }).fill(tag);
}

function row(page: Page, name: string) {
  return page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: name });
}

function chips(page: Page, name: string) {
  return row(page, name).getByRole('group', { name: 'Labels', exact: true });
}
