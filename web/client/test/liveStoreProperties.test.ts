import { test } from 'node:test';
import { LiveStoreCore, RetryPolicy, type OutgoingRequest } from '../src/index.js';
import { ModelServer } from './modelServer.js';
import { SeededRandom } from './seededRandom.js';

// Seeded random schedules of local actions, lost and reordered answers, timeouts, retries, stream
// disconnects, resets and concurrent changes, against ModelServer (port of LiveStorePropertyTests.cs).
// Checks DESIGN §1 properties 2 (no duplicate), 3 (no flip-back), 4 (convergence), 5 (last intent wins)
// and 6 (monotonic status). Some messages carry files (uploaded first, some refused, each upload meeting the same
// random network), and the user cancels some: no message is lost or stored twice, and each stored message carries
// exactly its files. A failure names its seed: rerun just it with SEED=<n> npm test.
// SCHEDULES=<n> changes how many seeds run (default 10,000).

const schedules = Number(process.env['SCHEDULES'] ?? 10_000);
const onlySeed = process.env['SEED'] === undefined ? undefined : Number(process.env['SEED']);

test(`random schedules keep the sync properties (${onlySeed === undefined ? `${schedules} seeds` : `seed ${onlySeed}`})`, (t) => {
  const started = performance.now();
  const seeds = onlySeed === undefined ? Array.from({ length: schedules }, (_, i) => i + 1) : [onlySeed];
  for (const seed of seeds) {
    try {
      runSchedule(seed);
    } catch (error) {
      throw new Error(`seed ${seed} failed (rerun: SEED=${seed} npm test): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  t.diagnostic(`${seeds.length} schedules in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});

const rank: Readonly<Record<string, number>> = { sending: 0, sent: 1, delivered: 2, read: 3 };

function ensure(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Error(message());
}

function runSchedule(seed: number): void {
  const random = new SeededRandom(seed);
  const conversations = random.int(1, 3);
  const server = new ModelServer(conversations);
  const store = new LiveStoreCore({
    retryPolicy: new RetryPolicy([10, 20, 40, 80, 160, 320, 640, 1280], 0.5),
    random: new SeededRandom(seed ^ 0x5bd1e995).next,
  });
  let now = Date.UTC(2026, 0, 1);
  const otherActor = random.int(0, 4) === 0;
  let answers: Array<{ key: string; status: 0 | 503 }> = []; // 0: reached the server, answered when delivered
  const lastIntent = new Map<number, boolean>();
  const sent = new Set<string>();
  const filesOf = new Map<string, string[]>(); // clientMessageId -> its clientAttachmentIds
  let filesMade = 0;
  const seenStatus = new Map<string, number>();
  let connected = true;

  store.loadSnapshot(server.snapshot());
  let streamPosition = store.cursor; // what the stream delivered last; a reconnect resumes from the store's cursor

  const conversationIds = Array.from({ length: conversations }, (_, i) => i + 1);

  const check = (): void => {
    for (const c of store.conversations) {
      // Property 3: while a change is pending, the view shows the latest pending value, and that is what the
      // user chose last (compared with the user's own record too, so dropping a change too early is caught).
      const pending = store.pendingPatches(c.id);
      const latest = pending.filter((p) => p.botActive !== undefined).at(-1);
      if (latest !== undefined) ensure(latest.botActive === c.botActive, () => `flip-back: view ${c.botActive}, pending ${latest.botActive}`);
      const chosen = lastIntent.get(c.id);
      if (pending.length > 0 && chosen !== undefined) ensure(chosen === c.botActive, () => `flip-back: view ${c.botActive}, last choice ${chosen}`);
    }
    // Property 3, from the user's side: the check above trusts the store's own pending list, so a store
    // that dropped a change too early (on its answer rather than its event) would pass it. With nobody
    // else writing and nothing refused, the view must show the user's last choice at every moment.
    if (!otherActor && store.errors.length === 0) {
      for (const [id, value] of lastIntent) {
        const view = store.getConversation(id);
        ensure(view?.botActive === value, () => `flip-back: conversation ${id} shows ${view?.botActive}, the user chose ${value} (cursor=${store.cursor}, pending=${store.pendingCount})`);
      }
    }
    for (const id of conversationIds) {
      const view = store.getMessages(id);
      // Property 2: every message appears once.
      ensure(new Set(view.map((m) => m.clientMessageId)).size === view.length, () => 'duplicate message in the view');
      const ids = view.flatMap((m) => (m.id === null ? [] : [m.id]));
      ensure(new Set(ids).size === ids.length, () => 'duplicate server id');
      for (const m of view) {
        // A message shows its files from the moment it is written, exactly once each.
        const files = filesOf.get(m.clientMessageId) ?? [];
        const shown = m.attachments.map((a) => a.clientAttachmentId);
        ensure(JSON.stringify(shown) === JSON.stringify(files), () => `message ${m.clientMessageId} shows files ${JSON.stringify(shown)}, expected ${JSON.stringify(files)}`);
      }
      for (const m of view) {
        // Property 6: a status never moves backwards (failed is outside the order; Retry restarts it).
        if (m.status === 'failed') { seenStatus.delete(m.clientMessageId); continue; }
        const r = rank[m.status];
        ensure(r !== undefined, () => `unknown status ${m.status}`);
        const before = seenStatus.get(m.clientMessageId);
        ensure(before === undefined || r >= before,
          () => `status of ${m.clientMessageId} moved back to ${m.status} (pending=${m.pending}, server=${JSON.stringify(m.server)}, cursor=${store.cursor})`);
        seenStatus.set(m.clientMessageId, r);
      }
    }
  };

  const deliverStream = (max: number): void => {
    if (!connected) return;
    for (let i = 0; i < max && streamPosition < server.lastSeq; i++) {
      const e = server.log[streamPosition]!;
      store.applyEvent(e);
      streamPosition = e.seq;
      check();
    }
  };

  const answer = (key: string): void => {
    const r = store.describePending(key);
    if (r === undefined) return;
    const { status, body } = server.handle(r);
    store.onResponse(key, status, body, now);
  };

  const send = (r: OutgoingRequest, reliable: boolean): void => {
    const fate = reliable ? 0 : random.int(0, 10);
    if (fate <= 5) answers.push({ key: r.key, status: 0 });
    else if (fate === 6) { server.handle(r); store.onTransportFailure(r.key, now); } // applied, answer lost
    else if (fate === 7) store.onTransportFailure(r.key, now); // never arrived
    else answers.push({ key: r.key, status: 503 }); // the server failed without effect
  };

  const steps = random.int(20, 80);
  for (let step = 0; step < steps; step++) {
    switch (random.int(0, 12)) {
      case 0:
      case 1: {
        const id = random.int(1, conversations + 1);
        const value = random.int(0, 2) === 0;
        store.updateConversation(id, { botActive: value });
        lastIntent.set(id, value);
        break;
      }
      case 2: {
        // One message in four carries files; one file in six is refused (415) by the server.
        const files = random.int(0, 4) !== 0 ? [] : Array.from({ length: random.int(1, 3) }, (_, i) => ({
          file: new Blob([new Uint8Array(random.int(1, 5))]), name: random.int(0, 6) === 0 ? `bad${step}-${i}.html` : `f${step}-${i}.pdf`,
        }));
        filesMade += files.length;
        const conversationId = random.int(1, conversations + 1);
        const key = store.sendMessage(conversationId, `m${step}`, { files });
        sent.add(key);
        if (files.length > 0) filesOf.set(key, store.getMessages(conversationId).find((m) => m.clientMessageId === key)?.attachments.map((a) => a.clientAttachmentId) ?? []);
        break;
      }
      case 11: {
        // The user cancels a message (possible only while it was never posted).
        const candidates = [...sent];
        const key = candidates[random.int(0, Math.max(1, candidates.length))];
        if (key !== undefined && store.cancelMessage(key)) sent.delete(key);
        break;
      }
      case 3:
        for (const r of store.takeDueRequests(now)) send(r, false);
        break;
      case 4:
        if (answers.length > 0) {
          const [{ key, status }] = answers.splice(random.int(0, answers.length), 1) as [{ key: string; status: 0 | 503 }];
          if (status === 503) store.onResponse(key, 503, undefined, now);
          else answer(key);
        }
        break;
      case 5:
      case 6:
        deliverStream(random.int(1, 4));
        break;
      case 7:
        // Disconnect and resume from the cursor: never a gap, overlaps are harmless.
        connected = random.int(0, 3) !== 0;
        streamPosition = Math.max(0, store.cursor - random.int(0, 2));
        break;
      case 8:
        now += random.int(1, 400);
        break;
      case 9:
        if (otherActor) server.otherActorToggles(random.int(1, conversations + 1), random.int(0, 2) === 0);
        else server.receipt(random);
        break;
      case 10:
        if (random.int(0, 8) === 0) {
          store.requestSnapshot();
          store.loadSnapshot(server.snapshot());
          for (const c of conversationIds) store.loadMessages(c, server.messages(c));
          streamPosition = store.cursor;
        }
        break;
    }
    check();
  }

  // Drain: the network heals; everything gets through, the user retries failed messages.
  connected = true;
  for (let round = 0; round < 200 && (store.pendingCount > 0 || streamPosition < server.lastSeq || answers.length > 0); round++) {
    const due = answers;
    answers = [];
    for (const { key, status } of due) {
      if (status === 503) store.onResponse(key, 503, undefined, now);
      else answer(key);
    }
    for (const c of conversationIds) {
      for (const m of store.getMessages(c)) {
        if (!m.canRetry) continue;
        // A refused file is refused again: the user cancels that message (never posted, so it must go) and retries the rest.
        if (m.error === null) store.retryMessage(m.clientMessageId);
        else {
          ensure(store.cancelMessage(m.clientMessageId), () => `a message failed by a refused upload (${m.error}) could not be cancelled`);
          sent.delete(m.clientMessageId);
        }
      }
    }
    for (const r of store.takeDueRequests(now)) send(r, true);
    deliverStream(Number.POSITIVE_INFINITY);
    const next = store.nextRetryAt;
    now = next !== undefined && next > now ? next : now + 1;
    check();
  }

  // Property 4: convergence. Nothing pending, the view equals the server.
  ensure(store.pendingCount === 0, () => `${store.pendingCount} changes still pending after the drain`);
  for (const [id, c] of server.conversations) {
    const view = store.getConversation(id);
    ensure(view !== undefined && view.botActive === c.botActive && view.state === c.state && view.version === c.version,
      () => `conversation ${id} did not converge: view ${JSON.stringify(view)}, server ${JSON.stringify(c)}`);
    const expected = JSON.stringify(server.messages(id).map((m) => [m.clientMessageId, m.status, m.attachments.map((a) => a.clientAttachmentId)]));
    const actual = JSON.stringify(store.getMessages(id).map((m) => [m.clientMessageId, m.status, m.attachments.map((a) => a.clientAttachmentId)]));
    ensure(expected === actual, () => `messages of ${id} did not converge: view ${actual}, server ${expected}`);
  }
  // Property 2 on the server: every send of the user stored exactly once; nothing acknowledged lost.
  const stored = conversationIds.flatMap((c) => server.messages(c).map((m) => m.clientMessageId)).sort();
  ensure(JSON.stringify([...sent].sort()) === JSON.stringify(stored), () => `sent ${sent.size} messages, the server stored ${stored.length}`);
  // Each stored message carries exactly its files, each stored once (a retried upload replays, it never stores twice).
  for (const key of sent) {
    const carried = server.attachmentsOf(key).sort();
    const files = [...(filesOf.get(key) ?? [])].sort();
    ensure(JSON.stringify(carried) === JSON.stringify(files), () => `message ${key} carries ${JSON.stringify(carried)}, expected ${JSON.stringify(files)}`);
  }
  ensure(server.uploadsStored <= filesMade, () => `${server.uploadsStored} uploads stored for ${filesMade} files`);
  // Property 5: with nobody else writing and nothing refused, the server ends on the user's last choice.
  if (!otherActor && store.errors.length === 0) {
    for (const [id, value] of lastIntent) {
      const actual = server.conversations.get(id)?.botActive;
      ensure(actual === value, () => `conversation ${id}: server ${actual}, last intent ${value}`);
    }
  }
}
