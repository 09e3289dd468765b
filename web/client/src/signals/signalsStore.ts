import type { Signal } from '../streaming/streamItem.js';
import type { MessageView } from '../sync/view.js';
import { Alarm, type Timers } from '../timers.js';
import { ReplyDrafts, type BotDraft } from './replyDrafts.js';

// Ephemeral signals (docs/protocol.md): who is typing, whether the bot is thinking, and the bot's reply while it
// streams (`bot.delta` until `bot.reply.end`, see replyDrafts.ts). They are live only, so everything here expires on
// its own, by one policy for every UI (the constants below). Time is passed in (epoch ms) so tests need no clock; given `Timers`, the store also
// expires entries by itself. Signal data is read defensively: a malformed one is ignored, never fatal.

/** Typing shows until ~6 s without a refresh (the sender repeats `start` every 3 s, `stop` after 4 s idle). */
export const typingTtlMs = 6_000;
/** A bot that said "thinking" and then nothing (a lost `thinking: false`) stops looking busy after this. */
export const thinkingTtlMs = 45_000;

export interface Actor {
  readonly type: string;
  readonly id: number | null;
}

export type { BotDraft };

export interface ConversationSignals {
  /** Names of who is typing now, in the order they started. */
  readonly typing: readonly string[];
  readonly botThinking: boolean;
  /** Bot replies being written, oldest first. */
  readonly drafts: readonly BotDraft[];
}

interface Typist { readonly key: string; readonly name: string; until: number }
interface PerConversation { typists: Typist[]; thinkingUntil: number | null; drafts: ReplyDrafts; lastKey: string | undefined }

export const noSignals: ConversationSignals = Object.freeze({ typing: Object.freeze([]), botThinking: false, drafts: Object.freeze([]) });

export interface SignalContext {
  /** True for this side's own actor (its typing comes back on the stream and is not shown). */
  isSelf(actor: Actor): boolean;
  /** The display name of an actor in a conversation, or null when unknown. */
  name(actor: Actor, conversationId: number): string | null;
}

/** What every conversation shows from signals; one per live store. Expiry is the policy above. */
export class SignalsStore {
  readonly #byConversation = new Map<number, PerConversation>();
  readonly #views = new Map<number, ConversationSignals>();
  readonly #listeners = new Set<() => void>();
  readonly #timers: Timers | undefined;
  readonly #alarm: Alarm | undefined;
  #revision = 0;

  /** With `timers`, expired entries leave by themselves (the store wakes at {@link nextExpiry}). */
  constructor(timers?: Timers) {
    this.#timers = timers;
    this.#alarm = timers === undefined ? undefined : new Alarm(timers);
  }

  get revision(): number { return this.#revision; }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => { this.#listeners.delete(listener); };
  };

  /** Applies one signal; unknown types and unreadable data change nothing. */
  apply(signal: Signal, now: number, context: SignalContext): void {
    const id = signal.conversationId;
    if (id === null) return;
    const actor = readActor(signal.actor);
    const data = isObject(signal.data) ? signal.data : {};
    switch (signal.type) {
      case 'typing': {
        if (actor === null) return;
        if (context.isSelf(actor)) return;
        const key = `${actor.type}:${actor.id ?? ''}`;
        const entry = this.#entry(id);
        const others = entry.typists.filter((t) => t.key !== key);
        if (data['state'] === 'stop') {
          if (others.length === entry.typists.length) return;
          entry.typists = others;
        } else {
          const known = entry.typists.find((t) => t.key === key);
          if (known !== undefined) known.until = now + typingTtlMs;
          else entry.typists = [...others, { key, name: context.name(actor, id) ?? fallbackName(actor), until: now + typingTtlMs }];
        }
        break;
      }
      case 'bot.thinking': {
        const entry = this.#entry(id);
        const thinking = data['thinking'] === true;
        if (!thinking && entry.thinkingUntil === null) return;
        entry.thinkingUntil = thinking ? now + thinkingTtlMs : null;
        break;
      }
      case 'bot.delta': {
        const replyId = data['replyId'];
        const index = data['index'];
        const text = data['text'];
        if (typeof replyId !== 'string' || replyId === '' || typeof index !== 'number' || !Number.isInteger(index) || index < 0 || typeof text !== 'string') return;
        if (!this.#entry(id).drafts.delta(replyId, index, text, now)) return;
        break;
      }
      case 'bot.reply.end': {
        const replyId = data['replyId'];
        if (typeof replyId !== 'string') return;
        const entry = this.#entry(id);
        const completed = data['outcome'] === 'completed';
        // Abandoned: nothing is coming, so the bot is not busy with it either (even if `thinking: false` is lost).
        if (!completed) entry.thinkingUntil = null;
        entry.drafts.end(replyId, completed);
        break;
      }
      default:
        return;
    }
    this.#changed(id);
  }

  /**
   * Drops drafts that ended by `ended` (their final message is in, or the bot is off); the message replaces the
   * draft, and the bot is no longer thinking about it, whether or not `thinking: false` arrived.
   */
  settleDrafts(conversationId: number, ended: (replyId: string) => boolean): void {
    const entry = this.#byConversation.get(conversationId);
    if (entry === undefined || entry.drafts.size === 0) return;
    if (!entry.drafts.drop(ended)) return;
    if (entry.drafts.size === 0) entry.thinkingUntil = null;
    this.#changed(conversationId);
  }

  /**
   * What the durable state of a conversation made obsolete: a final bot message replaces its draft (and ends the
   * thinking); the bot being off (`botActive: false`: handed off, switched off, taken over) ends every draft, since
   * none can complete, even when `bot.reply.end` was missed; a new bot message ends the thinking; a new message by a
   * typing member ends their typing.
   */
  settleMessages(conversationId: number, messages: readonly MessageView[], conversation?: { readonly botActive: boolean }): void {
    const entry = this.#byConversation.get(conversationId);
    if (entry === undefined) return;
    const ids = new Set(messages.map((m) => m.clientMessageId));
    const botOff = conversation?.botActive === false;
    this.settleDrafts(conversationId, (id) => botOff || ids.has(id));
    const last = messages[messages.length - 1];
    if (last === undefined || last.clientMessageId === entry.lastKey) return;
    const first = entry.lastKey === undefined;
    entry.lastKey = last.clientMessageId;
    if (first) return; // the messages were there before the signals: nothing new was said
    const senderId = last.server?.senderId ?? null;
    const typists = last.senderRole === 'operator' && senderId !== null ? entry.typists.filter((t) => t.key !== `member:${senderId}`) : entry.typists;
    const thinkingUntil = last.senderRole === 'bot' ? null : entry.thinkingUntil;
    if (typists.length === entry.typists.length && thinkingUntil === entry.thinkingUntil) return;
    entry.typists = typists;
    entry.thinkingUntil = thinkingUntil;
    this.#changed(conversationId);
  }

  /** Removes what expired by `now`. */
  expire(now: number): void {
    for (const [id, entry] of this.#byConversation) {
      const typists = entry.typists.filter((t) => t.until > now);
      const draftsChanged = entry.drafts.expire(now);
      const thinkingUntil = entry.thinkingUntil !== null && entry.thinkingUntil <= now ? null : entry.thinkingUntil;
      if (typists.length === entry.typists.length && !draftsChanged && thinkingUntil === entry.thinkingUntil) continue;
      entry.typists = typists;
      entry.thinkingUntil = thinkingUntil;
      this.#changed(id);
    }
  }

  /** When the next entry expires, if any: the UI's next wake-up. */
  nextExpiry(): number | undefined {
    let next: number | undefined;
    const consider = (t: number | null): void => { if (t !== null && (next === undefined || t < next)) next = t; };
    for (const entry of this.#byConversation.values()) {
      for (const t of entry.typists) consider(t.until);
      for (const t of entry.drafts.expiries()) consider(t);
      consider(entry.thinkingUntil);
    }
    return next;
  }

  /** Conversations that have live-only state. */
  conversationIds(): number[] { return [...this.#byConversation.keys()]; }

  /** What a conversation shows now (the same object until it changes, for React). */
  view(conversationId: number): ConversationSignals {
    const cached = this.#views.get(conversationId);
    if (cached !== undefined) return cached;
    const entry = this.#byConversation.get(conversationId);
    if (entry === undefined) return noSignals;
    const view: ConversationSignals = Object.freeze({
      typing: Object.freeze(entry.typists.map((t) => t.name)),
      botThinking: entry.thinkingUntil !== null,
      drafts: entry.drafts.view(),
    });
    this.#views.set(conversationId, view);
    return view;
  }

  reset(): void {
    this.#byConversation.clear();
    this.#views.clear();
    this.#revision++;
    this.#arm();
  }

  #entry(id: number): PerConversation {
    let entry = this.#byConversation.get(id);
    if (entry === undefined) this.#byConversation.set(id, entry = { typists: [], thinkingUntil: null, drafts: new ReplyDrafts(), lastKey: undefined });
    return entry;
  }

  #changed(conversationId: number): void {
    this.#views.delete(conversationId);
    this.#revision++;
    for (const listener of [...this.#listeners]) listener();
    this.#arm();
  }

  // Wakes at the next expiry (a little after, so the entry is past it).
  #arm(): void {
    const timers = this.#timers;
    const next = this.nextExpiry();
    this.#alarm?.set(next === undefined ? undefined : next + 20, () => { if (timers !== undefined) this.expire(timers.now()); });
  }
}

function readActor(value: unknown): Actor | null {
  if (!isObject(value) || typeof value['type'] !== 'string') return null;
  const id = value['id'];
  return { type: value['type'], id: typeof id === 'number' && Number.isSafeInteger(id) ? id : null };
}

function fallbackName(actor: Actor): string {
  switch (actor.type) {
    case 'contact': return 'The customer';
    case 'bot': return 'The bot';
    default: return 'Someone';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
