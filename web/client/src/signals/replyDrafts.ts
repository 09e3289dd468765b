// The bot's replies while they stream (`bot.delta`), as pending state keyed by reply id: a draft grows with its
// pieces and leaves when the reply ends. It ends by the server's word (`bot.reply.end`) or, since signals are live
// only and a reconnect can lose that word, by what the durable state shows: the reply's own message is in (it
// replaces the draft in place: no flash, no duplicate), or the bot is off in the conversation (handed off, switched
// off, taken over), so the reply can no longer complete. An ended reply id is remembered (ids are few and short), so
// pieces that arrive late (or an end that came before them) never bring the bubble back.

/** A streamed reply with neither an end nor a durable sign (a lost end signal) leaves after this. */
export const draftTtlMs = 60_000;

export interface BotDraft {
  readonly replyId: string;
  readonly text: string;
}

interface Draft { readonly replyId: string; readonly pieces: Map<number, string>; until: number }

/** The drafts of one conversation. Every method returns whether the view changed. (Kept terse: the widget's budget.) */
export class ReplyDrafts {
  #drafts: Draft[] = [];
  readonly #ended = new Set<string>();

  get size(): number { return this.#drafts.length; }

  delta(replyId: string, index: number, text: string, now: number): boolean {
    if (this.#ended.has(replyId)) return false;
    let draft = this.#drafts.find((d) => d.replyId === replyId);
    if (draft === undefined) this.#drafts.push(draft = { replyId, pieces: new Map(), until: 0 });
    draft.pieces.set(index, text); // a repeated piece replaces itself: never shown twice
    draft.until = now + draftTtlMs;
    return true;
  }

  /** `bot.reply.end`: an abandoned reply leaves now; a completed one stays until its message replaces it (no flash). */
  end(replyId: string, completed: boolean): boolean {
    this.#ended.add(replyId);
    return !completed && this.drop((id) => id === replyId);
  }

  /** Drops the drafts `ended` says can no longer complete (or were replaced), remembering them as ended. */
  drop(ended: (replyId: string) => boolean): boolean {
    const count = this.#drafts.length;
    this.#drafts = this.#drafts.filter((d) => !ended(d.replyId) || !this.#ended.add(d.replyId));
    return this.#drafts.length < count;
  }

  expire(now: number): boolean {
    const count = this.#drafts.length;
    this.#drafts = this.#drafts.filter((d) => d.until > now);
    return this.#drafts.length < count;
  }

  /** The drafts' expiry times (the store wakes at the earliest). */
  expiries(): number[] { return this.#drafts.map((d) => d.until); }

  view(): readonly BotDraft[] {
    // Pieces in index order; a missing piece leaves its place empty rather than reordering the text.
    return this.#drafts.map((d) => ({ replyId: d.replyId, text: [...d.pieces].sort((a, b) => a[0] - b[0]).map((e) => e[1]).join('') }));
  }
}
