import { useState, type FormEvent } from 'react';
import { failure } from './adminText.js';

/**
 * A form's submit: `busy` while `action` runs, its failure as a sentence in `error` (cleared on the next try).
 * `submit` is the form's onSubmit.
 */
export function useSubmit(action: () => Promise<void>): { readonly busy: boolean; readonly error: string | null; readonly submit: (e: FormEvent) => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    action().then(() => setBusy(false), (err: unknown) => {
      setError(failure(err));
      setBusy(false);
    });
  }
  return { busy, error, submit };
}
