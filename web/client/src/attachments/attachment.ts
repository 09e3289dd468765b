import { Fields } from '../sync/wire.js';

/** Where an attachment's bytes are: `ready` (stored), `pending` (a channel download not finished), `failed` (it gave up). */
export type AttachmentStatus = 'ready' | 'pending' | 'failed';

/** A file carried by a message (`AttachmentResponse` of docs/api.md). */
export interface Attachment {
  readonly id: number;
  readonly clientAttachmentId: string;
  readonly conversationId: number;
  readonly fileName: string;
  /** The type the server sniffed from the bytes (never the declared one). */
  readonly contentType: string;
  readonly size: number;
  /** Pixels, for images (after EXIF orientation); null otherwise. */
  readonly width: number | null;
  readonly height: number | null;
  readonly hasThumbnail: boolean;
  readonly status: AttachmentStatus;
  /** Why a channel download gave up (`download_failed`), else null. */
  readonly error: string | null;
}

/**
 * An attachment as a UI shows it: a confirmed one, or a local file on its way (`uploading`, with `progress` 0..1;
 * `failed` with the server's refusal code in `error`, or null when the network gave up).
 */
export interface AttachmentView extends Pick<Attachment, 'clientAttachmentId' | 'fileName' | 'contentType' | 'size' | 'width' | 'height' | 'hasThumbnail' | 'error'> {
  /** Null until the server stored it. */
  readonly id: number | null;
  readonly status: 'uploading' | AttachmentStatus;
  /** 0..1 of the bytes sent (1 once stored). */
  readonly progress: number;
}

/** A signed, short-lived download link (`GET .../attachments/{id}/link`); URLs are relative to the server. */
export interface AttachmentLink {
  readonly url: string;
  readonly thumbnailUrl: string | null;
  readonly expiresAt: string;
}

/** A file to send with a message: the bytes and the name the server stores. */
export interface AttachmentFile {
  readonly file: Blob;
  readonly name: string;
  /** The upload's idempotency id (1..64 of `[A-Za-z0-9_-]`); a new one when absent. */
  readonly clientAttachmentId?: string;
}

export function parseAttachment(value: unknown, path = 'attachment'): Attachment {
  const f = Fields.of(value, path);
  const status = f.string('status', 'ready');
  return Object.freeze({
    id: f.int('id'),
    clientAttachmentId: f.string('clientAttachmentId'),
    conversationId: f.int('conversationId'),
    fileName: f.string('fileName'),
    contentType: f.string('contentType'),
    size: f.int('size'),
    width: f.nullableInt('width'),
    height: f.nullableInt('height'),
    hasThumbnail: f.bool('hasThumbnail'),
    // A status this SDK does not know yet reads as "not ready": never shown as openable.
    status: status === 'ready' || status === 'failed' ? status : 'pending',
    error: f.nullableString('error'),
  });
}

export function parseAttachmentLink(value: unknown, path = 'link'): AttachmentLink {
  const f = Fields.of(value, path);
  return Object.freeze({ url: f.string('url'), thumbnailUrl: f.nullableString('thumbnailUrl'), expiresAt: f.date('expiresAt', '1970-01-01T00:00:00Z') });
}

/** The view of a confirmed attachment (one per object, as messages' views are). */
export function attachmentView(a: Attachment): AttachmentView {
  return Object.freeze({
    clientAttachmentId: a.clientAttachmentId, id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size,
    width: a.width, height: a.height, hasThumbnail: a.hasThumbnail, status: a.status, progress: 1, error: a.error,
  });
}
