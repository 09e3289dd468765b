import {
  ApiClient, ContactSet, FallbackTransport, HttpError, LiveStore, PollTransport, RetryPolicy, SseTransport, WebSocketTransport,
  type CustomerWroteMeanwhile, type LiveStoreLogger, type Member, type SignalsStore, type TypingSender,
} from '@switchboard/client';
import { createObservable, type Observable } from '../ui/createStore.js';
import { describeStoreError, toasts } from '../ui/toastStore.js';

// One signed-in session: the API client (cookie auth), the live store over WebSocket (SSE, then long-poll, when
// WebSocket cannot connect), and the dashboard's own view state. Claims, signals and typing live in the SDK's store.

/** Logs ids, types and codes, never message text (the SDK's loggers promise the same). */
export const logger: LiveStoreLogger = {
  warn(message, fields) { console.warn(`[switchboard] ${message}`, fields); },
};

export interface LiveSession {
  readonly api: ApiClient;
  readonly store: LiveStore;
  readonly me: Member;
  readonly isAdmin: boolean;
  /** The store's signals (typing, bot thinking, streamed replies). */
  readonly signals: SignalsStore;
  readonly typing: TypingSender;
  /** Sends the answer of a sent message said the customer wrote meanwhile, by conversation. */
  readonly meanwhile: Observable<ReadonlyMap<number, CustomerWroteMeanwhile>>;
  /** The contacts the panel has shown, kept live by `contact.*` events. */
  readonly contacts: ContactSet;
  /** Ends the stream and the timers (sign-out). */
  dispose(): Promise<void>;
}

export function createApi(): ApiClient {
  return new ApiClient({ credentials: 'include' });
}

export function createLiveSession(api: ApiClient, me: Member, role: string | null, onSignedOut: () => void): LiveSession {
  const webSocket = new WebSocketTransport(api, { logger });
  // WebSocket gives up for SSE only after many failed connects in a row (it is the quickest stream), while a
  // proxy that blocks WebSocket still gets one. Typing goes over HTTP on every transport.
  const transport = new FallbackTransport(webSocket,
    new FallbackTransport(new SseTransport(api, { logger }), new PollTransport(api, { logger }), { logger }), { logger, maxConnectFailures: 8 });
  // This member's own typing (from another tab) is not shown.
  const contacts = new ContactSet();
  const store = new LiveStore({
    api, transport, logger, isSelf: (actor) => actor.type === 'member' && actor.id === me.id, applyOther: (type, data) => contacts.apply(type, data),
  });
  const meanwhile = createObservable<ReadonlyMap<number, CustomerWroteMeanwhile>>(new Map());

  const cleanups: (() => void)[] = [];
  cleanups.push(store.onCustomerWroteMeanwhile((notice) => {
    meanwhile.update((map) => new Map(map).set(notice.conversationId, notice));
  }));
  let signedOut = false;
  cleanups.push(store.subscribe(() => {
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
        await new Promise((r) => setTimeout(r, RetryPolicy.reconnect.delayAfterFailures(attempt + 1, Math.random)));
      }
    }
  })();

  return {
    api, store, me, isAdmin: role === 'admin', signals: store.signals, typing: store.typing, meanwhile, contacts,
    async dispose() {
      stopped = true;
      for (const c of cleanups) c();
      await store.stop();
    },
  };
}
