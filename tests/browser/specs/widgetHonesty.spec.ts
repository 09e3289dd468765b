import { ApiOperator } from '../support/apiOperator';
import { expect, test } from '../support/fixtures';

// Issue 18: the widget says what is true. Its header tells the connection state instead of a reply-time promise while
// it is not connected, and a visitor whose conversation was resolved is told so, with a way to write again (which
// reopens it, by the server's rules).

test('the widget header says the visitor is offline, not "we typically reply", and recovers when back', async ({ arrive, operatorKind }) => {
  test.skip(operatorKind !== 'api', 'The widget alone: runs once, in the widget+api project.');
  const visitor = await arrive('Hugo');
  await visitor.startChat();
  const promise = visitor.panel.getByText('We typically reply in a few minutes');
  await expect(promise).toBeVisible();
  await visitor.context.setOffline(true);
  await expect(visitor.panel.getByText('You are offline. Messages are sent when you are back.')).toBeVisible({ timeout: 15_000 });
  await expect(promise).toHaveCount(0);
  await visitor.send('Written offline');
  await expect(visitor.status('Written offline', 'sending')).toBeVisible();
  await visitor.context.setOffline(false);
  await expect(promise).toBeVisible({ timeout: 15_000 });
  await expect(visitor.status('Written offline', /^(sent|delivered|read)$/)).toBeVisible({ timeout: 15_000 });
  await expect(visitor.message('customer', 'Written offline')).toHaveCount(1);
});

test('a resolved conversation is shown as resolved; writing again reopens it, once', async ({ arrive, operatorKind, browser, server }) => {
  test.skip(operatorKind !== 'api', 'The widget alone: runs once, in the widget+api project.');
  const visitor = await arrive('Iris');
  await visitor.startChat();
  await visitor.send('Where is my parcel?');
  const api = await ApiOperator.login(browser, server.baseURL);
  try {
    await api.openConversation(visitor.name);
    await api.send('It arrives tomorrow.');
    await visitor.expectMessage('operator', 'It arrives tomorrow.');
    const resolvedNotice = visitor.panel.getByText('This conversation was resolved.');
    const again = visitor.panel.getByRole('button', { name: 'Start a new conversation' });
    await expect(resolvedNotice).toBeHidden();

    const { status } = await api.call('PATCH', `/conversations/${api.conversationId}`, { mutationId: crypto.randomUUID(), resolved: true });
    expect(status).toBe(200);
    await expect(resolvedNotice).toBeVisible();
    await expect(again).toBeVisible();
    await expect(visitor.composer, 'no composer until the visitor chooses to write again').toBeHidden();

    await again.click();
    await expect(visitor.composer).toBeVisible();
    await expect(visitor.composer).toBeFocused();
    await expect(resolvedNotice).toBeHidden();
    await visitor.send('One more question');
    await visitor.expectMessage('customer', 'One more question');
    await api.expectMessage('customer', 'One more question');
    await expect.poll(async () => (await api.conversation()).state, { message: 'reopened by the server' }).not.toBe('resolved');
    await expect(resolvedNotice).toBeHidden();
    await expect(visitor.composer).toBeVisible();
    await expect.poll(() => visitor.texts()).toEqual(['Where is my parcel?', 'It arrives tomorrow.', 'One more question']);
  } finally {
    await api.close();
  }
});
