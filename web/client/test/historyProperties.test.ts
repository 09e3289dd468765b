import { test } from 'node:test';
import { LiveStoreCore, type LoadedPage, type PageRequest } from '../src/index.js';
import { HistoryServer } from './historyModel.js';
import { SeededRandom } from './seededRandom.js';

// Seeded schedules of history: paging (answers late, out of order, after resets), status events about messages
// anywhere, read receipts flooding statuses, resets and reconnects (the stream replaying from an older point). After
// every step what the view shows must be a contiguous, ordered run of the server's transcript with nothing missing
// inside it; with nothing pending at the end, paging to the top converges on the server's whole transcript.
// A failure prints its seed and the schedule shrunk to the fewest steps that still fail: rerun with SEED=<n>.
// The same schedules run in the .NET SDK (LiveStoreHistoryPropertyTests.cs).

type Step =
  | { readonly op: 'create'; readonly role: string }
  | { readonly op: 'status'; readonly at: number }
  | { readonly op: 'receipt' }
  | { readonly op: 'deliver'; readonly count: number }
  | { readonly op: 'reconnect'; readonly back: number }
  | { readonly op: 'requestOlder'; readonly limit: number }
  | { readonly op: 'answerPage'; readonly pick: number }
  | { readonly op: 'reset' };

const schedules = Number(process.env['SCHEDULES'] ?? 3_000);
const onlySeed = process.env['SEED'] === undefined ? undefined : Number(process.env['SEED']);

test(`history schedules keep every view a contiguous slice of the server's transcript (${onlySeed === undefined ? `${schedules} seeds` : `seed ${onlySeed}`})`, () => {
  const seeds = onlySeed === undefined ? Array.from({ length: schedules }, (_, i) => i + 1) : [onlySeed];
  for (const seed of seeds) {
    const { initial, steps } = generate(seed);
    const error = run(initial, steps);
    if (error === null) continue;
    const shrunk = shrink(initial, steps);
    throw new Error(`seed ${seed} failed (rerun: SEED=${seed} npm test): ${error}\n`
      + `shrunk to ${shrunk.length} of ${steps.length} steps, ${initial} messages at first (fails with: ${run(initial, shrunk)}):\n`
      + shrunk.map((s, i) => `  ${i + 1}. ${JSON.stringify(s)}`).join('\n'));
  }
});

function generate(seed: number): { initial: number; steps: Step[] } {
  const random = new SeededRandom(seed);
  const initial = random.int(0, 3) === 0 ? random.int(0, 5) : random.int(5, 120);
  const steps: Step[] = [];
  for (let i = random.int(10, 60); i > 0; i--) {
    const roll = random.int(0, 16);
    if (roll < 3) steps.push({ op: 'create', role: ['customer', 'bot', 'operator'][random.int(0, 3)] as string });
    else if (roll < 5) steps.push({ op: 'status', at: random.next() });
    else if (roll < 6) steps.push({ op: 'receipt' });
    else if (roll < 9) steps.push({ op: 'deliver', count: random.int(1, 30) });
    else if (roll < 10) steps.push({ op: 'reconnect', back: random.int(0, 5) });
    else if (roll < 12) steps.push({ op: 'requestOlder', limit: random.int(1, 40) });
    else if (roll < 15) steps.push({ op: 'answerPage', pick: random.int(0, 4) });
    else steps.push({ op: 'reset' });
  }
  return { initial, steps };
}

/** Runs a schedule; the first broken property, or null. */
function run(initial: number, steps: readonly Step[]): string | null {
  const server = new HistoryServer(initial);
  const store = new LiveStoreCore();
  const inFlight: Array<{ request: PageRequest; page: LoadedPage }> = [];
  let position = 0;
  const ask = (request: PageRequest | null, limit: number): void => {
    if (request !== null) inFlight.push({ request, page: server.page(request, limit) });
  };
  const watch = (): void => {
    store.loadSnapshot(server.snapshot());
    position = store.cursor;
    ask(store.newestPage(1), 25); // as watchConversation does, and the resync after a reset
  };
  const deliver = (count: number): void => {
    for (; count > 0 && position < server.cursor; count--) store.applyEvent(server.log[position++]!);
  };
  watch();
  for (const [i, step] of steps.entries()) {
    switch (step.op) {
      case 'create': server.create(step.role); break;
      case 'status': server.advanceStatus(Math.floor(step.at * server.messages.length)); break;
      case 'receipt': server.readAll(); break;
      case 'deliver': deliver(step.count); break;
      case 'reconnect': position = Math.max(0, store.cursor - step.back); break;
      case 'requestOlder': ask(store.nextPage(1), step.limit); break;
      case 'answerPage': {
        const [answer] = inFlight.splice(step.pick % Math.max(1, inFlight.length), 1);
        if (answer !== undefined) store.loadPage(answer.request, answer.page);
        break;
      }
      case 'reset': store.requestSnapshot(); watch(); break;
    }
    const broken = contiguous(store, server);
    if (broken !== null) return `after step ${i + 1} (${step.op}): ${broken}`;
  }
  // Drain: every event and page arrives, then the view pages up to the first message.
  deliver(Infinity);
  for (const { request, page } of inFlight.splice(0)) store.loadPage(request, page);
  for (let round = 0; round < 500; round++) {
    const request = store.nextPage(1);
    if (request === null) break;
    store.loadPage(request, server.page(request, 7));
    const broken = contiguous(store, server);
    if (broken !== null) return `while paging at the end: ${broken}`;
  }
  const shown = JSON.stringify(store.transcript(1).messages.map((m) => [m.clientMessageId, m.status]));
  const truth = JSON.stringify(server.messages.map((m) => [m.clientMessageId, m.status]));
  return shown === truth ? null : `did not converge: view ${shown}, server ${truth}`;
}

/** What the view shows is a run of consecutive ordinals of the server's transcript, from where its range starts. */
function contiguous(store: LiveStoreCore, server: HistoryServer): string | null {
  const t = store.transcript(1);
  const shown = t.messages.map((m) => m.ordinal);
  for (const [i, m] of t.messages.entries()) {
    const truth = server.messages[(m.ordinal ?? 0) - 1];
    if (truth?.clientMessageId !== m.clientMessageId) return `ordinal ${m.ordinal} shows ${m.clientMessageId}, the server has ${truth?.clientMessageId}`;
    const expected = (t.from ?? 0) + i;
    if (m.ordinal !== expected) return `a hole: the view shows ordinals [${shown.join(',')}], ${expected} is missing`;
  }
  if (!t.hasOlder && t.from !== null && t.from !== 1) return `the view says nothing is older, but starts at ${t.from}`;
  return null;
}

/** The fewest steps that still fail: drop chunks, then single steps, while the failure remains. */
function shrink(initial: number, steps: readonly Step[]): Step[] {
  let current = [...steps];
  for (let chunk = Math.max(1, current.length >> 1); chunk >= 1; chunk = chunk === 1 ? 0 : chunk >> 1) {
    for (let i = 0; i < current.length;) {
      const candidate = [...current.slice(0, i), ...current.slice(i + chunk)];
      if (run(initial, candidate) !== null) current = candidate;
      else i += chunk;
    }
  }
  return current;
}
