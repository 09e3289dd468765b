import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { dashboardAs, seeded, seedFromEnv, showConversation, TeamApi } from '../support/team';

// Controls hold still: every header action of a conversation is clicked twice, fast, in every conversation state.
// While that happens a sampler records the header's controls on every animation frame: none may move or resize.
// The final state must be the second click's intent, on the server (API) and in the view.

type State = 'bot' | 'queued' | 'mine' | 'colleague' | 'waiting_customer' | 'resolved';
type Control = 'bot' | 'claim' | 'resolve';
const states: readonly State[] = ['bot', 'queued', 'mine', 'colleague', 'waiting_customer', 'resolved'];
const controls: readonly Control[] = ['bot', 'claim', 'resolve'];

interface Facts { state: string; botActive: boolean; assigneeId: number | null }

test('header controls never move under the pointer and a fast double click ends in the second intent', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  test.setTimeout(240_000);
  const seed = seedFromEnv();
  test.info().annotations.push({ type: 'seed', description: String(seed) });
  console.log(`header-controls seed=${seed} (replay with SB_SEED=${seed})`);
  const random = seeded(seed);
  const admin = await TeamApi.login(server.baseURL, 'admin@example.com');
  const me = await TeamApi.login(server.baseURL, 'operator@example.com');
  await admin.setCapacity(me.memberId, 100);
  const operator = await dashboardAs(browser, server.baseURL, 'operator@example.com');
  const page = operator.page;

  // Every state with every control, in a seeded order, with seeded gaps between the two clicks.
  const cases = states.flatMap((s) => controls.map((c) => ({ state: s, control: c }))).sort(() => random() - 0.5);
  for (const [n, { state, control }] of cases.entries()) {
    const gapMs = Math.floor(random() * 120);
    const where = `seed=${seed} case ${n} (${state}, ${control}, gap ${gapMs} ms)`;
    const customer = await admin.newCustomer(`Hold ${state} ${control} ${n}`);
    const id = customer.conversationId;
    await arrange(state, id, admin, me);
    const before = pick(await admin.conversation(id));
    await showConversation(page, id, customer.name);
    await expect(page.getByRole('switch', { name: 'Bot' }), where).toHaveAttribute('aria-checked', String(before.botActive));

    await startSampling(page);
    const target = page.locator(`.conv-actions [data-slot="${control}"]`);
    const box = (await target.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.click(x, y);
    await page.waitForTimeout(gapMs); // the schedule's gap between the two clicks, not a wait for anything
    await page.mouse.click(x, y);

    const expected = intent(before, control, me.memberId);
    await expect.poll(async () => matches(pick(await admin.conversation(id)), expected), { message: `server state, ${where}`, timeout: 15_000 }).toBe(true);
    const after = pick(await admin.conversation(id));
    await expect(page.getByRole('switch', { name: 'Bot' }), where).toHaveAttribute('aria-checked', String(after.botActive));
    await expect(page.getByRole('button', { name: after.state === 'resolved' ? 'Reopen' : 'Resolve', exact: true }), where).toBeVisible();
    await expect(page.getByRole('button', { name: 'Claim', exact: true }), where).toHaveCount(after.state === 'queued' ? 1 : 0);

    const frames = await stopSampling(page);
    expect(frames.length, `frames sampled, ${where}`).toBeGreaterThan(2);
    for (const [i, frame] of frames.entries()) expect(frame, `frame ${i} of ${frames.length}, ${where}`).toEqual(frames[0]);
    if (after.state !== 'resolved') await admin.patch(id, { resolved: true }); // out of the way of later tests
  }
  await operator.close();
});

async function arrange(state: State, id: number, admin: TeamApi, me: TeamApi): Promise<void> {
  if (state === 'bot') return;
  await admin.patch(id, { botActive: false }); // bot → queued
  if (state === 'mine' || state === 'waiting_customer') await me.claim(id);
  if (state === 'colleague') await admin.claim(id);
  if (state === 'waiting_customer') await me.reply(id, 'Let me check that for you.');
  if (state === 'resolved') await admin.patch(id, { resolved: true });
  const expected = { queued: 'queued', mine: 'assigned', colleague: 'assigned', waiting_customer: 'waiting_customer', resolved: 'resolved' }[state];
  expect((await admin.conversation(id)).state).toBe(expected);
}

function pick(c: any): Facts {
  return { state: c.state, botActive: c.botActive, assigneeId: c.assigneeId };
}

/** What two clicks on a control mean: a switch or a toggle comes back to where it was; a claim stays claimed; a hidden slot does nothing. */
function intent(before: Facts, control: Control, meId: number): Partial<Facts> & { resolved?: boolean } {
  switch (control) {
    case 'bot': return { botActive: before.botActive, resolved: before.state === 'resolved' };
    case 'claim': return before.state === 'queued' ? { state: 'assigned', assigneeId: meId } : before;
    case 'resolve': return { resolved: before.state === 'resolved' };
  }
}

function matches(now: Facts, expected: Partial<Facts> & { resolved?: boolean }): boolean {
  if (expected.resolved !== undefined && (now.state === 'resolved') !== expected.resolved) return false;
  return (expected.state === undefined || now.state === expected.state)
    && (expected.botActive === undefined || now.botActive === expected.botActive)
    && (expected.assigneeId === undefined || now.assigneeId === expected.assigneeId);
}

/** Records every header control's box on every animation frame until stopped. */
async function startSampling(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as any;
    w.sbFrames = [];
    w.sbSampling = true;
    const sample = (): void => {
      const boxes: Record<string, string> = {};
      for (const el of document.querySelectorAll<HTMLElement>('.conv-head [data-slot]')) {
        const r = el.getBoundingClientRect();
        boxes[el.dataset['slot']!] = [r.x, r.y, r.width, r.height].map((v) => v.toFixed(1)).join(',');
      }
      w.sbFrames.push(boxes);
      if (w.sbSampling) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

async function stopSampling(page: Page): Promise<Record<string, string>[]> {
  // One more frame so the settled layout is in the record too.
  return page.evaluate(() => new Promise<Record<string, string>[]>((resolve) => requestAnimationFrame(() => {
    const w = window as any;
    w.sbSampling = false;
    resolve(w.sbFrames);
  })));
}
