import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { fill, t } from '../i18n/index.js';
import { useLive } from '../live/LiveContext.js';
import { NoteIcon, SendIcon } from '../ui/icons.js';
import { composerDrafts, draftOffers } from './drafts.js';
import { OwnerNotice } from './OwnerNotice.js';
import { CannedReplyMenu, cannedListId, cannedOptionId } from '../cannedReplies/CannedReplyMenu.js';
import { useCannedMenu } from '../cannedReplies/useCannedMenu.js';
import { AttachButton } from '../attachments/AttachButton.js';
import { useAttachmentLimit } from '../attachments/attachmentLimit.js';
import { pastedFiles, pastedName, type FileLike } from '../attachments/chosenFiles.js';
import { composerFiles } from '../attachments/composerFiles.js';
import { FileChips } from '../attachments/FileChips.js';
import { sendWithFiles } from '../attachments/sendWithFiles.js';

interface Props {
  readonly conversationId: number;
  readonly onSent: () => void;
  readonly disabledReason: string | null;
  /** The colleague who owns the conversation, when it is not the viewer's: replying needs a deliberate step. */
  readonly owner: { readonly id: number; readonly name: string } | null;
}

const maxLength = 4096;

/** The reply box: Enter sends, Shift+Enter starts a new line; typing is announced to the others while it goes on. */
export function Composer({ conversationId, onSent, disabledReason, owner }: Props) {
  const { store, typing } = useLive();
  const [text, setText] = useState(() => composerDrafts.get(conversationId));
  const [note, setNote] = useState(false);
  // "Reply anyway" holds for this owner only: a new owner has to be acknowledged again.
  const [replyAnywayFor, setReplyAnywayFor] = useState<number | null>(null);
  const replyAnyway = owner !== null && replyAnywayFor === owner.id;
  const blockedByOwner = owner !== null && !replyAnyway && !note;
  const ref = useRef<HTMLTextAreaElement>(null);
  const canned = useCannedMenu(conversationId, text, setText, ref);
  const { files, refused } = useSyncExternalStore(composerFiles.subscribe, () => composerFiles.get(conversationId));
  const maxBytes = useAttachmentLimit();

  useEffect(() => { composerDrafts.set(conversationId, text); }, [conversationId, text]);

  // Typing goes idle on its own (the SDK's typing policy); leaving the conversation sends "stop" at once.
  useEffect(() => () => typing.stop(), [typing, conversationId]);

  // Grow with the text up to a limit (then scroll inside).
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 200)}px`;
  }, [text]);

  // A refused message comes back as the draft (the store keeps its text in the error).
  useEffect(() => store.subscribe(() => {
    const refused = store.errors.filter((e) => e.conversationId === conversationId && e.text !== null);
    const last = refused[refused.length - 1];
    if (last?.text != null && !restored.has(last.key) && ref.current?.value === '') {
      restored.add(last.key);
      setText(last.text);
    }
  }), [store, conversationId]);

  // A cancelled upload's text comes back, unless something was typed since.
  useEffect(() => draftOffers.subscribe((offer) => {
    if (offer.conversationId === conversationId && ref.current?.value === '') setText(offer.text);
  }), [conversationId]);

  function send() {
    const trimmed = text.trim();
    if ((trimmed === '' && files.length === 0) || trimmed.length > maxLength || blockedByOwner) return;
    sendWithFiles(store, conversationId, trimmed, composerFiles.take(conversationId), { isNote: note, ...(owner !== null && !note ? { replyAnyway: true } : {}) });
    typing.stop();
    setText('');
    onSent();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (canned.onKeyDown(e)) return;
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  }

  function attach(chosen: FileLike[], names?: (file: FileLike) => string) {
    composerFiles.add(conversationId, chosen, maxBytes, names);
  }

  // A pasted screenshot becomes a chip (named by the time: browsers call every one "image.png"); pasted text stays text.
  function onPaste(e: ClipboardEvent<HTMLTextAreaElement>) {
    const pasted = pastedFiles(e.clipboardData);
    if (pasted === null) return;
    e.preventDefault();
    const now = new Date();
    attach(pasted, (f) => pastedName(f, now));
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    send();
    ref.current?.focus();
  }

  const tooLong = text.trim().length > maxLength;
  const empty = text.trim() === '' && files.length === 0;
  return (
    <form className={`composer${note ? ' composer-note' : ''}`} onSubmit={onSubmit}>
      {owner !== null && !note && <OwnerNotice owner={owner} replyAnyway={replyAnyway} onReplyAnyway={(on) => setReplyAnywayFor(on ? owner.id : null)} />}
      {disabledReason !== null && <p className="composer-hint">{disabledReason}</p>}
      {refused.length > 0 && (
        <div role="alert" className="composer-refused">
          {refused.map((r) => <p key={r}>{r}</p>)}
          <button type="button" className="link-btn" onClick={() => composerFiles.dismissRefused(conversationId)}>{t.conversation.dismiss}</button>
        </div>
      )}
      <FileChips files={files} onRemove={(key) => { composerFiles.remove(conversationId, key); ref.current?.focus(); }} />
      {note && files.length > 0 && <p className="composer-hint">{t.attachments.noteOnly}</p>}
      {canned.open && <CannedReplyMenu query={canned.query} matches={canned.matches} active={canned.active} onPick={canned.pick} onHover={canned.hover} />}
      {/* A textbox (not role=combobox: a multi-line box, and the name every client and test knows) that drives the
          canned replies listbox the way a combobox does: aria-controls and aria-activedescendant while it is open. */}
      <textarea ref={ref} aria-label={t.composer.message} rows={1} value={text} placeholder={note ? t.composer.notePlaceholder : t.composer.placeholder}
        aria-autocomplete="list" aria-describedby="composer-canned-hint"
        aria-controls={canned.open && canned.matches.length > 0 ? cannedListId : undefined}
        aria-activedescendant={canned.open && canned.activeId !== null ? cannedOptionId(canned.activeId) : undefined}
        onChange={(e) => {
          setText(e.target.value);
          canned.update(e.target.value, e.target.selectionStart);
          if (!note) typing.input(conversationId, e.target.value.trim() !== '', Date.now());
        }}
        onSelect={(e) => canned.update(e.currentTarget.value, e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown} onPaste={onPaste} onBlur={() => typing.stop()} />
      <span id="composer-canned-hint" className="visually-hidden">Type / for canned replies.</span>
      <div className="composer-bar">
        <AttachButton onFiles={(chosen) => attach(chosen)} />
        <button type="button" className={`chip${note ? ' chip-on' : ''}`} aria-pressed={note} onClick={() => { setNote(!note); typing.stop(); }}>
          <NoteIcon size={14} /> {t.composer.note}
        </button>
        {tooLong && <span className="composer-error">{fill(t.composer.tooLong, { n: text.trim().length - maxLength })}</span>}
        <span className="spacer" />
        <button type="submit" className="btn btn-primary" disabled={empty || tooLong || blockedByOwner}><SendIcon size={15} /> {t.composer.send}</button>
      </div>
    </form>
  );
}

const restored = new Set<string>();
