import { Fields, WireFormatError } from '../sync/wire.js';
import { parseAttachment, type Attachment } from './attachment.js';

/** The data of `attachment.updated`: a channel download of an attachment finished (`ready`) or gave up (`failed`). */
export interface AttachmentUpdate {
  readonly conversationId: number;
  readonly messageId: number;
  readonly attachment: Attachment;
}

/** Reads `attachment.updated`'s data whole, or throws WireFormatError (the event is then skipped). */
export function readAttachmentUpdate(data: unknown): AttachmentUpdate {
  const f = Fields.of(data, 'event.data');
  const attachment = f.nullableObject('attachment', parseAttachment);
  if (attachment === null) throw new WireFormatError('event.data.attachment', 'an attachment');
  return { conversationId: f.int('conversationId'), messageId: f.int('messageId'), attachment };
}
