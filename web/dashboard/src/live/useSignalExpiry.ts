import { useEffect, useSyncExternalStore } from 'react';
import type { SignalsStore } from './signalsStore.js';

/** Wakes up when the next typing, thinking or draft entry expires (signals are live only: they time out). */
export function useSignalExpiry(signals: SignalsStore): void {
  const revision = useSyncExternalStore(signals.subscribe, () => signals.revision);
  useEffect(() => {
    const next = signals.nextExpiry();
    if (next === undefined) return;
    const timer = setTimeout(() => signals.expire(Date.now()), Math.max(0, next - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [signals, revision]);
}
