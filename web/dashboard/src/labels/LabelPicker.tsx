import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { newId, type Conversation } from '@switchboard/client';
import { failure } from '../admin/adminText.js';
import { useLive } from '../live/LiveContext.js';
import { toasts } from '../ui/toastStore.js';
import { useLabels } from './useLabels.js';

/**
 * The conversation's "Labels" control: a button that opens a group of checkboxes, one per workspace label. A tick is
 * sent at once (idempotent, with its own mutation id) and shown as intended until the conversation's event confirms
 * it, so the box never flips back; a refusal drops the intent and says why. Escape closes and gives focus back.
 */
export function LabelPicker({ conversation: c }: { readonly conversation: Conversation }) {
  const { api } = useLive();
  const labels = useLabels();
  const [open, setOpen] = useState(false);
  const [intents, setIntents] = useState<ReadonlyMap<number, boolean>>(new Map());
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  // An intent ends when the live conversation shows it (its event arrived).
  useEffect(() => {
    setIntents((now) => {
      const left = [...now].filter(([id, on]) => c.labelIds.includes(id) !== on);
      return left.length === now.size ? now : new Map(left);
    });
  }, [c.labelIds]);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLInputElement>('input')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!panelRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function toggle(labelId: number, on: boolean) {
    setIntents((now) => new Map(now).set(labelId, on));
    api.labels.changeConversation(c.id, on ? { add: [labelId] } : { remove: [labelId] }, newId()).catch((error: unknown) => {
      setIntents((now) => { const next = new Map(now); next.delete(labelId); return next; });
      toasts.push('error', failure(error));
    });
  }

  function onKey(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <div className="label-picker" onKeyDown={onKey}>
      <button type="button" className="btn" ref={buttonRef} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Labels
      </button>
      {open && (
        <div className="label-panel" id={panelId} ref={panelRef} role="group" aria-label="Labels of this conversation">
          {labels.length === 0 && <p className="muted">No labels yet. An admin can add some under Admin → Labels.</p>}
          {labels.map((l) => (
            <label key={l.id} className="check label-option">
              <input type="checkbox" checked={intents.get(l.id) ?? c.labelIds.includes(l.id)} onChange={(e) => toggle(l.id, e.target.checked)} />
              <span className="label-swatch" style={{ background: l.colour }} aria-hidden="true" />
              {l.name}
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
