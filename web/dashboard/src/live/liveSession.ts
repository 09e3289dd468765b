import {
  ApiClient, FallbackTransport, HttpError, LiveStore, PollTransport, SseTransport, WebSocketTransport,
  type CustomerWroteMeanwhile, type LiveStoreLogger, type Member,
} from '@switchboard/client';
import { ClaimStore } from '../conversation/claimStore.js';
import { HistoryStore } from '../conversation/historyStore.js';
import { TypingSender } from '../conversation/typingSender.js';
import { createObservable, type Observable } from '../ui/createStore.js';
import { describeStoreError, toasts } from '../ui/toastStore.js';
import { SignalsStore } from './signalsStore.js';

// One signed-in session: the API client (cookie auth), the live store over WebSocket (so typing can be sent on
// the same connection; SSE, then long-poll, when WebSocket cannot connect), and the dashboard's own stores.

/** Logs ids, types and codes, never message text (the SDK's loggers promise the same). */
export const logger: LiveStoreLogger = {
  warn(message, fields) { console.warn(`[switchboard] ${message}`, fields); },
};

export interface LiveSession {
  readonly api: ApiClient;
  readonly store: LiveStore;
  readonly me: Member;
  readonly isAdmin: boolean;
  readonly signals: SignalsStore;
  readonly claims: ClaimStore;
  readonly history: HistoryStore;
  readonly typing: TypingSender;
  /** Sends the answer of a sent message said the customer wrote meanwhile, by conversation. */
  readonly meanwhile: Observable<ReadonlyMap<number, CustomerWroteMeanwhile>>;
  /** Ends the stream and the timers (sign-out). */
  dispose(): Promise<void>;
}

export function createApi(): ApiClient {
  return new ApiClient({ credentials: 'include' });
}

export function createLiveSession(api: ApiClient, me: Member, role: string | null, onSignedOut: () => void): LiveSession {
  const webSocket = new WebSocketTransport(api, { logger });
  // WebSocket gives up for SSE only after many failed connects in a row: a server restart must not cost the
  // session its typing frames (SSE cannot send them), while a proxy that blocks WebSocket still gets a stream.
  const transport = new FallbackTransport(webSocket,
    new FallbackTransport(new SseTransport(api, { logger }), new PollTransport(api, { logger }), { logger }), { logger, maxConnectFailures: 8 });
  const store = new LiveStore({ api, transport, logger });
  const signals = new SignalsStore();
  const claims = new ClaimStore();
  const history = new HistoryStore();
  const meanwhile = createObservable<ReadonlyMap<number, CustomerWroteMeanwhile>>(new Map());
  const typing = new TypingSender((conversationId, state) => { webSocket.send({ type: 'typing', conversationId, state }); });

  const cleanups: (() => void)[] = [];
  cleanups.push(store.onSignal((signal) => {
    signals.apply(signal, Date.now(), {
      selfMemberId: me.id,
      name: (actor, conversationId) => {
        if (actor.type === 'member' && actor.id !== null) return store.members.find((m) => m.id === actor.id)?.name ?? null;
        if (actor.type === 'contact') return store.getConversation(conversationId)?.contact?.name ?? null;
        if (actor.type === 'bot') return 'The bot';
        return null;
      },
    });
  }));
  cleanups.push(store.onCustomerWroteMeanwhile((notice) => {
    meanwhile.update((map) => new Map(map).set(notice.conversationId, notice));
  }));
  let signedOut = false;
  cleanups.push(store.subscribe(() => {
    claims.settle(store.cursor);
    toasts.showStoreErrors(store.errors, describeStoreError);
    // A 401 while reconnecting: the session expired or was ended elsewhere (deactivated). Back to the login.
    if (!signedOut && store.streamError instanceof HttpError && store.streamError.status === 401) {
      signedOut = true;
      onSignedOut();
    }
  }));

  let stopped = false;
  // The snapshot is retried until it comes: the shell shows at once and says "Offline" meanwhile.
  void (async () => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await store.start();
        return;
      } catch (error) {
        if (error instanceof HttpError && error.status === 401) {
          if (!signedOut) { signedOut = true; onSignedOut(); }
          return;
        }
        logger.warn('The first snapshot failed; retrying.', { attempt, error: error instanceof Error ? error.name : typeof error });
        await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** attempt)));
      }
    }
  })();

  return {
    api, store, me, isAdmin: role === 'admin', signals, claims, history, typing, meanwhile,
    async dispose() {
      stopped = true;
      typing.stop();
      for (const c of cleanups) c();
      await store.stop();
    },
  };
}
