import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'ready'; readonly value: T };

/** Loads something once (and again on `reload`), keeping the last value while reloading. */
export function useResource<T>(load: () => Promise<T>): [Resource<T>, () => void] {
  const [state, setState] = useState<Resource<T>>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let cancelled = false;
    load().then((value) => { if (!cancelled) setState({ kind: 'ready', value }); }, (error: unknown) => { if (!cancelled) setState({ kind: 'error', error }); });
    return () => { cancelled = true; };
  }, [load, round]);
  return [state, useCallback(() => setRound((r) => r + 1), [])];
}
