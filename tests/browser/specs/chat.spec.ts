import { expect, test } from '../support/fixtures';

test('visitor and operator chat both ways; statuses reach read on both sides', async ({ arrive, operator }) => {
  const visitor = await arrive('Vera');
  await visitor.startChat();

  // The visitor writes: it shows at once, then is stored (sent).
  await visitor.send('Hello, is anyone there?');
  await visitor.expectMessage('customer', 'Hello, is anyone there?');
  await expect(visitor.status('Hello, is anyone there?', /^(sending|sent|delivered|read)$/)).toBeVisible();

  // The operator opens the conversation: the visitor's message reaches "read".
  await operator.openConversation(visitor.name);
  await operator.expectMessage('customer', 'Hello, is anyone there?');
  await expect(visitor.status('Hello, is anyone there?', 'read')).toBeVisible();

  // Typing both ways.
  await visitor.composer.pressSequentially('Let me');
  await operator.expectVisitorTyping();
  await visitor.composer.fill('');
  await operator.startTyping();
  await expect(visitor.panel.getByRole('status', { name: 'Typing' })).toBeVisible();
  await expect(visitor.panel.getByRole('status', { name: 'Typing' })).toContainText('is typing');

  // The operator answers; the visitor has the panel open, so the answer is delivered and read.
  await operator.send('Yes! How can I help?');
  await visitor.expectMessage('operator', 'Yes! How can I help?');
  await operator.expectOwnStatus('Yes! How can I help?', 'read');
  await expect(visitor.panel.getByRole('status', { name: 'Typing' })).toBeHidden();

  // And once more each way, each shown exactly once, in the same order on both sides.
  await visitor.send('My order has not arrived.');
  await operator.expectMessage('customer', 'My order has not arrived.');
  await operator.send('Let me check that for you.');
  await visitor.expectMessage('operator', 'Let me check that for you.');
  const order = ['Hello, is anyone there?', 'Yes! How can I help?', 'My order has not arrived.', 'Let me check that for you.'];
  await expect.poll(() => visitor.texts()).toEqual(order);
  expect(only(await operator.texts(), order)).toEqual(order);
});

test('the unread count shows on the launcher while the panel is closed, and clears when it opens', async ({ arrive, operator }) => {
  const visitor = await arrive('Una');
  await visitor.startChat();
  await visitor.send('Ping');
  await operator.openConversation(visitor.name);
  await operator.expectMessage('customer', 'Ping');

  await visitor.page.keyboard.press('Escape');
  await expect(visitor.panel).toBeHidden();
  await expect(visitor.page.getByRole('button', { name: 'Open chat' })).toBeFocused();

  await operator.send('First answer');
  await operator.send('Second answer');
  const badge = visitor.page.getByRole('button', { name: 'Open chat' }).getByLabel('2 unread');
  await expect(badge).toBeVisible();
  await operator.expectOwnStatus('Second answer', 'delivered');

  // A reload keeps the session and the count.
  await visitor.page.reload();
  await expect(visitor.page.getByRole('button', { name: 'Open chat' }).getByLabel('2 unread')).toBeVisible();

  await visitor.page.getByRole('button', { name: 'Open chat' }).click();
  await visitor.expectMessage('operator', 'Second answer');
  await expect(visitor.composer).toBeFocused();
  await operator.expectOwnStatus('Second answer', 'read');
  await visitor.page.keyboard.press('Escape');
  await expect(visitor.page.getByRole('button', { name: 'Open chat' }).getByLabel(/unread/)).toBeHidden();
});

test('markup in messages is shown as text on both sides, and no dialog opens', async ({ arrive, operator }) => {
  const attack = '<img src=x onerror=alert(1)>';
  const reply = '<b>bold?</b><script>alert(2)</script>';
  const visitor = await arrive('Mallory');
  await visitor.startChat();
  await visitor.send(attack);
  await visitor.expectMessage('customer', attack);
  await operator.openConversation(visitor.name);
  await operator.expectMessage('customer', attack);
  await operator.send(reply);
  await visitor.expectMessage('operator', reply);

  await expect(visitor.page.locator('#switchboard-widget img, #switchboard-widget b, #switchboard-widget script')).toHaveCount(0);
  if ('page' in operator) {
    const page = (operator as unknown as { page: import('@playwright/test').Page }).page;
    await expect(page.getByRole('log', { name: 'Messages' }).locator('img, b, script')).toHaveCount(0);
    expect((operator as unknown as { dialogs: string[] }).dialogs).toEqual([]);
  }
  expect(visitor.dialogs).toEqual([]);
});

/** The texts of `all` that contain one of `expected`, each mapped to the expected text it contains (dashboard articles carry chrome). */
function only(all: string[], expected: string[]): string[] {
  const byLength = [...expected].sort((a, b) => b.length - a.length);
  return all.map((t) => byLength.find((e) => t === e || t.includes(e))).filter((t): t is string => t !== undefined);
}

test('a message the server refuses leaves the log with an alert, and its text comes back as a draft', async ({ arrive }) => {
  const visitor = await arrive('Rene');
  await visitor.startChat();
  await visitor.page.route((url) => /^\/api\/v1\/conversations\/\d+\/messages$/.test(url.pathname), async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    return route.fulfill({
      status: 400, contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'urn:switchboard:error:text_too_long', title: 'Bad request', status: 400, detail: 'Too long.', code: 'text_too_long' }),
    });
  });
  // Not visitor.send(): the composer may be refilled with the draft before an "it emptied" check could look.
  await visitor.composer.fill('Refused by the server');
  await visitor.composer.press('Enter');
  await expect(visitor.panel.getByRole('alert')).toContainText('too long');
  await expect(visitor.message('customer', 'Refused by the server')).toHaveCount(0);
  await expect(visitor.composer).toHaveValue('Refused by the server');
});
