import { useEffect, useRef, useState } from 'react';
import { fill, t } from '../i18n/index.js';
import { useAttachmentEnv } from './attachmentContext.js';
import type { AttachmentView } from './attachmentTypes.js';
import { imageBox } from './imageBox.js';
import { useAttachmentLink } from './useAttachmentLink.js';
import { uploadPreviews } from './uploadPreviews.js';

/**
 * A stored image inline: the thumbnail (the original when there is none) in a box sized from the attachment before
 * anything loads, inside a button that opens the viewer. A link that stopped working (expired) is fetched again, once.
 */
export function ImageTile({ attachment: a }: { readonly attachment: AttachmentView }) {
  const { openImage } = useAttachmentEnv();
  const [state, renew] = useAttachmentLink(a.id, false);
  const renewedFor = useRef<string | null>(null);
  const [broken, setBroken] = useState(false);
  const box = imageBox(a.width, a.height);
  // Stored and shown from the server now: the local bytes of its upload are no longer needed.
  useEffect(() => { uploadPreviews.delete(a.clientAttachmentId); }, [a.clientAttachmentId]);
  const src = state.kind === 'ready' ? (state.link.thumbnailUrl ?? state.link.url) : null;
  const size = { width: box.width, aspectRatio: `${box.width} / ${box.height}` };

  function onError() {
    if (src === null || renewedFor.current === src) { setBroken(true); return; }
    renewedFor.current = src;
    renew();
  }

  return (
    <button type="button" className="att-image" aria-label={fill(t.attachments.open, { fileName: a.fileName })} style={size}
      onClick={(e) => openImage(a, e.currentTarget)}>
      {src !== null && !broken
        ? <img src={src} alt={a.fileName} width={box.width} height={box.height} style={size} loading="lazy" decoding="async" draggable={false} onError={onError} />
        : <span className="att-image-wait" style={size}>{state.kind === 'failed' || broken ? fill(t.attachments.linkFailed, { fileName: a.fileName }) : ''}</span>}
    </button>
  );
}
