import type { MessageView, Signal } from '@switchboard/client';

/** A bot reply being written: the `bot.delta` pieces so far, until its final message arrives. */
export interface BotDraft {
  readonly replyId: string;
  readonly text: string;
}

interface Draft {
  readonly parts: string[];
  expiresAt: number;
}

/**
 * The live-only state the widget shows from ephemeral signals: who is typing, whether the bot is thinking, and
 * bot replies streaming in. Signals can be lost (they are not stored), so everything here also expires.
 * Pure: time is passed in.
 */
export class LiveSignals {
  #typing = new Map<number, number>(); // member id -> expires at
  #thinkingUntil = 0;
  #lastKey: string | undefined;
  readonly #drafts = new Map<string, Draft>();

  constructor(private readonly conversationId: () => number | undefined, private readonly typingMs = 6000, private readonly botMs = 30_000) {}

  /** Applies a signal; true when it changed what is shown. */
  apply(signal: Signal, now: number): boolean {
    if (signal.conversationId !== this.conversationId()) return false;
    const data = (typeof signal.data === 'object' && signal.data !== null ? signal.data : {}) as Record<string, unknown>;
    const actor = (typeof signal.actor === 'object' && signal.actor !== null ? signal.actor : {}) as Record<string, unknown>;
    switch (signal.type) {
      case 'typing': {
        // The visitor's own typing comes back on its stream (another connection sent it): only the team's counts.
        if (actor['type'] !== 'member' || typeof actor['id'] !== 'number') return false;
        if (data['state'] === 'stop') return this.#typing.delete(actor['id']);
        this.#typing.set(actor['id'], now + this.typingMs);
        return true;
      }
      case 'bot.thinking':
        this.#thinkingUntil = data['thinking'] === true ? now + this.botMs : 0;
        return true;
      case 'bot.delta': {
        const { replyId, index, text } = data;
        if (typeof replyId !== 'string' || typeof index !== 'number' || typeof text !== 'string' || index < 0 || index > 10_000) return false;
        let draft = this.#drafts.get(replyId);
        if (draft === undefined) this.#drafts.set(replyId, draft = { parts: [], expiresAt: 0 });
        draft.parts[index] = text; // pieces may arrive out of order; each index once
        draft.expiresAt = now + this.botMs;
        return true;
      }
      default:
        return false;
    }
  }

  /** Forgets what the messages made obsolete (a final bot message, a message by a typing operator) and what expired. */
  settle(messages: readonly MessageView[], now: number): void {
    for (const [id, until] of this.#typing) if (until <= now) this.#typing.delete(id);
    for (const [id, draft] of this.#drafts) if (draft.expiresAt <= now) this.#drafts.delete(id);
    if (this.#thinkingUntil <= now) this.#thinkingUntil = 0;
    for (const m of messages) {
      if (this.#drafts.delete(m.clientMessageId)) this.#thinkingUntil = 0;
    }
    const last = messages[messages.length - 1];
    if (last !== undefined && last.clientMessageId !== this.#lastKey) {
      this.#lastKey = last.clientMessageId;
      // A new message from the bot ends its thinking; one from an operator ends their typing.
      if (last.senderRole === 'bot') this.#thinkingUntil = 0;
      if (last.server?.senderId != null && last.senderRole === 'operator') this.#typing.delete(last.server.senderId);
    }
  }

  /** Members typing now. */
  get typing(): number[] { return [...this.#typing.keys()]; }

  get botThinking(): boolean { return this.#thinkingUntil > 0 && this.#drafts.size === 0; }

  get drafts(): BotDraft[] {
    return [...this.#drafts].map(([replyId, d]) => ({ replyId, text: d.parts.join('') }));
  }

  /** When something shown next expires, for a timer. */
  get nextExpiry(): number | undefined {
    const times = [...this.#typing.values(), ...[...this.#drafts.values()].map((d) => d.expiresAt)];
    if (this.#thinkingUntil > 0) times.push(this.#thinkingUntil);
    return times.length === 0 ? undefined : Math.min(...times);
  }
}
