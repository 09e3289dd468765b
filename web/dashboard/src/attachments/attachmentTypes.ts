import type { MessageView } from '@switchboard/client';

export type { AttachmentLink, AttachmentView } from '@switchboard/client';

/** A message's attachments (the SDK reads a missing field as none). */
export function attachmentsOf(message: MessageView): MessageView['attachments'] {
  return message.attachments;
}
