import type { LiveStore, SendMessageOptions } from '@switchboard/client';
import type { AttachmentLink } from './attachmentTypes.js';
import type { ChosenFile } from './chosenFiles.js';

// The SDK calls the attachment UI makes (sendMessage with files, cancelMessage, attachmentLink), in one place.

interface AttachmentStore {
  sendMessage(conversationId: number, text: string, options: SendMessageOptions & { readonly files?: readonly { readonly file: Blob; readonly name: string }[] }): string;
  cancelMessage(clientMessageId: string): void;
  attachmentLink(conversationId: number, attachmentId: number): Promise<AttachmentLink>;
}

const withAttachments = (store: LiveStore) => store as unknown as AttachmentStore;

/** Sends the text with the chosen files (the SDK uploads them, then posts the message); returns the clientMessageId. */
export function sendWithFiles(store: LiveStore, conversationId: number, text: string, files: readonly ChosenFile[], options: SendMessageOptions): string {
  return withAttachments(store).sendMessage(conversationId, text, files.length === 0 ? options : { ...options, files: files.map((f) => ({ file: f.file, name: f.name })) });
}

export function cancelMessage(store: LiveStore, clientMessageId: string): void {
  withAttachments(store).cancelMessage(clientMessageId);
}

export function attachmentLink(store: LiveStore, conversationId: number, attachmentId: number): Promise<AttachmentLink> {
  return withAttachments(store).attachmentLink(conversationId, attachmentId);
}
