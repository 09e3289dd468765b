import { useEffect, useRef } from 'react';
import { isTextField, shortcutFor, type ShortcutAction } from './shortcuts.js';

/**
 * What the page does for each action; an action without a handler does nothing (and the help leaves it out). A handler
 * that returns false did not take the key: it goes on to the browser (Escape still clears a search box).
 */
export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void | false>>;

/**
 * Listens for the shortcut table's keys on the whole document while mounted. A key that names a handled action is
 * taken (its default prevented, so "/" does not also type a slash); any other key goes on untouched.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  // The latest handlers, without re-subscribing on every render.
  const current = useRef(handlers);
  current.current = handlers;

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const action = shortcutFor(e, isTextField(target));
      const handler = action === null ? undefined : current.current[action];
      if (handler === undefined || handler() === false) return;
      e.preventDefault();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
