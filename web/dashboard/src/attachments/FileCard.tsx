import { t } from '../i18n/index.js';
import { DownloadIcon, FileIcon } from '../ui/icons.js';
import { fileDetails } from './attachmentText.js';
import type { AttachmentView } from './attachmentTypes.js';
import { isStale, useAttachmentLink } from './useAttachmentLink.js';

/** A file that is not an inline image: a link named by the file name (downloads it), with its type and size. */
export function FileCard({ attachment: a }: { readonly attachment: AttachmentView }) {
  const [state, renew] = useAttachmentLink(a.id, true);
  const href = state.kind === 'ready' ? state.link.url : undefined;
  // A link left open for a while (a sleeping laptop misses the renewal timer) is renewed as the reader reaches it.
  const check = () => { if (state.kind === 'ready' && isStale(state.link, Date.now())) renew(); };
  return (
    <div className="att-tile att-card">
      <FileIcon size={22} />
      <div className="att-body">
        {href !== undefined
          ? <a className="att-name" href={href} download={a.fileName} onPointerEnter={check} onFocus={check}>{a.fileName}</a>
          : <span className="att-name">{a.fileName}</span>}
        <span className="att-meta">{fileDetails(a)}</span>
        {state.kind === 'failed' && <button type="button" className="link-btn" onClick={renew}>{t.attachments.tryAgain}</button>}
      </div>
      {href !== undefined && <DownloadIcon size={16} />}
    </div>
  );
}
