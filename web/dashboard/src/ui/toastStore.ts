import type { StoreError } from '@switchboard/client';
import { createObservable } from './createStore.js';

// Toasts: short messages in the corner (role=alert). Errors of the live store become toasts once each.

export interface Toast {
  readonly id: number;
  readonly kind: 'error' | 'info';
  readonly text: string;
}

const state = createObservable<readonly Toast[]>([]);

/** The element toasts show in (set by the open conversation's ToastAnchor), or null for the corner. */
export const toastAnchor = createObservable<HTMLElement | null>(null);
let nextId = 1;
const shownErrors = new Set<string>();

export const toasts = {
  get: state.get,
  subscribe: state.subscribe,
  push(kind: Toast['kind'], text: string): number {
    const id = nextId++;
    state.update((list) => [...list.slice(-4), Object.freeze({ id, kind, text })]);
    return id;
  },
  dismiss(id: number): void { state.update((list) => list.filter((t) => t.id !== id)); },
  /** Shows each store error once (by its write key), however often the store is read. */
  showStoreErrors(errors: readonly StoreError[], describe: (e: StoreError) => string): void {
    for (const e of errors) {
      if (shownErrors.has(e.key)) continue;
      shownErrors.add(e.key);
      this.push('error', describe(e));
    }
  },
  reset(): void {
    state.set([]);
    shownErrors.clear();
    nextId = 1;
  },
};

/** What a refused write means to an operator, by the server's stable code. */
export function describeStoreError(e: StoreError): string {
  switch (e.code) {
    case 'gave_up': return e.text !== null ? 'A message could not be sent.' : 'A change could not reach the server. Please try again.';
    case 'forbidden': return 'You are not allowed to do that.';
    case 'conversation_not_found': return 'That conversation no longer exists.';
    case 'conversation_resolved': return 'The conversation is resolved. Reopen it first.';
    case 'capacity_reached': return 'You already have as many open conversations as your capacity allows.';
    case 'conversation_not_queued': return 'Someone else claimed that conversation first.';
    case 'conversation_owned_by_other': return `Not sent: ${e.detail ?? 'a colleague owns this conversation.'} Your text is back in the composer.`;
    case 'queue_empty': return 'Nobody is waiting right now.';
    case 'bot_disabled': return 'The bot is switched off for this workspace.';
    case 'whatsapp_window_closed': return 'The WhatsApp 24-hour window is closed: send a template instead.';
    case 'text_too_long': return 'That message is too long (4,096 characters at most).';
    default: return e.detail ?? `The server refused the change (${e.code}).`;
  }
}
