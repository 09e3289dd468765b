import { useSyncExternalStore } from 'react';
import { fill, t } from '../i18n/index.js';
import { useLive } from '../live/LiveContext.js';


/** True while the stream is not live: what is shown may be out of date, and changes wait to be sent. */
export function useDisconnected(): boolean {
  const { store } = useLive();
  return useSyncExternalStore(store.subscribe, () => store.state !== 'live');
}

/** The stream's state. It never blocks anything: local actions keep working and are sent once it is back. */
export function ConnectionIndicator() {
  const { store } = useLive();
  const state = useSyncExternalStore(store.subscribe, () => store.state);
  const pending = useSyncExternalStore(store.subscribe, () => store.pendingCount);
  const hint = state === 'live'
    ? fill(t.shell.connectedVia, { transport: store.transportName })
    : pending > 0 ? fill(pending === 1 ? t.shell.pendingOne : t.shell.pendingMany, { n: pending }) : t.shell.keptOffline;
  return (
    <div className={`connection connection-${state}`} title={hint}>
      <span className="connection-dot" aria-hidden="true" />
      <span role="status" aria-label={t.shell.connection} className="connection-text">{t.shell.connectionStates[state]}</span>
    </div>
  );
}
