import type { AttachmentLink, AttachmentView } from '@switchboard/client';
import { h, setAttr } from './dom.js';
import { fill, type Strings } from './i18n/en.js';

/** What a file line needs beyond the attachment: the texts, the workspace's limit, its signed link, its cancel. */
export interface FileActions {
  readonly t: Strings;
  readonly maxBytes: number;
  /** The attachment's signed links, with the server's base already prefixed. */
  readonly link: (attachmentId: number) => Promise<AttachmentLink>;
  readonly cancel: (clientMessageId: string) => void;
}

/** "512 B", "47 KB", "2.4 MB": sizes as people read them. */
export const sizeText = (n: number): string => n < 1024 ? `${n} B` : n < 1048576 ? `${Math.round(n / 1024)} KB` : `${+(n / 1048576).toFixed(1)} MB`;

/** The sniffed type as one short word: PDF, DOCX, JPEG, TXT… */
export function kindText(type: string): string {
  const sub = type.slice(type.indexOf('/') + 1);
  return (/word/.test(sub) ? 'docx' : /sheet/.test(sub) ? 'xlsx' : /presen/.test(sub) ? 'pptx' : sub === 'plain' ? 'txt' : sub === 'mpeg' ? 'mp3' : sub).toUpperCase();
}

/** The chosen files that may go, and those refused at once for being over the workspace's limit (the server says the same later). */
export function bySize<F extends { readonly size: number }>(files: readonly F[], maxBytes: number): [F[], F[]] {
  return [files.filter((f) => f.size <= maxBytes), files.filter((f) => f.size > maxBytes)];
}

/** Why an upload was refused, in words (the server's code: its sniffed type, its size, an empty file). */
export function refusalText(t: Strings, code: string | null, maxBytes: number): string {
  return code === 'attachment_type_not_allowed' ? t.fileType : code === 'attachment_too_large' ? fill(t.fileTooLarge, { max: sizeText(maxBytes) })
    : code === 'attachment_empty' ? t.fileEmpty : t.notSentNote;
}

/**
 * What a file line shows: `uploading` (progress and cancel), `image` (inline), `file` (a card with a link), `downloading`
 * (a channel's download not finished), `lost` (a download that gave up), `refused` (the visitor's upload the server
 * refused: the reason), `unsent` (its message failed otherwise: the name only, the message's Retry sends it).
 */
export function fileState(a: AttachmentView, own: boolean, failed: boolean): string {
  if (a.status === 'failed') return own ? 'refused' : 'lost';
  if (a.status === 'pending') return 'downloading';
  if (a.status === 'uploading' || a.id === null) return failed ? 'unsent' : 'uploading';
  return a.contentType.startsWith('image/') ? 'image' : 'file';
}

/** One attachment's element; its upload progress is set by `progress`. Nothing user-supplied goes through HTML. */
export function fileElement(a: AttachmentView, state: string, messageId: string, x: FileActions): HTMLElement {
  const { t, link } = x;
  const name = a.fileName;
  if (state === 'image') {
    // Width and height from the attachment reserve the box before the image loads, so the transcript does not shift:
    // in pixels, because an img without its source yet shows its alt text and ignores the attributes' aspect ratio.
    const { width: w, height: ht } = a;
    const img = h('img', { alt: name, ...(w && ht ? { width: `${w}`, height: `${ht}` } : {}) });
    if (w && ht) {
      const shown = Math.min(240, w, (280 * w) / ht);
      img.style.width = `${shown}px`;
      img.style.height = `${(shown * ht) / w}px`;
    }
    const open = h('a', { class: 'pic', target: '_blank', rel: 'noopener' }, img);
    // Named once it is a link (with its href): a name on a plain element is not allowed.
    fetchLink(open, a.id!, link, (l) => {
      img.src ||= l.thumbnailUrl ?? l.url;
      setAttr(open, 'aria-label', fill(t.openFile, { name }));
    });
    return open;
  }
  if (state === 'downloading' || state === 'lost') return h('div', { class: 'bubble file' }, fill(state === 'lost' ? t.downloadFailed : t.downloading, { name }));
  const title = state === 'file' ? h('a', { download: name }, name) : h('b', {}, name);
  const card = h('div', { class: 'bubble file' }, title,
    h('small', {}, state === 'refused' ? refusalText(t, a.error, x.maxBytes) : `${kindText(a.contentType)} · ${sizeText(a.size)}`));
  if (state === 'file') fetchLink(title as HTMLAnchorElement, a.id!, link);
  if (state === 'uploading') {
    const cancel = h('button', { type: 'button', class: 'x', 'aria-label': fill(t.cancelUpload, { name }) }, '×');
    cancel.addEventListener('click', () => x.cancel(messageId));
    card.append(h('div', { role: 'progressbar', 'aria-label': fill(t.uploading, { name }) }, h('i')), cancel);
    progress(card, a);
  }
  return card;
}

/** Moves an uploading card's bar to the attachment's progress. */
export function progress(card: Element, a: AttachmentView): void {
  const bar = card.querySelector('[role=progressbar]');
  const pct = `${Math.round(a.progress * 100)}`;
  if (bar === null) return;
  setAttr(bar, 'aria-valuenow', pct);
  (bar.firstChild as HTMLElement).style.width = `${pct}%`;
}

// Signed links live minutes: fetched once shown, fetched again a minute before they expire (the SDK caches until then)
// while the element is on screen, and again after a failure.
function fetchLink(el: HTMLAnchorElement, id: number, link: FileActions['link'], then?: (l: AttachmentLink) => void): void {
  const load = (): void => void link(id).then((l) => {
    el.href = l.url;
    then?.(l);
    return Date.parse(l.expiresAt) - Date.now() - 60_000;
  }, () => 30_000).then((wait) => setTimeout(() => el.isConnected && load(), Math.max(wait, 10_000)));
  load();
}
