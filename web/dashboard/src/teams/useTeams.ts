import { useCallback, useSyncExternalStore } from 'react';
import type { Team } from '@switchboard/client';
import { useLive } from '../live/LiveContext.js';
import { useResource, type Resource } from '../admin/useResource.js';

/**
 * The workspace's teams, reloaded whenever the stream delivers a team change (`store.teamsRevision`): another admin's
 * change shows at once. Teams are an admin screen's list, not the live store's (operators never need them).
 */
export function useTeams(): Resource<readonly Team[]> {
  const { api, store } = useLive();
  const revision = useSyncExternalStore(store.subscribe, () => store.teamsRevision);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback(() => api.teams.list(), [api, revision]);
  return useResource(load)[0];
}
