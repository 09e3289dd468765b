import type { LiveStore, SendMessageOptions } from '@switchboard/client';
import type { ChosenFile } from './chosenFiles.js';

/** Sends the text with the chosen files (the SDK uploads them, then posts the message); returns the clientMessageId. */
export function sendWithFiles(store: LiveStore, conversationId: number, text: string, files: readonly ChosenFile[], options: SendMessageOptions): string {
  return store.sendMessage(conversationId, text, files.length === 0 ? options : { ...options, files: files.map((f) => ({ file: f.file, name: f.name })) });
}
