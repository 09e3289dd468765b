import { expect, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';

// Long conversations for the history specs: seeded fast through the REST API (writes in parallel batches), the
// server's transcript read back page by page, and the one invariant checked on every step of a schedule: what a log
// shows is a contiguous run of the server's transcript, in order, with nothing missing inside it.

/** A small seeded PRNG (mulberry32): a failing schedule reruns exactly from its seed. */
export function seeded(seed: number): { next: () => number; int: (min: number, maxExclusive: number) => number } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min, max) => min + Math.floor(next() * (max - min)) };
}

export interface LongConversation {
  readonly conversationId: number;
  readonly contactName: string;
  readonly inboxToken: string;
  readonly visitorToken: string;
}

async function call(baseURL: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const answer = await fetch(`${baseURL}/api/v1${path}`, {
    method, headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await answer.text();
  if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}: ${text.slice(0, 200)}`);
  return text === '' ? undefined : JSON.parse(text);
}

/**
 * A conversation of `length` messages: runs of customer messages nobody on the team has read, each followed by
 * operator replies the visitor has not read either. Written in parallel batches: the server's order is the truth.
 */
export async function seedLongConversation(baseURL: string, operatorToken: string, contactName: string, length: number, random: ReturnType<typeof seeded>): Promise<LongConversation> {
  const snapshot = await call(baseURL, operatorToken, 'GET', '/sync/snapshot');
  const inboxToken = (snapshot.inboxes as { channel: string; publicToken: string }[]).find((i) => i.channel === 'widget')?.publicToken ?? '';
  const session = await call(baseURL, '', 'POST', '/widget/sessions', { inboxToken, name: contactName, email: `${contactName.replace(/\W+/g, '.').toLowerCase()}@example.com` });
  const conversationId: number = session.conversationId ?? (await call(baseURL, session.token, 'POST', '/widget/conversation')).conversation.id;
  // The operator takes it over first, so no bot answers in between and every reply is the operator's.
  await call(baseURL, operatorToken, 'PATCH', `/conversations/${conversationId}`, { mutationId: randomUUID(), botActive: false });
  const writes: Array<() => Promise<unknown>> = [];
  for (let i = 0; i < length;) {
    for (let n = random.int(1, 4); n > 0 && i < length; n--, i++) {
      const text = `c${i} question`;
      writes.push(() => call(baseURL, session.token, 'POST', `/conversations/${conversationId}/messages`, { clientMessageId: randomUUID(), text }));
    }
    for (let n = random.int(1, 3); n > 0 && i < length; n--, i++) {
      const text = `r${i} answer`;
      writes.push(() => call(baseURL, operatorToken, 'POST', `/conversations/${conversationId}/messages`, { clientMessageId: randomUUID(), text }));
    }
  }
  // Batches keep the two sides interleaved (a batch finishes before the next starts), fast on a small box.
  const started = Date.now();
  for (let i = 0; i < writes.length; i += 24) await Promise.all(writes.slice(i, i + 24).map((w) => w()));
  console.log(`seeded ${length} messages in ${Date.now() - started} ms`);
  return { conversationId, contactName, inboxToken, visitorToken: session.token };
}

/** The server's whole transcript of texts, in conversation order (notes left out for a visitor's view). */
export async function serverTranscript(baseURL: string, token: string, conversationId: number, withNotes = true): Promise<string[]> {
  const texts: string[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await call(baseURL, token, 'GET', `/conversations/${conversationId}/messages?limit=200${before === undefined ? '' : `&before=${before}`}`);
    const items = (page.items as { ordinal: number; text: string; isNote: boolean }[]).filter((m) => withNotes || !m.isNote);
    texts.unshift(...items.map((m) => m.text));
    if (!page.hasMore || page.items.length === 0) return texts;
    before = page.items[0].ordinal;
  }
}

/** The texts of the articles a log holds now, in DOM order. */
export async function shownTexts(log: Locator, textSelector: string): Promise<string[]> {
  return log.evaluate((el, selector) => [...el.querySelectorAll('article')].map((a) => a.querySelector(selector)?.textContent ?? ''), textSelector);
}

/** Null when `shown` is a contiguous run of `truth`; else what is wrong, readable. */
export function contiguityError(shown: readonly string[], truth: readonly string[]): string | null {
  if (shown.length === 0) return null;
  const start = truth.indexOf(shown[0] as string);
  if (start < 0) return `"${shown[0]}" is not in the server's transcript`;
  for (let i = 1; i < shown.length; i++) {
    if (truth[start + i] !== shown[i]) {
      return `a hole after "${shown[i - 1]}": the log shows "${shown[i]}", the server has "${truth[start + i]}" there `
        + `(shown ${JSON.stringify(shown.slice(Math.max(0, i - 3), i + 3))}, server ${JSON.stringify(truth.slice(start + Math.max(0, i - 3), start + i + 3))})`;
    }
  }
  return null;
}

export type ScrollStep = { readonly kind: 'up'; readonly px: number } | { readonly kind: 'top' } | { readonly kind: 'reconnect' };

/** A schedule of scroll steps from a seed: mostly scrolling up by random amounts, some jumps to the top, a reconnect or two. */
export function scrollSchedule(random: ReturnType<typeof seeded>, steps: number): ScrollStep[] {
  const schedule: ScrollStep[] = [];
  for (let i = 0; i < steps; i++) {
    const roll = random.int(0, 10);
    schedule.push(roll < 6 ? { kind: 'up', px: random.int(200, 4000) } : roll < 9 ? { kind: 'top' } : { kind: 'reconnect' });
  }
  return schedule;
}

/** Scrolls a log: up by `px`, or to its top. */
export async function scroll(log: Locator, step: { kind: 'up'; px: number } | { kind: 'top' }): Promise<void> {
  await log.evaluate((el, s) => { el.scrollTop = s.kind === 'top' ? 0 : Math.max(0, el.scrollTop - s.px); el.dispatchEvent(new Event('scroll')); }, step);
}

/**
 * Runs a schedule against a log, checking contiguity after every step and while waiting; then scrolls to the top
 * until the first message of the server shows (bounded). A failure names the seed and the steps up to it.
 */
export async function runScrollSchedule(options: {
  readonly page: Page; readonly log: Locator; readonly textSelector: string; readonly truth: readonly string[];
  readonly seed: number; readonly schedule: readonly ScrollStep[]; readonly reconnect: () => Promise<void>;
}): Promise<void> {
  const { log, textSelector, truth, seed, schedule } = options;
  const done: ScrollStep[] = [];
  const check = async (when: string): Promise<string[]> => {
    const shown = await shownTexts(log, textSelector);
    const error = contiguityError(shown, truth);
    if (error !== null) {
      throw new Error(`seed ${seed} (rerun: HISTORY_SEED=${seed}): ${when}: ${error}\nsteps so far:\n`
        + done.map((s, i) => `  ${i + 1}. ${JSON.stringify(s)}`).join('\n'));
    }
    return shown;
  };
  await check('on opening');
  for (const step of schedule) {
    done.push(step);
    if (step.kind === 'reconnect') await options.reconnect();
    else await scroll(log, step);
    await check(`after step ${done.length}`);
  }
  done.push({ kind: 'top' });
  await expect.poll(async () => {
    await scroll(log, { kind: 'top' });
    return (await check('scrolling to the top'))[0];
  }, { message: `the first message at the top (seed ${seed})`, timeout: 60_000, intervals: [50, 100, 200] }).toBe(truth[0]);
}
