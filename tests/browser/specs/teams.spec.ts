import type { Page } from '@playwright/test';
import { Admin } from '../support/admin';
import { expect, test } from '../support/fixtures';
import { HostSite } from '../support/hostSite';
import { dashboardAs, TeamApi } from '../support/team';
import { Visitor } from '../support/visitor';

// Teams (issue 20): an admin puts inbox X in team T without operator B. B's dashboard, open all along, drops X's
// conversation at once (the server resets B's stream at the team change and B's store reloads its scope) and never
// lists, opens by address, finds by search or receives live the conversation a widget visitor then starts on X, while
// a member of T and the admin see it live. The server enforces all of it: the dashboard filters nothing itself.

const list = (page: Page) => page.getByRole('list', { name: 'Conversations' }).getByRole('listitem');

async function showAll(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('tablist', { name: 'Filters' }).getByRole('tab', { name: 'All' }).click();
}

test('an operator outside a team neither lists, opens, searches nor receives its inbox\'s conversations', async ({ browser, server, operatorKind, dashboardMissing, uniqueName }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  test.setTimeout(120_000);
  const site = await HostSite.start(server.baseURL);
  const team = await TeamApi.login(server.baseURL, 'admin@example.com');
  const [teamName, inboxName, bea, ivo] = [uniqueName('Sales'), uniqueName('Shop'), uniqueName('Bea'), uniqueName('Ivo')];
  const outsider = await team.addMember(bea);
  const insider = await team.addMember(ivo);
  const inbox = await team.ok('POST', '/inboxes', { name: inboxName, channel: 'widget' });
  await (await Admin.login(server.baseURL)).updateWidget(inbox.id, { allowedOrigins: [site.origin], preChat: { name: 'optional', email: 'optional' } });
  const word = uniqueName('zebra').replace(' ', '');
  const early = await team.newCustomer(uniqueName('Early'), inbox.publicToken);
  await early.say('before any team');

  const [b, member, admin] = [
    await dashboardAs(browser, server.baseURL, outsider.email), await dashboardAs(browser, server.baseURL, insider.email),
    await dashboardAs(browser, server.baseURL, 'admin@example.com'),
  ];
  for (const o of [b, member]) await showAll(o.page);
  await expect(list(b.page).filter({ hasText: early.name })).toHaveCount(1, { timeout: 15_000 }); // no team yet: everyone sees X

  // The admin, in Admin → Teams: a team with Ivo (not Bea), then inbox X into it.
  await admin.page.goto('/app/admin');
  const teams = admin.page.getByRole('region', { name: 'Teams' });
  await teams.getByRole('form', { name: 'Add a team' }).getByRole('textbox', { name: 'Team name' }).fill(teamName);
  await teams.getByRole('button', { name: 'Add team' }).click();
  const members = teams.getByRole('group', { name: `Members of ${teamName}` });
  await members.getByRole('checkbox', { name: ivo }).check();
  await expect(members.getByRole('checkbox', { name: ivo })).toBeChecked();
  await expect(members.getByRole('checkbox', { name: bea })).not.toBeChecked();
  const picker = admin.page.getByRole('combobox', { name: `Team of ${inboxName}` });
  await picker.selectOption({ label: teamName });
  await expect(teams.getByRole('form', { name: `Team ${teamName}` })).toContainText('1 inbox'); // live: the team event reloads the list
  await expect(picker).toHaveValue(/\d+/);

  // B's open dashboard converges: X's earlier conversation leaves B's list; Ivo keeps it.
  await expect(list(b.page).filter({ hasText: early.name })).toHaveCount(0, { timeout: 15_000 });
  await expect(list(member.page).filter({ hasText: early.name })).toHaveCount(1);

  // A widget visitor starts a conversation on X: the team's member and the admin see it live, B does not.
  const visitor = await Visitor.visit(browser, site.url({ inbox: inbox.publicToken }), uniqueName('Xena'));
  await visitor.startChat();
  await visitor.send(`secret plan ${word}`);
  await expect(list(member.page).filter({ hasText: visitor.name })).toHaveCount(1, { timeout: 15_000 });
  await member.openConversation(visitor.name);
  await member.expectMessage('customer', `secret plan ${word}`);
  await admin.page.goto('/app/inbox');
  await admin.openConversation(visitor.name);
  // A sentinel on the inbox with no team: once B sees it live, anything about X would have reached B before it.
  const open = await team.newCustomer(uniqueName('Olga'));
  await open.say(`public question ${word}`);
  await expect(list(b.page).filter({ hasText: open.name })).toHaveCount(1, { timeout: 15_000 });
  await expect(list(b.page).filter({ hasText: visitor.name })).toHaveCount(0);

  // Not by search: the word is in both conversations, B finds only the one B may see.
  const search = b.page.getByRole('search', { name: 'Search messages and contacts' });
  await search.getByRole('searchbox', { name: 'Search contacts and messages' }).fill(word);
  await search.getByRole('searchbox', { name: 'Search contacts and messages' }).press('Enter');
  const hits = b.page.getByRole('list', { name: 'Matching messages' }).getByRole('listitem');
  await expect(hits).toHaveCount(1, { timeout: 15_000 });
  await expect(hits.first()).toContainText(open.name);
  await search.getByRole('searchbox', { name: 'Search contacts and messages' }).press('Escape');

  // Not by address: the server answers 404, so the page says it cannot be found.
  const found = await team.ok('GET', `/conversations?q=${encodeURIComponent(visitor.name)}&limit=1`);
  const secretId = found.items[0].id as number;
  expect(await outsider.api.call('GET', `/conversations/${secretId}`)).toMatchObject({ status: 404 });
  await b.page.goto(`/app/inbox/${secretId}`);
  await expect(b.page.getByRole('heading', { level: 2, name: 'Conversation not found' })).toBeVisible({ timeout: 15_000 });
  await expect(b.page.getByText('secret plan')).toHaveCount(0);

  await visitor.close();
  for (const o of [b, member, admin]) await o.close();
  await site.stop();
});
