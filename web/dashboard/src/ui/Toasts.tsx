import { useEffect, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { CloseIcon } from './icons.js';
import { toastAnchor, toasts, type Toast } from './toastStore.js';

/**
 * The toasts. With a conversation open they show over the top of its messages (a {@link ToastAnchor}), where they
 * cover no control: never over the composer, the Send button or the header's actions. Elsewhere, in the corner.
 */
export function Toasts() {
  const list = useSyncExternalStore(toasts.subscribe, toasts.get);
  const anchor = useSyncExternalStore(toastAnchor.subscribe, toastAnchor.get);
  const items = list.map((t) => <ToastItem key={t.id} toast={t} />);
  return anchor === null ? <div className="toasts">{items}</div> : createPortal(items, anchor);
}

/** Where a page wants its toasts: an element over an area without controls. */
export function ToastAnchor() {
  return <div className="toast-anchor" ref={(el) => { toastAnchor.set(el ?? null); }} />;
}

function ToastItem({ toast }: { readonly toast: Toast }) {
  useEffect(() => {
    const timer = setTimeout(() => toasts.dismiss(toast.id), toast.kind === 'error' ? 8000 : 4000);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div role={toast.kind === 'error' ? 'alert' : 'status'} className={`toast toast-${toast.kind}`}>
      <span>{toast.text}</span>
      <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => toasts.dismiss(toast.id)}><CloseIcon size={14} /></button>
    </div>
  );
}
