import { fill, t } from '../i18n/index.js';
import { CloseIcon, FileIcon } from '../ui/icons.js';
import { useAttachmentEnv } from './attachmentContext.js';
import { failureReason, fileDetails, isInlineImage } from './attachmentText.js';
import type { AttachmentView } from './attachmentTypes.js';
import { FileCard } from './FileCard.js';
import { ImageTile } from './ImageTile.js';
import { uploadPreviews, useObjectUrl } from './uploadPreviews.js';

interface Props {
  readonly clientMessageId: string;
  readonly attachments: readonly AttachmentView[];
  /** The viewer's own message still on its way: its uploads can be cancelled. */
  readonly cancellable: boolean;
}

/** A message's files in its bubble: uploads with progress, images inline, other files as cards, channel downloads. */
export function MessageAttachments({ clientMessageId, attachments, cancellable }: Props) {
  if (attachments.length === 0) return null;
  return (
    <ul className="att-list" role="list">
      {attachments.map((a) => <li key={a.clientAttachmentId}><Attachment attachment={a} clientMessageId={clientMessageId} cancellable={cancellable} /></li>)}
    </ul>
  );
}

function Attachment({ attachment: a, clientMessageId, cancellable }: { readonly attachment: AttachmentView; readonly clientMessageId: string; readonly cancellable: boolean }) {
  switch (a.status) {
    case 'uploading': return <UploadTile attachment={a} clientMessageId={clientMessageId} cancellable={cancellable} />;
    case 'pending': return <p className="att-tile att-downloading" role="status"><FileIcon size={16} /> {fill(t.attachments.downloading, { fileName: a.fileName })}</p>;
    case 'failed': return <FailedTile attachment={a} />;
    default: return isInlineImage(a.contentType) ? <ImageTile attachment={a} /> : <FileCard attachment={a} />;
  }
}

function UploadTile({ attachment: a, clientMessageId, cancellable }: { readonly attachment: AttachmentView; readonly clientMessageId: string; readonly cancellable: boolean }) {
  const { cancel } = useAttachmentEnv();
  const percent = Math.round(Math.min(1, Math.max(0, a.progress)) * 100);
  const preview = useObjectUrl(uploadPreviews.get(a.clientAttachmentId));
  return (
    <div className="att-tile att-uploading">
      {preview === null ? <FileIcon size={18} /> : <img className="att-upload-preview" src={preview} alt="" width={40} height={40} draggable={false} />}
      <div className="att-body">
        <span className="att-name">{a.fileName}</span>
        <div role="progressbar" className="att-progress" aria-label={fill(t.attachments.uploading, { fileName: a.fileName })}
          aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent}%`}>
          <span style={{ width: `${percent}%` }} />
        </div>
      </div>
      {cancellable && (
        <button type="button" className="icon-btn" aria-label={fill(t.attachments.cancelUpload, { fileName: a.fileName })} onClick={() => cancel(clientMessageId)}>
          <CloseIcon size={14} />
        </button>
      )}
    </div>
  );
}

/** An upload the server refused (never stored: no id) says why; a channel download that gave up says so. */
function FailedTile({ attachment: a }: { readonly attachment: AttachmentView }) {
  const { maxBytes } = useAttachmentEnv();
  const text = a.id === null ? `${a.fileName}: ${failureReason(a.error, maxBytes)}` : fill(t.attachments.downloadFailed, { fileName: a.fileName });
  return (
    <p className="att-tile att-failed">
      <FileIcon size={16} />
      <span>{text}{a.id === null && <span className="att-meta"> ({fileDetails(a)})</span>}</span>
    </p>
  );
}

/** Drops a failed message with files (a refused file would be refused again by Retry). */
export function DiscardButton({ clientMessageId }: { readonly clientMessageId: string }) {
  const { cancel } = useAttachmentEnv();
  return <button type="button" className="link-btn" onClick={() => cancel(clientMessageId)}>{t.attachments.discard}</button>;
}
