import { createObservable, type Observable } from '../ui/createStore.js';

// An operator's alert preferences. Kept in this browser's localStorage under the member's id, not on the server:
// a desktop notification needs this browser's permission anyway, and an operator who is alerted on the desktop
// may well want silence on a shared laptop; one key per member keeps colleagues on one machine apart.

export interface AlertPrefs {
  /** Desktop notifications (also needs the browser's permission). */
  readonly desktop: boolean;
  /** A short chime with each alert. */
  readonly sound: boolean;
}

export const defaultPrefs: AlertPrefs = Object.freeze({ desktop: false, sound: false });

export function prefsKey(memberId: number): string {
  return `switchboard:alerts:${memberId}`;
}

/** Reads stored preferences; anything unreadable is the defaults (the value is written by this code only). */
export function parsePrefs(raw: string | null): AlertPrefs {
  if (raw === null) return defaultPrefs;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return defaultPrefs;
    const v = value as Record<string, unknown>;
    return { desktop: v['desktop'] === true, sound: v['sound'] === true };
  } catch {
    return defaultPrefs;
  }
}

const stores = new Map<number, Observable<AlertPrefs>>();

/** The member's preferences, loaded once per page and saved on every change. */
export function alertPrefs(memberId: number): Observable<AlertPrefs> {
  let store = stores.get(memberId);
  if (store === undefined) {
    store = createObservable(parsePrefs(safeStorage()?.getItem(prefsKey(memberId)) ?? null));
    const key = prefsKey(memberId);
    store.subscribe(() => { safeStorage()?.setItem(key, JSON.stringify(store!.get())); });
    stores.set(memberId, store);
  }
  return store;
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled: preferences last for this page only
  }
}
