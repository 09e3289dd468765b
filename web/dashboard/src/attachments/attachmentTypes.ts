import type { MessageView } from '@switchboard/client';

// The attachment shapes of the SDK's view (attachments contract). Kept here until the SDK's own types are merged;
// the dashboard reads them only through `attachmentsOf`, so the switch is one file.

/** An attachment as a view shows it: an upload on its way, or the server's attachment. */
export interface AttachmentView {
  readonly clientAttachmentId: string;
  readonly id: number | null;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly hasThumbnail: boolean;
  readonly status: 'uploading' | 'ready' | 'pending' | 'failed';
  /** 0..1 while uploading. */
  readonly progress: number;
  readonly error: string | null;
}

/** A signed, short-lived download link (`GET …/attachments/{id}/link`). */
export interface AttachmentLink {
  readonly url: string;
  readonly thumbnailUrl: string | null;
  readonly expiresAt: string;
}

/** A message's attachments; a message without any (or from an older server) has none. */
export function attachmentsOf(message: MessageView): readonly AttachmentView[] {
  return (message as MessageView & { readonly attachments?: readonly AttachmentView[] }).attachments ?? [];
}
