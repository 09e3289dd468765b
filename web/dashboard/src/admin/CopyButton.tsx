import { useState } from 'react';
import { CopyIcon } from '../ui/icons.js';

/** Copies `text`; says "Copied" for a moment. Falls back to selecting a hidden field where the clipboard API is refused. */
export function CopyButton({ text, label = 'Copy' }: { readonly text: string; readonly label?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }
  return (
    <button type="button" className="btn btn-small" onClick={() => void copy()}>
      <CopyIcon size={14} /> {label}<span className="visually-hidden" aria-live="polite">{copied ? ' Copied' : ''}</span>
      {copied && <span className="copied" aria-hidden="true">Copied</span>}
    </button>
  );
}
