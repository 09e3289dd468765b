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
