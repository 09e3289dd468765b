import { randomUUID } from 'node:crypto';
import { expect, test } from '../support/fixtures';
import { DashboardOperator } from '../support/dashboardOperator';
import { TeamApi } from '../support/team';
import { Visitor } from '../support/visitor';

// Issue 20's "done when": an operator answers with a canned reply through the keyboard alone. An admin writes a team
// reply with {{contact.name}} on the admin page while the operator's dashboard is open (it arrives live); the operator,
// without a click after signing in, reaches the conversation, claims it, writes /code, inserts the reply and sends
// it; the visitor's widget shows it with their name filled in. Then the shortcuts overlay opens on "?".

test('an operator answers with a canned reply by keyboard alone, the customer\'s name filled in', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  test.setTimeout(120_000);
  const code = `refund-${randomUUID().slice(0, 6)}`;
  const adminApi = await TeamApi.login(server.baseURL, 'admin@example.com');

  // A customer whose name is known waits in the queue (bot off).
  const visitor = await Visitor.arrive(browser, server.baseURL, 'Vera Canned');
  await visitor.startChat();
  await visitor.send('Hello, I would like a refund please');
  const found = await adminApi.ok('GET', `/conversations?q=${encodeURIComponent('Vera Canned')}&limit=1`);
  const conversationId = found.items[0].id as number;
  await adminApi.patch(conversationId, { botActive: false });

  // A new operator of our own: the seeded ones are busy with other specs' conversations.
  const member = await adminApi.addMember('Kim Keyboard');
  const operator = await DashboardOperator.login(browser, server.baseURL, member.email);
  const page = operator.page;

  // The admin writes the team reply on the admin page.
  const admin = await DashboardOperator.login(browser, server.baseURL, 'admin@example.com');
  await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  const section = admin.page.getByRole('region', { name: 'Canned replies' });
  await section.getByRole('button', { name: 'Add canned reply' }).click();
  await section.getByLabel('Short code').fill(code);
  await section.getByLabel('Title').fill('Refund on its way');
  await section.getByLabel('Reply text').fill('Hi {{contact.typo}}');
  await expect(section.getByRole('alert')).toContainText('Unknown placeholder {{contact.typo}}');
  await section.getByLabel('Reply text').fill('Hello {{contact.name}}, your refund is on its way.');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByText(`/${code}`)).toBeVisible();
  await admin.close();

  // Keyboard only from here: j walks the list (newest first) to the customer's conversation.
  // The conversation's name is the pane's first level-2 heading (the contact panel beside it has its own).
  const heading = page.getByRole('heading', { level: 2 }).first();
  await expect(heading).toHaveText('No conversation open');
  for (let i = 0; i < 30 && (await heading.textContent()) !== 'Vera Canned'; i++) {
    const url = page.url();
    await page.keyboard.press('j');
    await expect(page).not.toHaveURL(url); // each press opens the next one: read its heading only then
  }
  await expect(heading).toHaveText('Vera Canned');
  await page.keyboard.press('c');
  await expect.poll(async () => (await adminApi.conversation(conversationId)).assigneeId, { timeout: 15_000 }).toBe(member.api.memberId);

  // "/" opens the list in the message box; Escape closes it, a second Escape leaves the box.
  const composer = page.getByRole('textbox', { name: 'Message' });
  const list = page.getByRole('listbox', { name: 'Canned replies' });
  await page.keyboard.press('/');
  await expect(composer).toBeFocused();
  await expect(composer).toHaveValue('/');
  await expect(list.getByRole('option', { name: new RegExp(`/${code}`) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  await expect(composer).not.toBeFocused();

  await page.keyboard.press('r');
  await expect(composer).toBeFocused();
  await page.keyboard.type(`/${code}`);
  const option = list.getByRole('option', { name: new RegExp(`/${code}`) });
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(composer).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  await expect(composer).toHaveValue('Hello Vera Canned, your refund is on its way.');
  await page.keyboard.press('Enter');

  await visitor.expectMessage('operator', 'Hello Vera Canned, your refund is on its way.');
  await expect(composer).toHaveValue('');

  // Escape leaves the message box; "?" lists the shortcuts in a modal dialog that Escape closes.
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Claim the open conversation/ })).toBeVisible();
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // e resolves the open conversation, as the header's Resolve does.
  await page.keyboard.press('e');
  await expect.poll(async () => (await adminApi.conversation(conversationId)).state, { timeout: 15_000 }).toBe('resolved');

  await operator.close();
  await visitor.close();
});

test('a personal canned reply is its owner\'s alone: written on the Replies page, invisible to a colleague', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  const adminApi = await TeamApi.login(server.baseURL, 'admin@example.com');
  const owner = await adminApi.addMember('Pia Personal');
  const colleague = await adminApi.addMember('Cole League');
  const code = `mine-${randomUUID().slice(0, 6)}`;

  const ownerDashboard = await DashboardOperator.login(browser, server.baseURL, owner.email);
  const colleagueDashboard = await DashboardOperator.login(browser, server.baseURL, colleague.email);
  for (const d of [ownerDashboard, colleagueDashboard]) await d.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Replies' }).click();

  const mine = ownerDashboard.page.getByRole('region', { name: 'My canned replies' });
  await mine.getByRole('button', { name: 'Add canned reply' }).click();
  await mine.getByLabel('Short code').fill(code);
  await mine.getByLabel('Title').fill('Thanks from me');
  await mine.getByLabel('Reply text').fill('Thanks, {{contact.first_name}}! {{operator.first_name}}');
  await mine.getByRole('button', { name: 'Save' }).click();
  await expect(mine.getByRole('button', { name: `Edit /${code}` })).toBeVisible();
  // Operators read the team's replies but do not write them.
  await expect(ownerDashboard.page.getByRole('region', { name: 'Team canned replies' }).getByRole('button', { name: 'Add canned reply' })).toHaveCount(0);

  // The colleague's page is live too: a workspace reply written now shows up there, the personal one never does.
  const teamCode = `team-${randomUUID().slice(0, 6)}`;
  await adminApi.ok('POST', '/canned-replies', { mutationId: randomUUID(), shortCode: teamCode, title: 'Team', text: 'Hello!', scope: 'workspace' });
  await expect(colleagueDashboard.page.getByText(`/${teamCode}`)).toBeVisible();
  await expect(colleagueDashboard.page.getByText(`/${code}`)).toHaveCount(0);
  expect((await colleague.api.ok('GET', '/canned-replies')).items.map((r: { shortCode: string }) => r.shortCode)).not.toContain(code);

  await ownerDashboard.close();
  await colleagueDashboard.close();
});
