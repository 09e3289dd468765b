import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent, type RefObject } from 'react';
import type { CannedReply } from '@switchboard/client';
import { fillPlaceholders } from '@switchboard/client';
import { useConversation, useLive } from '../live/LiveContext.js';
import { onComposerCommand } from '../keyboard/composerCommands.js';
import { cannedMatches, insertCanned, slashQuery, type SlashQuery } from './slashQuery.js';

/** The composer's canned-reply list: open while a `/query` is typed, driven by the keyboard from the message box. */
export interface CannedMenu {
  readonly open: boolean;
  readonly query: string;
  readonly matches: readonly CannedReply[];
  readonly active: number;
  readonly activeId: number | null;
  /** Call after every change of the text or the caret. */
  readonly update: (text: string, caret: number) => void;
  /** The message box's keydown: true when the list took the key (the caller then does nothing more with it). */
  readonly onKeyDown: (e: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  readonly pick: (reply: CannedReply) => void;
  readonly hover: (index: number) => void;
}

/**
 * Inserting a reply fills its placeholders from the conversation's contact and the operator, so the final text is in
 * the box to read and edit before it is sent.
 */
export function useCannedMenu(conversationId: number, text: string, setText: (text: string) => void, box: RefObject<HTMLTextAreaElement | null>): CannedMenu {
  const { store, me } = useLive();
  const conversation = useConversation(conversationId);
  const replies = useSyncExternalStore(store.subscribe, () => store.cannedReplies);
  const [at, setAt] = useState<SlashQuery | null>(null);
  const [active, setActive] = useState(0);
  // Escape closes the list for this "/" until the caret leaves it.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const caretAfter = useRef<number | null>(null);

  const open = at !== null && dismissed !== at.start;
  const matches = open ? cannedMatches(replies, at.query) : [];
  const current = matches[Math.min(active, matches.length - 1)];

  const update = (value: string, caret: number) => {
    const next = slashQuery(value, caret);
    if (next?.start !== at?.start || next?.query !== at?.query) setActive(0);
    if (next === null || next.start !== dismissed) setDismissed(null);
    setAt(next);
  };

  const pick = (reply: CannedReply) => {
    if (at === null) return;
    const filled = fillPlaceholders(reply.text, { contactName: conversation?.contact?.name, contactEmail: conversation?.contact?.email, operatorName: me.name });
    const result = insertCanned(text, at, filled);
    caretAfter.current = result.caret;
    setText(result.text);
    setAt(null);
  };

  // The caret goes after the inserted text once it is in the box.
  useLayoutEffect(() => {
    const el = box.current;
    if (caretAfter.current === null || el === null) return;
    el.setSelectionRange(caretAfter.current, caretAfter.current);
    caretAfter.current = null;
  }, [text, box]);

  // The "/" shortcut: into the box, with a "/" typed where the caret is (which opens the list).
  useEffect(() => onComposerCommand((command) => {
    const el = box.current;
    if (el === null) return;
    el.focus();
    if (command !== 'cannedReplies') return;
    const caret = el.selectionStart ?? el.value.length;
    const gap = caret > 0 && !/\s/.test(el.value[caret - 1] ?? '') ? ' ' : '';
    const value = el.value.slice(0, caret) + gap + '/' + el.value.slice(caret);
    caretAfter.current = caret + gap.length + 1;
    setText(value);
    update(value, caret + gap.length + 1);
  }));

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || at === null || e.nativeEvent.isComposing) return false;
    if (e.key === 'Escape') setDismissed(at.start);
    else if (e.key === 'ArrowDown' && matches.length > 0) setActive((active + 1) % matches.length);
    else if (e.key === 'ArrowUp' && matches.length > 0) setActive((active - 1 + matches.length) % matches.length);
    else if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && current !== undefined) pick(current);
    else return false;
    e.preventDefault();
    return true;
  };

  return { open, query: at?.query ?? '', matches, active, activeId: current?.id ?? null, update, onKeyDown, pick, hover: setActive };
}
