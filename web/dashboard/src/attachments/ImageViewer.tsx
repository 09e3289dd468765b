import { useEffect, useRef } from 'react';
import { t } from '../i18n/index.js';
import { CloseIcon, DownloadIcon } from '../ui/icons.js';
import { fileDetails } from './attachmentText.js';
import type { AttachmentView } from './attachmentTypes.js';
import { useAttachmentLink } from './useAttachmentLink.js';

/**
 * The full image in a modal `<dialog>` named by the file name, with a download link; Escape, the close button or a
 * click beside the image closes it and focus goes back to where it was opened from (`onClose` does that).
 */
export function ImageViewer({ attachment: a, onClose }: { readonly attachment: AttachmentView; readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, renew] = useAttachmentLink(a.id, true);

  useEffect(() => {
    const d = dialog.current;
    if (d !== null && !d.open) d.showModal();
  }, []);

  const url = state.kind === 'ready' ? state.link.url : null;
  return (
    <dialog ref={dialog} className="image-viewer" aria-label={a.fileName} onClose={onClose}
      onClick={(e) => { if (e.target === e.currentTarget) dialog.current?.close(); }}
      onKeyDown={(e) => { e.stopPropagation(); if (e.key === 'Escape') { e.preventDefault(); dialog.current?.close(); } }}>
      <div className="image-viewer-bar">
        <span className="image-viewer-name" title={a.fileName}>{a.fileName}</span>
        <span className="att-meta">{fileDetails(a)}</span>
        <span className="spacer" />
        {url !== null && <a className="btn" href={url} download={a.fileName}><DownloadIcon size={15} /> {t.attachments.download}</a>}
        <button type="button" className="icon-btn" aria-label={t.attachments.close} autoFocus onClick={() => dialog.current?.close()}><CloseIcon size={16} /></button>
      </div>
      <div className="image-viewer-body" onClick={(e) => { if (e.target === e.currentTarget) dialog.current?.close(); }}>
        {url !== null && <img src={url} alt={a.fileName} width={a.width ?? undefined} height={a.height ?? undefined} onError={renew} />}
        {state.kind === 'loading' && <p role="status">{t.common.loading}</p>}
        {state.kind === 'failed' && <p role="alert">{a.fileName}: <button type="button" className="link-btn" onClick={renew}>{t.attachments.tryAgain}</button></p>}
      </div>
    </dialog>
  );
}
