import { HttpError } from '@switchboard/client';
import type { LiveSession } from '../live/liveSession.js';
import { describeStoreError, toasts } from '../ui/toastStore.js';

// Claiming (docs/workflow.md): POST /conversations/{id}/claim or POST /queue/claim with a mutationId. Shown at
// once through the claim store; transport failures and 5xx retry with the same id (never a second claim).

const retryDelaysMs = [0, 1000, 3000, 8000];

/** Claims one conversation, or the longest waiting when `conversationId` is null; resolves to the claimed id. */
export async function claim(live: LiveSession, conversationId: number | null): Promise<number | null> {
  const mutationId = crypto.randomUUID();
  live.claims.begin(mutationId, conversationId);
  for (const delay of retryDelaysMs) {
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    try {
      const result = conversationId === null ? await live.api.claimNext(mutationId) : await live.api.claimConversation(conversationId, mutationId);
      live.claims.acknowledge(mutationId, result.conversation.id, result.seq, live.store.cursor);
      return result.conversation.id;
    } catch (error) {
      if (error instanceof HttpError && error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status)) {
        live.claims.drop(mutationId);
        toasts.push('error', describeStoreError({ key: mutationId, code: error.code, status: error.status, detail: error.detail, conversationId: conversationId ?? 0, text: null }));
        return null;
      }
    }
  }
  live.claims.drop(mutationId);
  toasts.push('error', 'The claim could not reach the server. Please try again.');
  return null;
}
