import { useEffect, useSyncExternalStore } from 'react';
import type { ApiClient } from '@switchboard/client';
import { useLive } from '../live/LiveContext.js';
import { logger } from '../live/liveSession.js';
import { createObservable } from '../ui/createStore.js';
import { defaultMaxBytes } from './attachmentText.js';

// The workspace's attachment size limit (`settings.attachmentMaxBytes`), read once per session so the composer can
// refuse a file that is too large before uploading it. The server checks again; until the setting is read, and on
// a server that does not say, the default (25 MB) applies.

const limit = createObservable<number>(defaultMaxBytes);
let loadedFor: object | null = null;

/** The workspace's limit (the SDK reads 25 MB when an older server does not say). */
export async function fetchAttachmentLimit(api: ApiClient): Promise<number> {
  return (await api.admin.getWorkspace()).settings.attachmentMaxBytes;
}

/** After an admin saved a new limit. */
export function setAttachmentLimit(maxBytes: number): void { limit.set(maxBytes); }

export function useAttachmentLimit(): number {
  const { api } = useLive();
  useEffect(() => {
    if (loadedFor === api) return;
    loadedFor = api;
    fetchAttachmentLimit(api).then((bytes) => limit.set(bytes), (error: unknown) => {
      loadedFor = null;
      logger.warn('The attachment limit could not be read; the default applies.', { error: error instanceof Error ? error.name : typeof error });
    });
  }, [api]);
  return useSyncExternalStore(limit.subscribe, limit.get);
}
