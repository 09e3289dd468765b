import { newId, type LiveStore, type SendMessageOptions } from '@switchboard/client';
import { isInlineImage } from './attachmentText.js';
import type { ChosenFile } from './chosenFiles.js';
import { uploadPreviews } from './uploadPreviews.js';

/** Sends the text with the chosen files (the SDK uploads them, then posts the message); returns the clientMessageId. */
export function sendWithFiles(store: LiveStore, conversationId: number, text: string, files: readonly ChosenFile[], options: SendMessageOptions): string {
  if (files.length === 0) return store.sendMessage(conversationId, text, options);
  // Our own upload ids, so the tiles can show the images being sent from their local bytes.
  const withIds = files.map((f) => ({ file: f.file, name: f.name, clientAttachmentId: newId() }));
  for (const f of withIds) if (isInlineImage(f.file.type)) uploadPreviews.set(f.clientAttachmentId, f.file);
  return store.sendMessage(conversationId, text, { ...options, files: withIds });
}
