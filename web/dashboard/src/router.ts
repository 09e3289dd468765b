import { useSyncExternalStore, type MouseEvent } from 'react';

// A tiny history router for the few screens under /app (the server answers every /app/* with index.html).

export const basePath = '/app';

export type Route =
  | { readonly name: 'inbox'; readonly conversationId: number | null; readonly messageId?: number | null }
  | { readonly name: 'queue' }
  | { readonly name: 'stats' }
  | { readonly name: 'admin' }
  | { readonly name: 'replies' }
  | { readonly name: 'login' };

export function parseRoute(pathname: string): Route {
  const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
  const parts = path.split('/').filter((p) => p !== '');
  switch (parts[0]) {
    case undefined:
    case 'inbox': {
      const id = Number(parts[1]);
      const conversationId = parts[1] !== undefined && Number.isSafeInteger(id) && id > 0 ? id : null;
      // /app/inbox/12/messages/345 opens conversation 12 at message 345 (a search hit).
      const message = Number(parts[3]);
      const messageId = conversationId !== null && parts[2] === 'messages' && Number.isSafeInteger(message) && message > 0 ? message : null;
      return { name: 'inbox', conversationId, messageId };
    }
    case 'conversations': {
      const id = Number(parts[1]);
      return { name: 'inbox', conversationId: Number.isSafeInteger(id) && id > 0 ? id : null };
    }
    case 'queue': return { name: 'queue' };
    case 'stats': return { name: 'stats' };
    case 'admin': return { name: 'admin' };
    case 'replies': return { name: 'replies' };
    case 'login': return { name: 'login' };
    default: return { name: 'inbox', conversationId: null };
  }
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'inbox':
      if (route.conversationId === null) return `${basePath}/inbox`;
      return route.messageId == null ? `${basePath}/inbox/${route.conversationId}` : `${basePath}/inbox/${route.conversationId}/messages/${route.messageId}`;
    default: return `${basePath}/${route.name}`;
  }
}

const listeners = new Set<() => void>();
const notify = (): void => { for (const l of [...listeners]) l(); };
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

export function navigate(route: Route | string, replace = false): void {
  const href = typeof route === 'string' ? route : hrefOf(route);
  if (href === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

export function useRoute(): Route {
  return parseRoute(usePathname());
}

/** Props for an <a> that navigates without reloading (modifier clicks still open new tabs). */
export function linkProps(route: Route): { href: string; onClick: (e: MouseEvent<HTMLAnchorElement>) => void } {
  const href = hrefOf(route);
  return {
    href,
    onClick: (e) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(href);
    },
  };
}
