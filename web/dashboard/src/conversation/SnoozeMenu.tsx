import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { Conversation } from '@switchboard/client';
import { isSnoozed } from '../conversations/conversationStore.js';
import { useLive } from '../live/LiveContext.js';
import { t } from '../i18n/index.js';
import { snoozeConversation, snoozeMenuOpen, unsnoozeConversation } from './snoozeActions.js';
import { customChange, defaultCustomValue, type SnoozePreset } from './snoozeTimes.js';

const presets: readonly { readonly id: SnoozePreset; readonly label: string }[] = [
  { id: 'oneHour', label: t.snooze.inOneHour },
  { id: 'tomorrow', label: t.snooze.tomorrow },
  { id: 'nextWeek', label: t.snooze.nextWeek },
  { id: 'untilReply', label: t.snooze.untilReply },
];

/**
 * The header's snooze slot: a menu button ("Snooze") with the presets and a custom time, or "Unsnooze" while the
 * conversation sleeps. Hidden, not removed, on a resolved conversation, so the slot keeps its place. The menu follows
 * the WAI-ARIA menu button pattern: arrows move, Escape closes and gives focus back to the button.
 */
export function SnoozeMenu({ conversation: c }: { readonly conversation: Conversation }) {
  const { store } = useLive();
  const open = useSyncExternalStore(snoozeMenuOpen.subscribe, snoozeMenuOpen.get);
  const [custom, setCustom] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const resolved = c.state === 'resolved';
  const sleeping = isSnoozed(c);

  const close = (focusButton: boolean): void => {
    snoozeMenuOpen.set(false);
    setCustom(null);
    setInvalid(false);
    if (focusButton) button.current?.focus();
  };

  // Opened by a click or a shortcut: focus goes to the first choice; the menu closes on another conversation.
  useEffect(() => {
    if (open && custom === null) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open, custom]);
  useEffect(() => () => snoozeMenuOpen.set(false), [c.id]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent): void => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const choose = (preset: SnoozePreset): void => {
    snoozeConversation(store, c.id, preset);
    close(true);
  };

  const submitCustom = (): void => {
    const change = customChange(custom ?? '', new Date());
    if (change === null) { setInvalid(true); return; }
    snoozeConversation(store, c.id, change);
    close(true);
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape') { e.preventDefault(); close(true); return; }
    if (custom !== null) return;
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (e.key === 'Home' || e.key === 'End') { e.preventDefault(); items[e.key === 'Home' ? 0 : items.length - 1]?.focus(); }
    if (step === 0) return;
    e.preventDefault();
    items[(at + step + items.length) % items.length]?.focus();
  };

  if (sleeping && !resolved) {
    return (
      <span className="slot-snooze" data-slot="snooze">
        <button type="button" className="btn slot-snooze-btn" onClick={() => unsnoozeConversation(store, c.id)}>{t.snooze.unsnooze}</button>
      </span>
    );
  }
  return (
    <span className={`slot-snooze${resolved ? ' slot-idle' : ''}`} data-slot="snooze" aria-hidden={resolved ? true : undefined}>
      <button type="button" ref={button} className="btn slot-snooze-btn" aria-haspopup="menu" aria-expanded={open && !resolved}
        aria-controls={open ? menuId : undefined} disabled={resolved} tabIndex={resolved ? -1 : undefined}
        onClick={() => (open ? close(false) : snoozeMenuOpen.set(true))}
        onKeyDown={(e) => { if (e.key === 'ArrowDown' && !open) { e.preventDefault(); snoozeMenuOpen.set(true); } }}>
        {t.snooze.snooze}
      </button>
      {open && !resolved && (
        <div ref={menu} id={menuId} className="snooze-menu" role={custom === null ? 'menu' : 'dialog'}
          aria-label={custom === null ? t.snooze.menu : t.snooze.customLabel} onKeyDown={onMenuKey}>
          {custom === null
            ? (
              <>
                {presets.map((p) => (
                  <button key={p.id} type="button" role="menuitem" tabIndex={-1} className="snooze-item" onClick={() => choose(p.id)}>{p.label}</button>
                ))}
                <button type="button" role="menuitem" tabIndex={-1} className="snooze-item" onClick={() => setCustom(defaultCustomValue(new Date()))}>
                  {t.snooze.custom}
                </button>
              </>
            )
            : (
              <form className="snooze-custom" onSubmit={(e) => { e.preventDefault(); submitCustom(); }}>
                <label>
                  <span>{t.snooze.customLabel}</span>
                  {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog opened for exactly this field */}
                  <input type="datetime-local" autoFocus value={custom} aria-invalid={invalid} step={1}
                    onChange={(e) => { setCustom(e.target.value); setInvalid(false); }} />
                </label>
                {invalid && <p role="alert" className="snooze-invalid">{t.snooze.customInvalid}</p>}
                <div className="snooze-custom-actions">
                  <button type="button" className="btn" onClick={() => close(true)}>{t.snooze.customCancel}</button>
                  <button type="submit" className="btn btn-primary">{t.snooze.customSubmit}</button>
                </div>
              </form>
            )}
        </div>
      )}
    </span>
  );
}
