import { useEffect, useSyncExternalStore } from 'react';
import { CloseIcon } from './icons.js';
import { toasts, type Toast } from './toastStore.js';

export function Toasts() {
  const list = useSyncExternalStore(toasts.subscribe, toasts.get);
  return (
    <div className="toasts">
      {list.map((t) => <ToastItem key={t.id} toast={t} />)}
    </div>
  );
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
