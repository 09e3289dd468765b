import { useEffect, useId, useRef, useState } from 'react';
import { t } from '../i18n/index.js';
import { browserTimeZone, transcriptUrl, type TranscriptFormat } from './transcriptLinks.js';

const formats: readonly TranscriptFormat[] = ['text', 'json'];

/** The download links, one per format (the phone's Details column shows them as they are). */
export function TranscriptLinks({ conversationId, onChosen }: { readonly conversationId: number; readonly onChosen?: () => void }) {
  const zone = browserTimeZone();
  return (
    <ul className="transcript-links">
      {formats.map((format) => (
        <li key={format}>
          <a href={transcriptUrl(conversationId, format, zone)} download onClick={onChosen}>
            {format === 'text' ? t.conversation.transcriptText : t.conversation.transcriptJson}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Export" in the conversation header: a disclosure button that shows the download links below it. Escape or a
 * click elsewhere closes it and focus goes back to the button; choosing a link closes it too.
 */
export function TranscriptMenu({ conversationId }: { readonly conversationId: number }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="transcript-menu slot-export" data-slot="export" ref={root}>
      <button type="button" className="btn" ref={button} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t.conversation.export}
      </button>
      <div id={panelId} className="transcript-pop" role="group" aria-label={t.conversation.exportLabel} hidden={!open}>
        <TranscriptLinks conversationId={conversationId} onChosen={() => setOpen(false)} />
      </div>
    </div>
  );
}
