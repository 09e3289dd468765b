import { LiveStoreCore, SignalsStore, TeamParts, parseMessage, parseTeamSnapshot, parseStreamEvent, RetryPolicy, type ConversationPatch, type OutgoingRequest, type SnoozeChange, type PageRequest } from '../src/index.js';
import { isObject, subsetMismatches, toJson } from './json.js';

/** A conformance vector that does not hold (or cannot be read). */
export class VectorFailure extends Error {
  override readonly name = 'VectorFailure';
}

/** The vectors' clock starts here (spec/sync/README.md) and moves only with `advance`. */
export const vectorStart = Date.UTC(2026, 0, 1, 0, 0, 0);

/**
 * Runs one conformance vector of spec/sync against {@link LiveStoreCore}, with the semantics of the .NET
 * runner (tests/Switchboard.Client.Tests/VectorRunner.cs); the step language is in spec/sync/README.md.
 */
export function runVector(vector: unknown): void {
  if (!isObject(vector) || typeof vector['name'] !== 'string' || !Array.isArray(vector['steps'])) {
    throw new VectorFailure('not a vector: needs "name" and "steps"');
  }
  const runner = new VectorRunner(vector['name'], numbers(vector['retryDelaysMs'], 'retryDelaysMs') ?? [1000, 4000, 10000]);
  for (const step of vector['steps']) {
    runner.stepIndex++;
    if (!isObject(step)) runner.fail('a step must be an object');
    else runner.step(step);
    runner.settleSignals();
  }
}

// Signals are shown to everyone (no "self"), under their fallback names.
const signalContext = { isSelf: () => false, name: () => null };

class VectorRunner {
  readonly store: LiveStoreCore;
  readonly signals = new SignalsStore();
  now = vectorStart;
  stepIndex = 0;
  readonly pages = new Map<string, PageRequest>();

  constructor(readonly name: string, delaysMs: number[]) {
    this.store = new LiveStoreCore({ retryPolicy: new RetryPolicy(delaysMs, 0), random: () => 0, team: new TeamParts() });
  }

  step(s: Record<string, unknown>): void {
    const op = this.str(s, 'do');
    switch (op) {
      case 'snapshot':
        this.int(s, 'cursor');
        this.store.loadSnapshot(parseTeamSnapshot(s, 'step'));
        break;
      case 'messages':
        this.store.loadMessages(this.int(s, 'conversationId'), this.list(s, 'items', true).map((m, i) => parseMessage(m, `items[${i}]`)));
        break;
      case 'send':
        this.store.sendMessage(this.int(s, 'conversationId'), this.str(s, 'text'), {
          clientMessageId: this.str(s, 'clientMessageId'),
          isNote: this.optionalBool(s, 'isNote') ?? false,
          sendSeenSeq: this.optionalBool(s, 'sendSeenSeq') ?? true,
          replyAnyway: this.optionalBool(s, 'replyAnyway') ?? false,
          files: this.list(s, 'files', true).map((f) => {
            if (!isObject(f)) this.fail('a file must be an object');
            // The bytes do not matter to the store: a blob of the declared size and type stands for the file.
            return { clientAttachmentId: this.str(f, 'clientAttachmentId'), name: this.str(f, 'name'), file: new Blob([new Uint8Array(this.int(f, 'size'))], { type: this.str(f, 'contentType') }) };
          }),
        });
        break;
      case 'progress':
        this.store.onUploadProgress(this.str(s, 'to'), this.num(s, 'fraction'));
        break;
      case 'cancel': {
        const cancelled = this.store.cancelMessage(this.str(s, 'clientMessageId'));
        if (s['expect'] !== undefined) this.check(cancelled === s['expect'], `cancel: ${cancelled}, expected ${JSON.stringify(s['expect'])}`);
        break;
      }
      case 'patch':
        this.store.updateConversation(this.int(s, 'conversationId'), this.patch(s['set']), this.str(s, 'mutationId'));
        break;
      case 'retry':
        this.check(this.store.retryMessage(this.str(s, 'clientMessageId')), 'retry found no failed message');
        break;
      case 'takeRequests':
        this.expectRequests(this.store.takeDueRequests(this.now), this.list(s, 'expect', false));
        break;
      case 'respond':
        this.store.onResponse(this.str(s, 'to'), this.int(s, 'status'), s['body'], this.now);
        break;
      case 'fail':
        this.store.onTransportFailure(this.str(s, 'to'), this.now);
        break;
      case 'event':
        this.store.applyEvent(parseStreamEvent(s['event']));
        break;
      case 'events':
        for (const e of this.list(s, 'events', false)) this.store.applyEvent(parseStreamEvent(e));
        break;
      case 'cursor':
        this.store.advanceCursor(this.int(s, 'seq'));
        break;
      case 'reset':
        this.store.requestSnapshot();
        break;
      case 'connection':
        this.store.setConnected(this.optionalBool(s, 'connected') ?? this.fail('connection needs "connected"'), this.now);
        break;
      case 'advance':
        this.now += this.int(s, 'ms');
        this.signals.expire(this.now);
        break;
      case 'requestPage':
        this.requestPage(s);
        break;
      case 'pageLoaded': {
        const name = this.str(s, 'page');
        const request = this.pages.get(name) ?? this.fail(`no page request named '${name}'`);
        const items = this.list(s, 'items', true).map((m, i) => parseMessage(m, `items[${i}]`));
        const merged = this.store.loadPage(request, { items, hasMore: s['hasMore'] === true, cursor: typeof s['cursor'] === 'number' ? s['cursor'] : 0 });
        if (s['merged'] !== undefined) this.check(merged === s['merged'], `page '${name}' merged: ${merged}, expected ${JSON.stringify(s['merged'])}`);
        break;
      }
      case 'signal': {
        const signal = s['signal'];
        if (!isObject(signal) || typeof signal['type'] !== 'string') this.fail('"signal" must be an object with a "type"');
        const id = signal['conversationId'];
        this.signals.apply({ type: signal['type'], conversationId: typeof id === 'number' ? id : null, actor: signal['actor'], data: signal['data'] }, this.now, signalContext);
        break;
      }
      case 'expect':
        this.expect(s);
        break;
      default:
        this.fail(`unknown step '${op}'`);
    }
  }

  /** The page the store asks for (`newest`, or the one extending the view), checked against `expect` (null: none). */
  requestPage(s: Record<string, unknown>): void {
    const conversationId = this.int(s, 'conversationId');
    const request = s['newest'] === true ? this.store.newestPage(conversationId) : this.store.nextPage(conversationId);
    const expected = s['expect'];
    if (expected === null) this.check(request === null, `expected no page to fetch, got before ${request?.before} after ${request?.after}`);
    else if (isObject(expected)) {
      this.check(request !== null, 'expected a page to fetch, got none');
      this.check(request.before === (expected['before'] ?? null) && request.after === (expected['after'] ?? null),
        `page before ${request.before} after ${request.after}, expected ${JSON.stringify(expected)}`);
    }
    if (request !== null && typeof s['as'] === 'string') this.pages.set(s['as'], request);
  }

  /** As the live store does after every event and signal: the durable state settles the drafts. */
  settleSignals(): void {
    for (const id of this.signals.conversationIds()) {
      this.signals.settleMessages(id, this.store.recentMessages(id), this.store.getConversation(id));
    }
  }

  patch(set: unknown): ConversationPatch {
    if (!isObject(set)) this.fail('patch needs "set"');
    const patch: { botActive?: boolean; resolved?: boolean; assigneeId?: number | null; snooze?: SnoozeChange | null } = {};
    const botActive = this.optionalBool(set, 'botActive');
    if (botActive !== undefined) patch.botActive = botActive;
    const resolved = this.optionalBool(set, 'resolved');
    if (resolved !== undefined) patch.resolved = resolved;
    if (Object.hasOwn(set, 'assigneeId')) patch.assigneeId = set['assigneeId'] === null ? null : this.int(set, 'assigneeId');
    // `"snooze": {"untilReply": true}`, `{"until": "<iso>"}`, or null to unsnooze.
    if (Object.hasOwn(set, 'snooze')) {
      const snooze = set['snooze'];
      patch.snooze = snooze === null ? null : isObject(snooze) && typeof snooze['until'] === 'string' ? { until: snooze['until'] } : { untilReply: true };
    }
    return patch;
  }

  expectRequests(actual: OutgoingRequest[], expected: unknown[]): void {
    this.check(actual.length === expected.length, `expected ${expected.length} requests, got ${actual.length}: ${actual.map((r) => r.key).join(', ')}`);
    actual.forEach((request, i) => {
      const e = expected[i];
      if (!isObject(e)) this.fail(`request ${i}: expectation must be an object`);
      this.check(request.key === this.str(e, 'key'), `request ${i}: key ${request.key}, expected ${JSON.stringify(e['key'])}`);
      if (e['method'] !== undefined) this.check(request.method === e['method'], `request ${i}: method ${request.method}`);
      if (e['path'] !== undefined) this.check(request.path === e['path'], `request ${i}: path ${request.path}`);
      if (isObject(e['body'])) this.subset(e['body'], request.body, `request ${i} body`);
    });
  }

  expect(s: Record<string, unknown>): void {
    const { store } = this;
    if (s['cursor'] !== undefined) this.check(store.cursor === s['cursor'], `cursor ${store.cursor}, expected ${JSON.stringify(s['cursor'])}`);
    if (s['pending'] !== undefined) this.check(store.pendingCount === s['pending'], `pending ${store.pendingCount}, expected ${JSON.stringify(s['pending'])}`);
    if (s['needsSnapshot'] !== undefined) this.check(store.needsSnapshot === s['needsSnapshot'], `needsSnapshot ${store.needsSnapshot}`);
    const errors = s['errors'];
    if (Array.isArray(errors)) {
      const codes = store.errors.map((e) => e.code);
      this.check(codes.length === errors.length && codes.every((c, i) => c === errors[i]), `errors [${codes.join(', ')}], expected ${JSON.stringify(errors)}`);
    }
    const conversations = s['conversations'];
    if (isObject(conversations)) {
      for (const [id, fields] of Object.entries(conversations)) {
        const view = store.getConversation(Number(id));
        this.check(view !== undefined, `conversation ${id} missing from the view`);
        if (!isObject(fields)) this.fail(`conversation ${id}: expectation must be an object`);
        this.subset(fields, view, `conversation ${id}`);
      }
    }
    const labels = s['labels'];
    if (Array.isArray(labels)) {
      const held = store.labels;
      this.check(held.length === labels.length, `labels ${JSON.stringify(held.map((l) => l.id))}, expected ${labels.length}`);
      labels.forEach((fields, i) => {
        if (!isObject(fields)) this.fail(`label ${i}: expectation must be an object`);
        this.subset(fields, held[i], `label ${i}`);
      });
    }
    const drafts = s['drafts'];
    if (isObject(drafts)) {
      for (const [id, list] of Object.entries(drafts)) {
        const view = this.signals.view(Number(id));
        this.check(Array.isArray(list), `drafts of ${id}: expectation must be an array`);
        this.subset({ drafts: list }, { drafts: view.drafts }, `conversation ${id}`);
        this.check(view.drafts.length === list.length, `conversation ${id}: drafts ${JSON.stringify(view.drafts)}, expected ${JSON.stringify(list)}`);
      }
    }
    if (s['botThinking'] !== undefined && isObject(s['botThinking'])) {
      for (const [id, thinking] of Object.entries(s['botThinking'])) {
        this.check(this.signals.view(Number(id)).botThinking === thinking, `conversation ${id}: botThinking, expected ${JSON.stringify(thinking)}`);
      }
    }
    this.expectMessages(s['messages'], (id) => store.getMessages(id), 'messages');
    this.expectMessages(s['view'], (id) => store.transcript(id).messages, 'view');
    const ranges = s['ranges'];
    if (isObject(ranges)) {
      for (const [id, list] of Object.entries(ranges)) {
        const actual = JSON.stringify(store.historyRanges(Number(id)).map((r) => [r.from, r.to === Infinity ? null : r.to]));
        this.check(actual === JSON.stringify(list), `conversation ${id}: ranges ${actual}, expected ${JSON.stringify(list)}`);
      }
    }
    const hasOlder = s['hasOlder'];
    if (isObject(hasOlder)) {
      for (const [id, value] of Object.entries(hasOlder)) {
        this.check(store.transcript(Number(id)).hasOlder === value, `conversation ${id}: hasOlder ${store.transcript(Number(id)).hasOlder}, expected ${JSON.stringify(value)}`);
      }
    }
  }

  expectMessages(messages: unknown, read: (conversationId: number) => readonly { clientMessageId: string; status: string }[], what: string): void {
    if (isObject(messages)) {
      for (const [id, list] of Object.entries(messages)) {
        const view = read(Number(id));
        if (!Array.isArray(list)) this.fail(`messages of ${id}: expectation must be an array`);
        this.check(view.length === list.length,
          `conversation ${id}: ${view.length} ${what} [${view.map((m) => `${m.clientMessageId}:${m.status}`).join(', ')}], expected ${list.length}`);
        view.forEach((m, i) => {
          const fields: unknown = list[i];
          if (!isObject(fields)) this.fail(`conversation ${id} message ${i}: expectation must be an object`);
          this.subset(fields, m, `conversation ${id} message ${i}`);
        });
      }
    }
  }

  /** Every property named in `expected` must equal the actual one (as serialized); others are not compared. */
  subset(expected: Record<string, unknown>, actual: unknown, what: string): void {
    const mismatches = subsetMismatches(expected, toJson(actual));
    this.check(mismatches.length === 0, mismatches.map((m) => what + m).join('; '));
  }

  check(condition: boolean, message: string): asserts condition {
    if (!condition) this.fail(message);
  }

  fail(message: string): never {
    throw new VectorFailure(`${this.name}, step ${this.stepIndex}: ${message}`);
  }

  str(s: Record<string, unknown>, name: string): string {
    const v = s[name];
    if (typeof v !== 'string') this.fail(`"${name}" must be a string`);
    return v;
  }

  int(s: Record<string, unknown>, name: string): number {
    const v = s[name];
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) this.fail(`"${name}" must be an integer`);
    return v;
  }

  num(s: Record<string, unknown>, name: string): number {
    const v = s[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(`"${name}" must be a number`);
    return v;
  }

  optionalBool(s: Record<string, unknown>, name: string): boolean | undefined {
    const v = s[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') this.fail(`"${name}" must be a boolean`);
    return v;
  }

  list(s: Record<string, unknown>, name: string, optional: boolean): unknown[] {
    const v = s[name];
    if (v === undefined && optional) return [];
    if (!Array.isArray(v)) this.fail(`"${name}" must be an array`);
    return v;
  }
}

function numbers(value: unknown, name: string): number[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((n) => typeof n === 'number')) throw new VectorFailure(`"${name}" must be an array of numbers`);
  return value as number[];
}
