import { fill, t } from '../i18n/index.js';
import { formatBytes } from './attachmentText.js';

// The files chosen in the composer before Send: pure functions over a list, so the rules (size limit, at most ten,
// names for pasted images) are tested without a browser. The SDK uploads them once the message is sent.

/** What a chosen file needs: a browser `File` fits. */
export interface FileLike extends Blob {
  readonly name: string;
}

export interface ChosenFile {
  /** Stable for React keys and removal, also when two files share a name. */
  readonly key: string;
  readonly file: FileLike;
  readonly name: string;
}

/** The contract's limit per message. */
export const maxFilesPerMessage = 10;

export interface AddResult {
  readonly files: readonly ChosenFile[];
  /** Sentences saying which files were left out and why (shown at once, before anything is uploaded). */
  readonly refused: readonly string[];
}

let counter = 0;

/** Adds files to a composer's list, refusing early what the server would refuse anyway (too large, empty, too many). */
export function addFiles(current: readonly ChosenFile[], incoming: readonly FileLike[], maxBytes: number, names: (file: FileLike) => string = (f) => f.name): AddResult {
  const files = [...current];
  const refused: string[] = [];
  const overflow: string[] = [];
  for (const file of incoming) {
    const name = names(file);
    if (file.size > maxBytes) refused.push(fill(t.attachments.tooLarge, { fileName: name, limit: formatBytes(maxBytes) }));
    else if (file.size === 0) refused.push(fill(t.attachments.empty, { fileName: name }));
    else if (files.length >= maxFilesPerMessage) overflow.push(name);
    else files.push({ key: `f${++counter}`, file, name });
  }
  if (overflow.length > 0) refused.push(fill(t.attachments.tooMany, { n: maxFilesPerMessage, names: overflow.join(', ') }));
  return { files, refused };
}

export function removeFile(current: readonly ChosenFile[], key: string): readonly ChosenFile[] {
  return current.filter((f) => f.key !== key);
}

/**
 * A name for a file without a useful one: browsers name every pasted screenshot "image.png", so several pasted in a
 * row would be indistinguishable in the chips and in the transcript.
 */
export function pastedName(file: FileLike, now: Date): string {
  if (file.name !== '' && file.name !== 'image.png' && file.name !== 'image.jpeg') return file.name;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}.${pad(now.getMinutes())}.${pad(now.getSeconds())}`;
  const extension = file.type === 'image/jpeg' ? 'jpg' : file.type.startsWith('image/') ? file.type.slice(6) : 'png';
  return `${fill(t.attachments.pastedName, { time })}.${extension}`;
}

/**
 * Files of a paste; `null` when it is text. Office and spreadsheet apps put a picture of the copied text beside the
 * text itself: with text there, the operator meant the text. A screenshot or a browser's "Copy image" carries no text.
 */
export function pastedFiles(clipboard: DataTransfer | null): FileLike[] | null {
  if (clipboard === null || clipboard.getData('text/plain').trim() !== '') return null;
  return filesOf(clipboard);
}

/** Files of a drag or paste; `null` when it carries none (text being dragged is not ours to handle). */
export function filesOf(transfer: DataTransfer | null): FileLike[] | null {
  if (transfer === null || transfer.files.length === 0) return null;
  return Array.from(transfer.files);
}
