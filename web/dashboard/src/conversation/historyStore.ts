import { createObservable } from '../ui/createStore.js';

// Older messages, a page at a time (GET /conversations/{id}/messages?before=<ordinal>), when the operator scrolls
// up. The pages go into the live store, which merges by version; this store only remembers, per conversation,
// whether a page is loading and whether the beginning was reached.

export interface HistoryState {
  readonly loading: boolean;
  /** The first message is loaded: nothing older to fetch. */
  readonly complete: boolean;
  readonly failed: boolean;
}

export interface OlderPage<M> {
  readonly items: readonly M[];
  readonly hasMore: boolean;
}

const idle: HistoryState = Object.freeze({ loading: false, complete: false, failed: false });

export class HistoryStore {
  readonly #state = createObservable<ReadonlyMap<number, HistoryState>>(new Map());

  readonly subscribe = this.#state.subscribe;

  get(conversationId: number): HistoryState {
    return this.#state.get().get(conversationId) ?? idle;
  }

  /**
   * Loads the page before `oldestOrdinal` (the oldest message held) unless one is loading or the beginning was
   * reached. Ordinals start at 1, so an oldest ordinal of 1 needs no request.
   */
  async loadOlder<M>(conversationId: number, oldestOrdinal: number | null, fetchPage: (before: number) => Promise<OlderPage<M>>,
    apply: (items: readonly M[]) => void): Promise<void> {
    const current = this.get(conversationId);
    if (current.loading || current.complete || oldestOrdinal === null) return;
    if (oldestOrdinal <= 1) {
      this.#set(conversationId, { loading: false, complete: true, failed: false });
      return;
    }
    this.#set(conversationId, { loading: true, complete: false, failed: false });
    try {
      const page = await fetchPage(oldestOrdinal);
      apply(page.items);
      this.#set(conversationId, { loading: false, complete: !page.hasMore, failed: false });
    } catch {
      // The next scroll to the top tries again.
      this.#set(conversationId, { loading: false, complete: false, failed: true });
    }
  }

  reset(): void { this.#state.set(new Map()); }

  #set(conversationId: number, value: HistoryState): void {
    this.#state.update((map) => new Map(map).set(conversationId, Object.freeze(value)));
  }
}
