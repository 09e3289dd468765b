import { expect, test } from '../support/fixtures';
import { dashboardAs, TeamApi } from '../support/team';

// Two operators claim the same customer at once: one wins. The other sees, in the composer and before typing,
// whose conversation it is; replying there anyway is a deliberate step, and the owner stays the owner.

test('the claim loser is told who owns the conversation and replies only deliberately', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  const admin = await TeamApi.login(server.baseURL, 'admin@example.com');
  const ana = await admin.addMember('Ana Alvarez');
  const olivia = await TeamApi.login(server.baseURL, 'operator@example.com');
  const customer = await admin.newCustomer(`Claim race ${Date.now()}`);
  await admin.patch(customer.conversationId, { botActive: false });
  await customer.say('Is anyone there? My order is late.');

  const first = await dashboardAs(browser, server.baseURL, 'operator@example.com');
  const second = await dashboardAs(browser, server.baseURL, ana.email);
  for (const o of [first, second]) {
    await o.page.goto(`/app/inbox/${customer.conversationId}`);
    await expect(o.page.getByRole('heading', { level: 2, name: customer.name })).toBeVisible();
    await expect(o.page.getByRole('note', { name: 'Conversation owner' })).toHaveCount(0); // nobody owns it yet
  }

  // Both click at once. When one claim's event reaches the other page before its click, that page's Claim is already
  // hidden in its slot (the conversation is taken): it lost the race without clicking, which is a loss all the same.
  await Promise.all([first, second].map((o) => o.page.getByRole('button', { name: 'Claim', exact: true }).click({ timeout: 5_000 }).catch(() => undefined)));
  await expect.poll(async () => (await admin.conversation(customer.conversationId)).assigneeId, { timeout: 15_000 }).not.toBeNull();
  const ownerId = (await admin.conversation(customer.conversationId)).assigneeId as number;
  const [winner, loser, winnerName] = ownerId === olivia.memberId ? [first, second, 'Olivia Operator'] : [second, first, 'Ana Alvarez'];

  // The loser is told at once, in the composer, before typing anything; the winner is not.
  const notice = loser.page.getByRole('note', { name: 'Conversation owner' });
  await expect(notice).toContainText(`Assigned to ${winnerName}`);
  await expect(loser.composer).toHaveValue('');
  await expect(winner.page.getByRole('note', { name: 'Conversation owner' })).toHaveCount(0);

  // Typing alone does not send into the colleague's conversation: Enter and Send do nothing until "Reply anyway".
  await loser.composer.fill('I can help with that!');
  await expect(loser.page.getByRole('button', { name: 'Send' })).toBeDisabled();
  await loser.composer.press('Enter');
  await expect(loser.composer).toHaveValue('I can help with that!');
  await notice.getByRole('button', { name: 'Reply anyway' }).click();
  await expect(notice).toContainText(`Replying in ${winnerName}’s conversation`);
  await loser.composer.press('Enter');
  await expect(loser.composer).toHaveValue('');
  await loser.expectMessage('operator', 'I can help with that!');
  await winner.expectMessage('operator', 'I can help with that!');

  // The reply went out deliberately and the owner is still the owner.
  const after = await admin.conversation(customer.conversationId);
  expect(after.assigneeId).toBe(ownerId);

  // A plain API reply from the loser is refused with the owner's name (a client that shows nothing learns it here).
  const loserApi = ownerId === olivia.memberId ? ana.api : olivia;
  const refused = await loserApi.call('POST', `/conversations/${customer.conversationId}/messages`, { clientMessageId: crypto.randomUUID(), text: 'plain' });
  expect(refused.status).toBe(409);
  expect(refused.json).toMatchObject({ code: 'conversation_owned_by_other', assigneeId: ownerId, assigneeName: winnerName });

  await first.close();
  await second.close();
});
