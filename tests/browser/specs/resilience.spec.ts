import { expect, test } from '../support/fixtures';

test('a message sent offline shows as sending, then sent after reconnecting, exactly once on both sides', async ({ arrive, operator }) => {
  const visitor = await arrive('Otto');
  await visitor.startChat();
  await visitor.send('Before going offline');
  await operator.openConversation(visitor.name);
  await operator.expectMessage('customer', 'Before going offline');

  await visitor.context.setOffline(true);
  await visitor.send('Written while offline');
  await expect(visitor.status('Written while offline', 'sending')).toBeVisible();
  await visitor.context.setOffline(false);

  // The write is retried with the same clientMessageId: stored once, shown once, and never moved back.
  await expect(visitor.status('Written while offline', /^(sent|delivered|read)$/)).toBeVisible({ timeout: 30_000 });
  await operator.expectMessage('customer', 'Written while offline');
  await visitor.expectMessage('customer', 'Written while offline');
  await operator.send('Got it');
  await visitor.expectMessage('operator', 'Got it');
  await expect.poll(() => visitor.texts()).toEqual(['Before going offline', 'Written while offline', 'Got it']);
});

test('when SSE cannot connect (a proxy that breaks streams), the widget long-polls and misses nothing', async ({ arrive, operator }) => {
  const visitor = await arrive('Paula');
  await visitor.page.route((url) => url.pathname === '/api/v1/events', (route) => route.abort());
  const polls: string[] = [];
  visitor.page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/v1/events/poll') polls.push(r.url()); });
  await visitor.startChat();
  await visitor.send('Hello through a strict proxy');
  await operator.openConversation(visitor.name);
  await operator.expectMessage('customer', 'Hello through a strict proxy');
  await expect(visitor.status('Hello through a strict proxy', 'read')).toBeVisible({ timeout: 20_000 });
  await operator.send('Answer by long-poll');
  await visitor.expectMessage('operator', 'Answer by long-poll');
  expect(polls.length).toBeGreaterThan(0);
});

test('the server restarts mid-conversation: both sides resume without a reload, a duplicate or a gap', async ({ arrive, operator, server }) => {
  test.setTimeout(180_000); // a stop and a start of the real server (about 20 s on a loaded 2-core machine) and bounded waits of up to 30 s
  const visitor = await arrive('Rita');
  await visitor.startChat();
  await visitor.send('Before the restart');
  await operator.openConversation(visitor.name);
  await operator.expectMessage('customer', 'Before the restart');
  await operator.send('Answer before the restart');
  await visitor.expectMessage('operator', 'Answer before the restart');
  // A marker that a reload would wipe.
  await visitor.page.evaluate(() => { (window as unknown as Record<string, unknown>)['notReloaded'] = true; });

  await server.stop();
  // Written while the server is down: pending until it is back.
  await visitor.send('Written while the server was down');
  await expect(visitor.status('Written while the server was down', 'sending')).toBeVisible();
  await server.restart();

  // Written right after the restart, likely before the visitor's stream is back: it must arrive all the same.
  await operator.send('Answer right after the restart');
  await visitor.expectMessage('operator', 'Answer right after the restart', 30_000);
  await expect(visitor.status('Written while the server was down', /^(sent|delivered|read)$/)).toBeVisible({ timeout: 30_000 });
  await operator.expectMessage('customer', 'Written while the server was down');
  await visitor.send('After the restart');
  await operator.expectMessage('customer', 'After the restart');

  expect(await visitor.page.evaluate(() => (window as unknown as Record<string, unknown>)['notReloaded'])).toBe(true);
  // Same set on both sides, each once. The pending message and the operator's answer raced, so their order may differ.
  const expected = ['Before the restart', 'Answer before the restart', 'Written while the server was down', 'Answer right after the restart', 'After the restart'];
  await expect.poll(async () => (await visitor.texts()).sort()).toEqual([...expected].sort());
  // Dashboard articles carry a name and a time besides the text: match each to the longest expected text it holds.
  const byLength = [...expected].sort((a, b) => b.length - a.length);
  const onOperatorSide = (await operator.texts()).map((t) => byLength.find((e) => t === e || t.includes(e)));
  expect(onOperatorSide.filter((t) => t !== undefined).sort()).toEqual([...expected].sort());
  // Same order for everyone (per-conversation order).
  expect(onOperatorSide.filter((t) => t !== undefined)).toEqual(await visitor.texts());
});
