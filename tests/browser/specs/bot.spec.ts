import type { Page } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '../support/fixtures';
import { deferred, TeamApi } from '../support/team';

test('the bot answers an FAQ question, hands off when asked for a human, and the operator claims and replies', async ({ arrive, operator, botsMissing }) => {
  test.skip(botsMissing !== null, botsMissing ?? '');
  const visitor = await arrive('Frieda');
  await visitor.startChat();
  await visitor.send('How do I reset my password?');
  // The demo FAQ's answer: "Open Settings → Account and choose "Reset password". …"
  await expect(visitor.log.getByRole('article', { name: 'bot message' }).filter({ hasText: 'Reset password' })).toHaveCount(1, { timeout: 20_000 });
  await expect(visitor.panel.getByRole('status', { name: 'Bot is typing' })).toBeHidden();

  await visitor.send('I want to talk to a human, please');
  await operator.openConversation(visitor.name);
  await operator.expectHandoff();
  await operator.claim();
  await operator.send('Hi, this is Olivia. How can I help?');
  await visitor.expectMessage('operator', 'Hi, this is Olivia. How can I help?');
  await operator.expectOwnStatus('Hi, this is Olivia. How can I help?', 'read');
});

test('ten rapid clicks on the bot switch settle on the last intent, and the switch never flips back', async ({ arrive, operator, operatorKind }) => {
  test.skip(operatorKind !== 'dashboard', 'The bot switch is a dashboard control: the widget+dashboard project runs this test.');
  const visitor = await arrive('Toggle');
  await visitor.startChat();
  await visitor.send('Hello bot');
  await operator.openConversation(visitor.name);
  const page = (operator as unknown as { page: Page }).page;
  const botSwitch = page.getByRole('switch', { name: 'Bot' });
  await expect(botSwitch).toBeVisible();
  const initial = (await botSwitch.getAttribute('aria-checked')) === 'true';

  // On loopback a PATCH is answered within a millisecond; hold each for a moment so the clicks overlap writes in flight.
  await page.route('**/api/v1/conversations/**', async (route) => {
    if (route.request().method() === 'PATCH') await new Promise((r) => setTimeout(r, 150));
    await route.continue();
  });

  // Record aria-checked on every animation frame, and the time of every click on the switch.
  await botSwitch.evaluate((el) => {
    const w = window as unknown as { samples: { t: number; v: string | null }[]; clicks: number[]; sampling: boolean };
    w.samples = [];
    w.clicks = [];
    w.sampling = true;
    const current = (): Element => {
      if (el.isConnected) return el;
      const all = document.querySelectorAll('[role="switch"]');
      return all.length === 1 ? all[0]! : el;
    };
    document.addEventListener('click', (e) => { if ((e.target as Element).closest('[role="switch"]')) w.clicks.push(performance.now()); }, true);
    // performance.now(), not the frame's timestamp: that is the frame's start, before the clicks handled in it.
    const tick = (): void => {
      w.samples.push({ t: performance.now(), v: current().getAttribute('aria-checked') });
      if (w.sampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

  for (let i = 0; i < 10; i++) await botSwitch.click();
  const lastIntent = initial; // ten toggles

  await expect(botSwitch).toHaveAttribute('aria-checked', String(lastIntent));
  const conversation = async (): Promise<{ botActive: boolean }> => {
    const list = await (await page.request.get(`/api/v1/conversations?q=${encodeURIComponent(visitor.name)}`)).json();
    return list.items[0];
  };
  await expect.poll(async () => (await conversation()).botActive, { timeout: 15_000 }).toBe(lastIntent);
  // Keep sampling for another 60 frames after the server settled: a late flip-back would show there.
  await page.evaluate(() => new Promise<void>((done) => {
    let frames = 0;
    const tick = (): void => { if (++frames >= 60) done(); else requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  }));
  const { samples, clicks } = await page.evaluate(() => {
    const w = window as unknown as { samples: { t: number; v: string | null }[]; clicks: number[]; sampling: boolean };
    w.sampling = false;
    return { samples: w.samples, clicks: w.clicks };
  });

  test.info().annotations.push({ type: 'sampling', description: `${samples.length} frames, ${clicks.length} clicks, ${samples.filter((x, i) => i > 0 && x.v !== samples[i - 1]!.v).length} changes` });
  expect(clicks).toHaveLength(10);
  // Every change of the switch is one a click asked for: by the k-th change, at least k clicks have happened.
  const changes = samples.filter((s, i) => i > 0 && s.v !== samples[i - 1]!.v);
  changes.forEach((change, k) => {
    expect(clicks.filter((t) => t <= change.t).length, `change ${k + 1} at ${change.t.toFixed(0)} ms`).toBeGreaterThanOrEqual(k + 1);
  });
  expect(changes.length).toBeGreaterThanOrEqual(2);
  expect(changes.length).toBeLessThanOrEqual(10);
  expect(samples.at(-1)!.v).toBe(String(lastIntent));
  await expect(botSwitch).toHaveAttribute('aria-checked', String(lastIntent));
});

test('a streamed bot reply shows "Bot is typing", then its text piece by piece, then becomes its final message in place', async ({ arrive, server, botsMissing }) => {
  test.skip(botsMissing !== null, botsMissing ?? '');
  // An OpenAI-compatible model on loopback that streams its answer in two pieces, each held until the test says so.
  const gates = [deferred(), deferred()];
  const llm = createServer(async (request, response) => {
    for await (const _ of request) { /* the prompt */ }
    response.writeHead(200, { 'Content-Type': 'text/event-stream' });
    const chunk = (delta: object, finish: string | null = null): void => {
      response.write(`data: ${JSON.stringify({ id: 'c-1', object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
    };
    await gates[0]!.promise;
    chunk({ role: 'assistant', content: '' });
    chunk({ content: 'Orders ship within ' });
    await gates[1]!.promise;
    chunk({ content: 'one business day.' });
    chunk({}, 'stop');
    response.end('data: [DONE]\n\n');
  });
  await new Promise<void>((done) => llm.listen(0, '127.0.0.1', done));
  const port = (llm.address() as AddressInfo).port;
  const admin = (await TeamApi.login(server.baseURL, 'admin@example.com')).token;
  const configure = (body: object): Promise<Response> => fetch(`${server.baseURL}/api/v1/bot`, {
    method: 'PATCH', headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  expect((await configure({ engine: 'llm', llm: { baseUrl: `http://127.0.0.1:${port}/v1`, model: 'fake' } })).status).toBe(200);
  try {
    const visitor = await arrive('Stream');
    await visitor.startChat();
    await visitor.send('When will my order ship?');
    await expect(visitor.panel.getByRole('status', { name: 'Bot is typing' })).toBeVisible({ timeout: 15_000 });
    gates[0]!.resolve();
    const bot = visitor.log.getByRole('article', { name: 'bot message' });
    await expect(bot).toHaveCount(1);
    await expect(bot).toContainText('Orders ship within');
    const draft = await bot.elementHandle();
    gates[1]!.resolve();
    await visitor.expectMessage('bot', 'Orders ship within one business day.');
    await expect(bot).toHaveCount(1);
    expect(await draft!.evaluate((el) => el.isConnected)).toBe(true); // the same element, now final
    await expect(visitor.panel.getByRole('status', { name: 'Bot is typing' })).toBeHidden();
  } finally {
    for (const g of gates) g.resolve();
    await configure({ engine: 'knowledge_base' });
    llm.closeAllConnections();
    await new Promise((done) => llm.close(done));
  }
});
