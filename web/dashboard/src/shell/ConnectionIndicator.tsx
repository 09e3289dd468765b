import { useSyncExternalStore } from 'react';
import { useLive } from '../live/LiveContext.js';

const labels = { live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' } as const;

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
    ? `Connected (${store.transportName})`
    : pending > 0 ? `${pending} change${pending === 1 ? '' : 's'} will be sent when the connection is back` : 'Changes you make are kept and sent when the connection is back';
  return (
    <div className={`connection connection-${state}`} title={hint}>
      <span className="connection-dot" aria-hidden="true" />
      <span role="status" aria-label="Connection" className="connection-text">{labels[state]}</span>
    </div>
  );
}
