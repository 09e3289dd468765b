import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { DashboardOperator } from '../support/dashboardOperator';
import { showConversation, TeamApi } from '../support/team';
import { Visitor } from '../support/visitor';

// The contact's side panel (issue 20), end to end against the real server: a visitor chats from the demo shop and
// navigates inside it (a single-page app's pushState): the operator's panel shows the new page live. The operator sees
// the contact's past conversation and opens it with one click, renames the contact (a colleague's list shows the new name
// live), and merges a duplicate contact found by name (the same person in another browser), whose conversation then
// lists in the panel; that browser's widget is re-pointed to the kept contact and keeps working.

test('the contact panel follows the visitor\'s page, opens past conversations, edits the name live and merges a duplicate', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  test.setTimeout(150_000);
  const tag = randomUUID().slice(0, 6);
  const admin = await TeamApi.login(server.baseURL, 'admin@example.com');
  const a = await admin.addMember(`Ana ${tag}`);
  const b = await admin.addMember(`Ben ${tag}`);

  // The visitor starts a chat on the shop's page.
  const visitor = await Visitor.arrive(browser, server.baseURL, `Pia ${tag}`);
  await visitor.startChat();
  await visitor.send('Hello from the shop');
  const current = await findConversation(admin, visitor.name);
  const contactId = current.contact.id as number;
  // An earlier conversation of the same person (from another device), merged in through the API: their history.
  const earlier = await admin.newCustomer(`Pia earlier ${tag}`);
  await earlier.say('An earlier question');
  const earlierContact = (await admin.conversation(earlier.conversationId)).contact.id as number;
  await admin.ok('POST', `/contacts/${contactId}/merge`, { mutationId: randomUUID(), duplicateId: earlierContact });

  // Ben watches the inbox list all along.
  const ben = await DashboardOperator.login(browser, server.baseURL, b.email);
  await ben.page.getByRole('tablist', { name: 'Filters' }).getByRole('tab', { name: 'All' }).click();
  await ben.page.getByRole('searchbox', { name: 'Search contacts and messages' }).fill(tag);
  // The merge named the earlier conversation after the kept contact: two rows for one person.
  await expect(row(ben.page, visitor.name)).toHaveCount(2);

  // Ana opens the conversation: the panel shows the contact and the page the widget reported.
  const ana = await DashboardOperator.login(browser, server.baseURL, a.email);
  await showConversation(ana.page, current.id, visitor.name);
  const panel = contactPanel(ana.page);
  await expect(panel.getByRole('definition').filter({ hasText: visitor.name })).toBeVisible();
  const pageSection = panel.getByRole('region', { name: 'Current page' });
  await expect(pageSection.getByRole('link')).toHaveAttribute('href', `${server.baseURL}/`);

  // The visitor navigates inside the shop (pushState, as a single-page app does): the panel follows, live.
  await visitor.page.evaluate(() => { history.pushState(null, '', '/pricing?plan=pro'); document.title = 'Pricing'; });
  await expect(pageSection.getByRole('link', { name: 'Pricing' })).toHaveAttribute('href', `${server.baseURL}/pricing?plan=pro`);
  await visitor.page.evaluate(() => { location.hash = 'faq'; });
  await expect(pageSection.getByRole('link', { name: 'Pricing' })).toHaveAttribute('href', `${server.baseURL}/pricing?plan=pro#faq`);

  // Past conversations: both, the open one marked; one click opens the earlier one.
  const conversations = panel.getByRole('region', { name: 'Conversations of this contact' });
  await expect(conversations.getByRole('button')).toHaveCount(2);
  await expect(conversations.getByRole('button', { name: new RegExp(`#${current.id}\\b`) })).toHaveAttribute('aria-current', 'true');
  await conversations.getByRole('button', { name: new RegExp(`#${earlier.conversationId}\\b`) }).click();
  await expect(ana.page).toHaveURL(new RegExp(`/app/inbox/${earlier.conversationId}$`));
  await expect(conversations.getByRole('button', { name: new RegExp(`#${earlier.conversationId}\\b`) })).toHaveAttribute('aria-current', 'true');
  await conversations.getByRole('button', { name: new RegExp(`#${current.id}\\b`) }).click();
  await expect(ana.page).toHaveURL(new RegExp(`/app/inbox/${current.id}$`));

  // Ana renames the contact inline; Ben's list shows the new name without a reload.
  const renamed = `Pia Renamed ${tag}`;
  await panel.getByRole('button', { name: 'Edit contact' }).click();
  const form = panel.getByRole('form', { name: 'Edit contact' });
  await form.getByRole('textbox', { name: 'Name' }).fill(renamed);
  await form.getByRole('textbox', { name: 'Email' }).fill(`Pia.${tag}@Example.com`);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('definition').filter({ hasText: renamed })).toBeVisible();
  await expect(panel.getByRole('definition').filter({ hasText: `pia.${tag}@example.com` })).toBeVisible();
  await expect(row(ben.page, renamed)).toHaveCount(2);

  // The same person writes in from another browser (a duplicate contact); Ana finds it by name in the merge dialog and
  // merges it: its conversation lists here.
  const other = await Visitor.arrive(browser, server.baseURL, `Dupe ${tag}`);
  await other.startChat();
  await other.send('Same person, other browser');
  const duplicate = { conversationId: (await findConversation(admin, other.name)).id as number };
  await panel.getByRole('button', { name: 'Merge duplicate…' }).click();
  const dialog = ana.page.getByRole('dialog', { name: `Merge a duplicate into ${renamed}` });
  await dialog.getByRole('searchbox', { name: 'Search contacts by name or email' }).fill(`Dupe ${tag}`);
  await dialog.getByRole('list', { name: 'Matching contacts' }).getByRole('button', { name: new RegExp(`Dupe ${tag}`) }).click();
  await dialog.getByRole('button', { name: `Merge Dupe ${tag} into this contact` }).click();
  await expect(dialog).toBeHidden();
  await expect(conversations.getByRole('button', { name: new RegExp(`#${duplicate.conversationId}\\b`) })).toBeVisible();
  await expect(conversations.getByRole('button')).toHaveCount(3);
  // Ben's list names the moved conversation after the kept contact.
  await expect(row(ben.page, renamed)).toHaveCount(3);
  await expect(row(ben.page, `Dupe ${tag}`)).toHaveCount(0);
  expect((await admin.conversation(duplicate.conversationId)).contact.id).toBe(contactId);

  // The visitor's widget kept working all along.
  await visitor.send('Still here');
  await visitor.expectMessage('customer', 'Still here');

  // The merged-away visitor's widget heard of the merge and started its session again: its token is now the kept
  // contact's, and what it writes reaches the same conversation, under the kept contact.
  await expect.poll(() => other.page.evaluate(() => {
    const saved = Object.keys(localStorage).filter((k) => k.startsWith('switchboard:')).map((k) => localStorage.getItem(k) ?? '')[0] ?? '';
    const token = (JSON.parse(saved) as { token: string }).token;
    return (JSON.parse(atob(token.slice(4).split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'))) as { C: number }).C;
  })).toBe(contactId);
  await other.send('After the merge');
  await conversations.getByRole('button', { name: new RegExp(`#${duplicate.conversationId}\\b`) }).click();
  await expect(ana.page.getByRole('log', { name: 'Messages' }).getByText('After the merge')).toBeVisible();

  await Promise.all([ana.close(), ben.close(), visitor.close(), other.close()]);
});

async function findConversation(admin: TeamApi, name: string): Promise<any> {
  // The widget's conversation exists once the first message was sent; the list finds it by the contact's name.
  const page = await admin.ok('GET', `/conversations?q=${encodeURIComponent(name)}&snoozed=any`);
  expect(page.items).toHaveLength(1);
  return page.items[0];
}

function contactPanel(page: Page) {
  return page.locator('.contact-column').getByRole('region', { name: 'Contact', exact: true });
}

function row(page: Page, name: string) {
  return page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: name });
}
