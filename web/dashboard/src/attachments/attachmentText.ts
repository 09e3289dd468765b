import { fill, t } from '../i18n/index.js';
import type { AttachmentView } from './attachmentTypes.js';

// How an attachment is described in words: sizes, types, and why one could not be sent.

/** The default workspace limit (25 MB) until the workspace's own is known. */
export const defaultMaxBytes = 25 * 1024 * 1024;

/** "512 B", "47 KB", "1.2 MB", "25 MB" (binary units, as file managers and the size limit use). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${shown} ${units[unit]}`;
}

const typeNames: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/zip': 'ZIP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'text/plain': 'Text',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
};

/** A short name of a (sniffed) content type: "PDF", "Word", "Audio"; else the file's extension, else "File". */
export function typeLabel(contentType: string, fileName: string): string {
  const known = typeNames[contentType.toLowerCase()];
  if (known !== undefined) return known;
  if (contentType.startsWith('audio/')) return 'Audio';
  if (contentType.startsWith('video/')) return 'Video';
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1) : '';
  return /^[A-Za-z0-9]{1,6}$/.test(extension) ? extension.toUpperCase() : 'File';
}

/** "PDF · 47 KB": the line under a file card's name. */
export function fileDetails(attachment: Pick<AttachmentView, 'contentType' | 'fileName' | 'size'>): string {
  return `${typeLabel(attachment.contentType, attachment.fileName)} · ${formatBytes(attachment.size)}`;
}

/** Why an attachment (or its message) was refused, in words; the error code comes from the server through the SDK. */
export function failureReason(code: string | null, maxBytes: number): string {
  const reasons = t.attachments.reasons;
  switch (code) {
    case 'attachment_type_not_allowed': return reasons.attachment_type_not_allowed;
    case 'attachment_too_large': return fill(reasons.attachment_too_large, { limit: formatBytes(maxBytes) });
    case 'attachment_empty': return reasons.attachment_empty;
    case 'attachment_name_invalid': return reasons.attachment_name_invalid;
    default: return reasons.other;
  }
}

/** Whether a message's error is about one of its files (then the reason is worth more than "Not sent."). */
export function isAttachmentError(code: string | null): boolean {
  return code !== null && code.startsWith('attachment_');
}

/** Images the browser shows inline (the server's allow-list: png, jpeg, gif, webp). */
export function isInlineImage(contentType: string): boolean {
  return /^image\/(png|jpeg|gif|webp)$/i.test(contentType);
}

const megabyte = 1024 * 1024;

/** The limit in whole megabytes, as the settings form shows it. */
export function toMegabytes(bytes: number): string {
  return String(Math.round(bytes / megabyte));
}

/** The form's megabytes as bytes, or null unless a whole number from 1 to 100 (the server's range). */
export function parseMegabytes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const mb = Number(trimmed);
  return mb >= 1 && mb <= 100 ? mb * megabyte : null;
}
