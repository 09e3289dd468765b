import { useRef } from 'react';
import { t } from '../i18n/index.js';
import { PaperclipIcon } from '../ui/icons.js';
import type { FileLike } from './chosenFiles.js';

/** "Attach a file": opens the browser's file picker (a hidden multiple file input) and hands over what was chosen. */
export function AttachButton({ onFiles }: { readonly onFiles: (files: FileLike[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="icon-btn attach-btn" aria-label={t.attachments.attach} title={t.attachments.attach} onClick={() => input.current?.click()}>
        <PaperclipIcon size={17} />
      </button>
      <input ref={input} type="file" multiple hidden tabIndex={-1}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // Cleared, so choosing the same file again (after removing its chip) fires a change again.
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }} />
    </>
  );
}
