// What the operator has typed but not sent, per conversation, kept while they switch between conversations.
const drafts = new Map<number, string>();

export const composerDrafts = {
  get(conversationId: number): string { return drafts.get(conversationId) ?? ''; },
  set(conversationId: number, text: string): void {
    if (text === '') drafts.delete(conversationId);
    else drafts.set(conversationId, text);
  },
  reset(): void { drafts.clear(); },
};

/**
 * Text offered back to a composer (a cancelled upload's message): taken only when the composer is empty, so nothing
 * the operator typed meanwhile is overwritten.
 */
type Offer = { readonly conversationId: number; readonly text: string };
const offerListeners = new Set<(offer: Offer) => void>();

export const draftOffers = {
  offer(conversationId: number, text: string): void {
    if (text === '') return;
    for (const listener of [...offerListeners]) listener({ conversationId, text });
  },
  subscribe(listener: (offer: Offer) => void): () => void {
    offerListeners.add(listener);
    return () => { offerListeners.delete(listener); };
  },
};
