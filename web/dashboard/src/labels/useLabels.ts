import { useMemo } from 'react';
import type { Label } from '@switchboard/client';
import { useLive, useRevision } from '../live/LiveContext.js';

/** The workspace's labels by name, live from the store (label.updated / label.deleted). */
export function useLabels(): readonly Label[] {
  const { store } = useLive();
  const revision = useRevision();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => store.labels, [store, revision]);
}

/** The labels of `ids` in the workspace's order; an id whose label is unknown (deleted meanwhile) is left out. */
export function labelsOf(all: readonly Label[], ids: readonly number[]): Label[] {
  return all.filter((l) => ids.includes(l.id));
}
