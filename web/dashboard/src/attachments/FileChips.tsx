import { fill, t } from '../i18n/index.js';
import { CloseIcon, FileIcon } from '../ui/icons.js';
import { formatBytes, isInlineImage } from './attachmentText.js';
import type { ChosenFile } from './chosenFiles.js';
import { useObjectUrl } from './uploadPreviews.js';

/** The files chosen in the composer, each with its size, a small preview for images and a remove button. */
export function FileChips({ files, onRemove }: { readonly files: readonly ChosenFile[]; readonly onRemove: (key: string) => void }) {
  return (
    <>
      {/* Said once a file joins or leaves (a paste or a drop gives no other cue to a screen reader). */}
      <span className="visually-hidden" aria-live="polite">{files.length === 0 ? '' : files.length === 1 ? t.attachments.chosenOne : fill(t.attachments.chosenMany, { n: files.length })}</span>
      {files.length > 0 && <ul className="file-chips" aria-label={t.attachments.chosen}>
        {files.map((f) => (
        <li key={f.key} className="file-chip">
          <Preview file={f} />
          <span className="file-chip-name" title={f.name}>{f.name}</span>
          <span className="file-chip-size">{formatBytes(f.file.size)}</span>
          <button type="button" className="icon-btn" aria-label={fill(t.attachments.remove, { fileName: f.name })} onClick={() => onRemove(f.key)}>
            <CloseIcon size={13} />
          </button>
        </li>
      ))}
      </ul>}
    </>
  );
}

/** A local preview of an image (an object URL, revoked when the chip goes); other files show an icon. */
function Preview({ file }: { readonly file: ChosenFile }) {
  const url = useObjectUrl(isInlineImage(file.file.type) ? file.file : null);
  return url === null ? <FileIcon size={16} /> : <img className="file-chip-preview" src={url} alt="" width={24} height={24} />;
}
