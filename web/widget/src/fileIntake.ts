import { h, icon, icons } from './dom';
import type { Strings } from './i18n/en';

/**
 * The ways a visitor hands files to the chat, each calling `take`: the paperclip button (a hidden file picker, several
 * files at once), a paste into the composer (a screenshot is a file on the clipboard; pasted text stays the
 * browser's) and a drop anywhere on the panel, hinted while files are dragged over it and taken while `accepts()` (a
 * composer is there). The page never opens a file dropped on the panel. Returns the button and the picker.
 */
export function fileIntake(t: Strings, panel: HTMLElement, composer: HTMLTextAreaElement, accepts: () => boolean,
  take: (files: FileList | null | undefined) => void): HTMLElement[] {
  const picker = h('input', { type: 'file', multiple: '', hidden: '' });
  const clip = h('button', { type: 'button', class: 'icon clip', 'aria-label': t.attach }, icon(icons.clip));
  clip.addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    take(picker.files);
    picker.value = ''; // the same file can be chosen again
  });
  composer.addEventListener('paste', (e) => {
    if (!e.clipboardData?.files.length) return;
    e.preventDefault();
    take(e.clipboardData.files);
  });
  const files = (e: DragEvent): boolean => !!e.dataTransfer?.types.includes('Files') && (e.preventDefault(), true);
  panel.addEventListener('dragover', (e) => panel.classList.toggle('drag', files(e) && accepts()));
  panel.addEventListener('dragleave', (e) => { if (!panel.contains(e.relatedTarget as Node | null)) panel.classList.remove('drag'); });
  panel.addEventListener('drop', (e) => {
    if (files(e) && panel.classList.contains('drag')) take(e.dataTransfer?.files);
    panel.classList.remove('drag');
  });
  return [clip, picker];
}
