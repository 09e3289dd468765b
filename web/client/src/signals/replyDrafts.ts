// The bot's replies while they stream (`bot.delta`), as pending state keyed by reply id: a draft grows with its
// pieces and leaves when the reply ends. It ends by the server's word (`bot.reply.end`) or, since signals are live
// only and a reconnect can lose that word, by what the durable state shows: the reply's own message is in (it
// replaces the draft in place: no flash, no duplicate), or the bot is off in the conversation (handed off, switched
// off, taken over), so the reply can no longer complete. An ended reply id is remembered for a while, so pieces that
// arrive late (or an end that came before them) never bring the bubble back.

/** A streamed reply with neither an end nor its message (a lost end signal and no durable sign) leaves after this. */
export const draftTtlMs = 60_000;
/** A reply said "completed" waits this long for its message, then leaves (the message replaces it before). */
export const completedGraceMs = 10_000;

export interface BotDraft {
  readonly replyId: string;
  readonly text: string;
}

interface Draft { readonly replyId: string; readonly pieces: Map<number, string>; until: number }

/** The drafts of one conversation. Every method returns whether the view changed. */
export class ReplyDrafts {
  #drafts: Draft[] = [];
  readonly #ended = new Map<string, number>();

  get size(): number { return this.#drafts.length; }

  delta(replyId: string, index: number, text: string, now: number): boolean {
    if (this.#ended.has(replyId)) return false;
    let draft = this.#drafts.find((d) => d.replyId === replyId);
    if (draft === undefined) this.#drafts = [...this.#drafts, draft = { replyId, pieces: new Map(), until: 0 }];
    draft.pieces.set(index, text); // a repeated piece replaces itself: never shown twice
    draft.until = Math.max(draft.until, now + draftTtlMs);
    return true;
  }

  /** `bot.reply.end`: an abandoned reply leaves now; a completed one stays until its message replaces it. */
  end(replyId: string, completed: boolean, now: number): boolean {
    this.#ended.set(replyId, now + draftTtlMs);
    const draft = this.#drafts.find((d) => d.replyId === replyId);
    if (draft === undefined) return false;
    if (completed) {
      draft.until = Math.min(draft.until, now + completedGraceMs);
      return false;
    }
    return this.#drop((id) => id === replyId, now);
  }

  /** Drops the drafts `ended` says can no longer complete (or were replaced), remembering them as ended. */
  drop(ended: (replyId: string) => boolean, now: number): boolean {
    return this.#drop(ended, now);
  }

  expire(now: number): boolean {
    for (const [id, until] of this.#ended) if (until <= now) this.#ended.delete(id);
    const open = this.#drafts.filter((d) => d.until > now);
    if (open.length === this.#drafts.length) return false;
    this.#drafts = open;
    return true;
  }

  nextExpiry(): number | undefined {
    let next: number | undefined;
    for (const d of this.#drafts) if (next === undefined || d.until < next) next = d.until;
    return next;
  }

  view(): readonly BotDraft[] {
    return Object.freeze(this.#drafts.map((d) => Object.freeze({ replyId: d.replyId, text: joinPieces(d.pieces) })));
  }

  #drop(ended: (replyId: string) => boolean, now: number): boolean {
    const open = this.#drafts.filter((d) => !ended(d.replyId));
    if (open.length === this.#drafts.length) return false;
    for (const d of this.#drafts) if (!open.includes(d)) this.#ended.set(d.replyId, now + draftTtlMs);
    this.#drafts = open;
    return true;
  }
}

/** Pieces in index order; a missing piece leaves its place empty rather than reordering the text. */
function joinPieces(pieces: ReadonlyMap<number, string>): string {
  return [...pieces.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]).join('');
}
