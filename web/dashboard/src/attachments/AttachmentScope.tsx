import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { t } from '../i18n/index.js';
import { useLive } from '../live/LiveContext.js';
import { PaperclipIcon } from '../ui/icons.js';
import { AttachmentContext, type AttachmentEnv } from './attachmentContext.js';
import { useAttachmentLimit } from './attachmentLimit.js';
import type { AttachmentView } from './attachmentTypes.js';
import { composerFiles } from './composerFiles.js';
import { ImageViewer } from './ImageViewer.js';
import { useFileDrop } from './useFileDrop.js';
import { uploadPreviews } from './uploadPreviews.js';
import { draftOffers } from '../conversation/drafts.js';

/**
 * The conversation pane as far as files go: a drop target (files dropped anywhere on it join the composer's), the
 * context its messages' attachments read, and the one image viewer (here, not in a row: the virtual list may unmount
 * a row while its image is open).
 */
export function AttachmentScope({ conversationId, className, children }: { readonly conversationId: number; readonly className: string; readonly children: ReactNode }) {
  const { store } = useLive();
  const maxBytes = useAttachmentLimit();
  const [open, setOpen] = useState<{ readonly attachment: AttachmentView; readonly opener: HTMLElement } | null>(null);
  const drop = useFileDrop((files) => composerFiles.add(conversationId, files, maxBytes));

  const env = useMemo<AttachmentEnv>(() => ({
    conversationId,
    maxBytes,
    link: (attachmentId) => store.attachmentLink(conversationId, attachmentId),
    cancel: (clientMessageId) => {
      const message = store.transcript(conversationId).messages.find((m) => m.clientMessageId === clientMessageId);
      if (!store.cancelMessage(clientMessageId)) return;
      for (const a of message?.attachments ?? []) uploadPreviews.delete(a.clientAttachmentId);
      draftOffers.offer(conversationId, message?.text ?? '');
    },
    openImage: (attachment, opener) => setOpen({ attachment, opener }),
  }), [store, conversationId, maxBytes]);

  const close = useCallback(() => {
    const opener = open?.opener;
    setOpen(null);
    // Back where the viewer was opened from; if that row scrolled out of the list, to the list itself.
    if (opener?.isConnected === true) opener.focus();
    else document.querySelector<HTMLElement>('.conversation [role="log"]')?.focus();
  }, [open]);

  return (
    <AttachmentContext.Provider value={env}>
      <div className={`${className}${drop.over ? ' drop-active' : ''}`} {...drop.handlers}>
        {children}
        {drop.over && <div className="drop-zone" aria-hidden="true"><PaperclipIcon size={28} /><span>{t.attachments.dropHere}</span></div>}
      </div>
      {open !== null && <ImageViewer key={open.attachment.clientAttachmentId} attachment={open.attachment} onClose={close} />}
    </AttachmentContext.Provider>
  );
}
