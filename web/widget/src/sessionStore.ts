// The visitor's session survives reloads in localStorage, per inbox. Storage can be missing or full (private
// modes, strict cookie settings): the widget then works for the page's lifetime only.

export interface SavedSession {
  readonly token: string;
}

const key = (inboxToken: string): string => `switchboard:${inboxToken}`;

export function loadSession(inboxToken: string): SavedSession | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key(inboxToken)) ?? 'null');
    const token = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['token'] : undefined;
    return typeof token === 'string' && token !== '' ? { token } : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(inboxToken: string, session: SavedSession): void {
  try {
    localStorage.setItem(key(inboxToken), JSON.stringify(session));
  } catch {
    // no storage: the session lasts as long as the page
  }
}

/** Whether the panel was open, per tab (sessionStorage), so a reload or the next page keeps it open. */
export function loadOpen(inboxToken: string): boolean {
  try {
    return sessionStorage.getItem(`${key(inboxToken)}:open`) === '1';
  } catch {
    return false;
  }
}

export function saveOpen(inboxToken: string, open: boolean): void {
  try {
    if (open) sessionStorage.setItem(`${key(inboxToken)}:open`, '1');
    else sessionStorage.removeItem(`${key(inboxToken)}:open`);
  } catch {
    // ignore
  }
}
