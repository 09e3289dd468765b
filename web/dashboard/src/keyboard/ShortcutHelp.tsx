import { useEffect, useRef, type KeyboardEvent } from 'react';
import { shortcuts, type ShortcutAction } from './shortcuts.js';

interface Props {
  /** The actions this page handles: only those are listed. */
  readonly available: ReadonlySet<ShortcutAction>;
  readonly onClose: () => void;
}

/**
 * The shortcuts overlay (`?`): a modal dialog that keeps the focus inside until closed (Escape, the button or a click
 * outside), then gives it back to where it was.
 */
export function ShortcutHelp({ available, onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    close.current?.focus();
    return () => before?.focus();
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab') {
      // Focus trap: the dialog's only focusable control is its close button.
      e.preventDefault();
      close.current?.focus();
    } else {
      // Keys typed here are the dialog's: no shortcut acts behind it.
      e.nativeEvent.stopImmediatePropagation();
    }
  }

  return (
    <div className="overlay" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby="shortcut-help-title" className="card shortcut-help" onKeyDown={onKeyDown}>
        <div className="section-head">
          <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
          <button ref={close} type="button" className="btn btn-small" onClick={onClose}>Close</button>
        </div>
        <table className="shortcut-table">
          <caption className="visually-hidden">Keys and what they do</caption>
          <thead><tr><th scope="col">Key</th><th scope="col">Action</th></tr></thead>
          <tbody>
            {shortcuts.filter((s) => available.has(s.action)).map((s) => (
              <tr key={s.action}><td><kbd>{s.label}</kbd></td><td>{s.description}</td></tr>
            ))}
            <tr><td><kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd> <kbd>Tab</kbd></td><td>In the canned replies list: move, insert</td></tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
