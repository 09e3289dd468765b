// The dashboard's keyboard shortcuts: the one table the handler (useShortcuts) and the help overlay (ShortcutHelp)
// read, so what is listed is what works. Single keys without modifiers, as Gmail, Front and GitHub do; none acts while
// the focus is in a text field (typing "j" must type a "j"), except Escape.

export type ShortcutAction =
  | 'nextConversation'
  | 'previousConversation'
  | 'claim'
  | 'resolve'
  | 'snooze'
  | 'focusComposer'
  | 'cannedReplies'
  | 'help'
  | 'escape';

export interface Shortcut {
  readonly action: ShortcutAction;
  /** The `KeyboardEvent.key` values that trigger it (any of them). */
  readonly keys: readonly string[];
  /** How the help overlay shows the keys. */
  readonly label: string;
  readonly description: string;
  /** Also while typing in a text field. */
  readonly whileTyping?: boolean;
}

export const shortcuts: readonly Shortcut[] = Object.freeze([
  { action: 'nextConversation', keys: ['j'], label: 'j', description: 'Next conversation in the list' },
  { action: 'previousConversation', keys: ['k'], label: 'k', description: 'Previous conversation in the list' },
  { action: 'claim', keys: ['c'], label: 'c', description: 'Claim the open conversation' },
  { action: 'resolve', keys: ['e'], label: 'e', description: 'Resolve (or reopen) the open conversation' },
  // Opens the header's snooze menu (conversation/snoozeActions.ts), where the arrows pick a preset.
  { action: 'snooze', keys: ['s'], label: 's', description: 'Snooze the open conversation' },
  { action: 'focusComposer', keys: ['r'], label: 'r', description: 'Reply: focus the message box' },
  { action: 'cannedReplies', keys: ['/'], label: '/', description: 'Canned replies: open the list in the message box' },
  { action: 'help', keys: ['?'], label: '?', description: 'Show these shortcuts' },
  { action: 'escape', keys: ['Escape'], label: 'Esc', description: 'Close a list or dialog, leave the message box', whileTyping: true },
]);

/** What a keydown needs to be matched (a subset of KeyboardEvent, so tests need no DOM). */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly isComposing?: boolean;
}

/**
 * The action a key press asks for, or null. `typing`: the focus is in a text field, where only shortcuts marked
 * `whileTyping` act. Ctrl, Cmd and Alt combinations belong to the browser and the system; Shift is part of the key
 * ("?" is Shift+/ on most layouts, and the key says so).
 */
export function shortcutFor(press: KeyPress, typing: boolean): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing === true) return null;
  const found = shortcuts.find((s) => s.keys.includes(press.key));
  if (found === undefined) return null;
  return typing && found.whileTyping !== true ? null : found.action;
}

/** Whether an element takes text (where single-key shortcuts must not fire). */
export function isTextField(el: { readonly tagName?: string; readonly isContentEditable?: boolean; readonly type?: string } | null): boolean {
  if (el === null || el.tagName === undefined) return false;
  if (el.isContentEditable === true || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(el.type ?? 'text');
}

/** The conversation `step` places away from `current` in `list` (the first or last when none is open); null at the ends. */
export function stepConversation(list: readonly number[], current: number | null, step: 1 | -1): number | null {
  if (list.length === 0) return null;
  const at = current === null ? -1 : list.indexOf(current);
  if (at === -1) return (step === 1 ? list[0] : list[list.length - 1]) ?? null;
  return list[at + step] ?? null;
}
