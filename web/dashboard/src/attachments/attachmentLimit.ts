import { useEffect, useSyncExternalStore } from 'react';
import type { ApiClient } from '@switchboard/client';
import { useLive } from '../live/LiveContext.js';
import { logger } from '../live/liveSession.js';
import { createObservable } from '../ui/createStore.js';
import { defaultMaxBytes, maxBytesOf } from './attachmentText.js';

// The workspace's attachment size limit (`settings.attachmentMaxBytes`), read once per session so the composer can
// refuse a file that is too large before uploading it. The server checks again; until the setting is read, and on
// a server that does not say, the default (25 MB) applies.

const limit = createObservable<number>(defaultMaxBytes);
let loadedFor: object | null = null;

/**
 * The workspace's limit, read from the answer as sent: the SDK's `Workspace` does not carry the setting (yet), and
 * its parser drops fields it does not know.
 */
export async function fetchAttachmentLimit(api: ApiClient): Promise<number> {
  return maxBytesOf(await api.sendJson('GET', '/api/v1/workspace'));
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
