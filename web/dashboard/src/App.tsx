import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { HttpError, type LoginResult, type Member } from '@switchboard/client';
import { LiveContext } from './live/LiveContext.js';
import { createApi, createLiveSession, logger, type LiveSession } from './live/liveSession.js';
import { LoginPage } from './session/LoginPage.js';
import { AppShell } from './shell/AppShell.js';
import { Toasts } from './ui/Toasts.js';

type SessionState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'signedOut'; readonly notice: string | null }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'signedIn'; readonly session: LiveSession };

/** The dashboard: who is signed in (the session cookie, asked with GET /auth/me), then the shell. */
export function App() {
  const api = useMemo(createApi, []);
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The session's stream and timers end with it (not in an effect cleanup: StrictMode replays those).
  const current = useRef<LiveSession | null>(null);
  const replace = useCallback((next: LiveSession | null) => {
    if (current.current !== null && current.current !== next) void current.current.dispose();
    current.current = next;
  }, []);

  const signedOut = useCallback((notice: string | null) => {
    replace(null);
    setState({ kind: 'signedOut', notice });
  }, [replace]);

  const open = useCallback((me: Member, role: string | null) => {
    const session = createLiveSession(api, me, role, () => signedOut('Your session ended. Please sign in again.'));
    replace(session);
    setState({ kind: 'signedIn', session });
  }, [api, signedOut, replace]);

  useEffect(() => {
    let cancelled = false;
    api.me().then((caller) => {
      if (cancelled) return;
      if (caller.kind === 'member' && caller.member !== null) open(caller.member, caller.role);
      else signedOut(null);
    }, (error: unknown) => {
      if (cancelled) return;
      if (error instanceof HttpError && (error.status === 401 || error.status === 403)) signedOut(null);
      else {
        logger.warn('Could not ask who is signed in.', { error: error instanceof Error ? error.name : typeof error });
        setState({ kind: 'unreachable' });
      }
    });
    return () => { cancelled = true; };
  }, [api, open, signedOut, attempt]);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // Signed out locally either way; the cookie expires on its own.
    }
    signedOut(null);
  }, [api, signedOut]);

  let body;
  switch (state.kind) {
    case 'loading':
      body = <div className="splash" aria-busy="true"><span className="brand-mark" aria-hidden="true">S</span><span className="visually-hidden">Loading…</span></div>;
      break;
    case 'unreachable':
      body = (
        <main className="splash">
          <div className="empty">
            <h1>The server cannot be reached</h1>
            <p>Switchboard will work again as soon as the connection is back.</p>
            <button type="button" className="btn btn-primary" onClick={() => { setState({ kind: 'loading' }); setAttempt((a) => a + 1); }}>Try again</button>
          </div>
        </main>
      );
      break;
    case 'signedOut':
      body = <LoginPage api={api} notice={state.notice} onSignedIn={(r: LoginResult) => open(r.member, r.member.role)} />;
      break;
    case 'signedIn':
      body = (
        <LiveContext.Provider value={state.session}>
          <AppShell onSignOut={() => void signOut()} />
        </LiveContext.Provider>
      );
      break;
  }
  return <>{body}<Toasts /></>;
}
