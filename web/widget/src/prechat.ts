import type { PreChat } from '@switchboard/client';
import { h, show } from './dom';
import type { Strings } from './i18n/en';

export interface Details {
  name?: string;
  email?: string;
}

// Deliberately loose: the server checks the address; this catches typing slips without refusing real addresses.
export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** When the pre-chat form is needed at all: some field is asked for. */
export const asksAnything = (preChat: PreChat): boolean => preChat.name !== 'off' || preChat.email !== 'off';

/**
 * The pre-chat form: the inbox's fields (name, email; each off, optional or required), checked before the chat starts.
 * `Skip` only when nothing is required.
 */
export function preChatForm(t: Strings, preChat: PreChat, start: (details: Details) => void): HTMLFormElement {
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'name', maxlength: '100' });
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', maxlength: '254' });
  const error = h('p', { class: 'error', role: 'alert', hidden: '' });
  const required = preChat.name === 'required' || preChat.email === 'required';
  const skip = !required && h('button', { type: 'button', class: 'link' }, t.skip);
  const field = (label: string, input: HTMLInputElement, mode: string): HTMLElement | false => {
    if (mode === 'required') input.required = true;
    return mode !== 'off' && h('label', {}, label, input);
  };
  const form = h('form', { class: 'intro', novalidate: '' },
    h('p', {}, h('strong', {}, t.introTitle), t.introText),
    field(t.name, name, preChat.name), field(t.email, email, preChat.email), error,
    h('button', { type: 'submit', class: 'primary' }, t.startChat), skip);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const details: Details = {};
    const n = name.value.trim();
    const m = email.value.trim();
    const problem = preChat.name === 'required' && n === '' ? t.nameRequired
      : (preChat.email === 'required' || m !== '') && preChat.email !== 'off' && !emailPattern.test(m) ? t.emailInvalid : undefined;
    error.textContent = problem ?? '';
    show(error, problem !== undefined);
    if (problem !== undefined) return;
    if (n !== '' && preChat.name !== 'off') details.name = n;
    if (m !== '' && preChat.email !== 'off') details.email = m;
    start(details);
  });
  if (skip) skip.addEventListener('click', () => start({}));
  return form;
}

/** The away/closed form: the visitor leaves an email and the team answers there. */
export function emailForm(t: Strings, save: (email: string) => Promise<boolean>): HTMLFormElement {
  const input = h('input', { type: 'email', autocomplete: 'email', maxlength: '254', 'aria-label': t.email, placeholder: t.email });
  const note = h('p', { role: 'status' }, t.emailPrompt);
  const form = h('form', { class: 'leave', novalidate: '' }, note, h('div', {}, input, h('button', { type: 'submit', class: 'primary' }, t.emailSave)));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const email = input.value.trim();
    if (!emailPattern.test(email)) {
      note.textContent = t.emailInvalid;
      return;
    }
    void save(email).then((ok) => {
      note.textContent = ok ? t.emailSaved.replace('{email}', email) : t.notSentNote;
      if (ok) form.lastElementChild?.remove();
    });
  });
  return form;
}
