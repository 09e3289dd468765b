import type { AttachmentView, BotDraft, MessageView } from '@switchboard/client';
import { fileElement, fileState, progress, type FileActions } from './attachments';
import { withoutListedOptions } from './botQuestion';
import { h, setAttr, setText, show } from './dom';
import type { Strings } from './i18n/en';

/** One line of the log, as the list shows it. */
interface Item {
  readonly key: string;
  /** `customer` (the visitor), `operator`, `bot` or `system`. */
  readonly role: string;
  readonly text: string;
  readonly name: string | null;
  readonly createdAt: string | null;
  /** The visitor's own messages: `sending`, `sent`, `delivered`, `read` or `failed`. */
  readonly status: string | null;
  readonly canRetry: boolean;
  readonly streaming: boolean;
  /** The bot's quick replies; shown as buttons on the newest line only. */
  readonly replies: readonly string[];
  readonly files: readonly AttachmentView[];
}

interface Row {
  readonly el: HTMLElement;
  readonly who: HTMLElement;
  readonly bubble: HTMLElement;
  readonly files: HTMLElement;
  readonly meta: HTMLElement;
  readonly time: HTMLElement;
  readonly status: HTMLElement;
  readonly retry: HTMLButtonElement;
  readonly replies: HTMLElement;
}

const glyphs: Record<string, string> = { sending: '○', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '!' };
/** Lines in the DOM at first, and how many more each time the reader reaches the top. */
const windowSize = 60;
const nearTopPx = 120;

/**
 * The `role=log` of messages, updated in place by clientMessageId: a local message becomes its server copy, and a
 * streamed bot reply becomes its final message, without replacing the element (no flicker, no lost focus). Text is
 * set with textContent only.
 */
export class MessageList {
  readonly el = h('div', { class: 'log', role: 'log', 'aria-label': 'Messages', 'aria-relevant': 'additions', tabindex: '0' });
  readonly #hello = h('p', { class: 'hello' });
  readonly #rows = new Map<string, Row>();
  // Only the newest `#limit` lines are in the DOM, so opening on thousands of messages costs what is visible; the
  // window grows as the reader scrolls up, and past what the transcript holds the controller loads older pages.
  #limit = windowSize;
  #wantsOlder = false;
  #last: { messages: readonly MessageView[]; drafts: readonly BotDraft[]; hasOlder: boolean } | undefined;

  constructor(hello: string, private readonly t: Strings, private readonly onRetry: (clientMessageId: string) => void, private readonly onNearTop: () => void = () => {},
    private readonly onReply: (text: string) => void = () => {}, private readonly fileActions?: FileActions) {
    this.#hello.textContent = hello;
    this.el.append(this.#hello);
    this.el.addEventListener('scroll', () => this.#scrolled(), { passive: true });
  }

  /** Shows the newest lines of these messages (a contiguous transcript) and streaming drafts; true when a line was added. */
  render(messages: readonly MessageView[], drafts: readonly BotDraft[], hasOlder = false): boolean {
    this.#last = { messages, drafts, hasOlder };
    // A page of older messages came in while the reader waited at the top: show it.
    if (this.#wantsOlder && this.#countVisible(messages, this.#limit + 1) > this.#limit) {
      this.#wantsOlder = false;
      this.#limit += windowSize;
    }
    const items = this.#tail(messages);
    const known = new Set(items.map((i) => i.key));
    for (const d of drafts) {
      if (!known.has(d.replyId)) items.push({ key: d.replyId, role: 'bot', text: d.text, name: null, createdAt: null, status: null, canRetry: false, streaming: true, replies: [], files: [] });
    }
    const atBottom = this.el.scrollHeight - this.el.scrollTop - this.el.clientHeight < 48;
    // Keeps the line the reader looks at in place when lines are added above it.
    const anchor = atBottom ? undefined : this.#firstRow();
    const anchorTop = anchor?.el.offsetTop ?? 0;
    let added = false;
    let ownAdded = false;
    let previous: Item | undefined;
    let at: ChildNode | null = this.#hello.nextSibling;
    const keep = new Set<string>();
    for (const item of items) {
      keep.add(item.key);
      let row = this.#rows.get(item.key);
      if (row === undefined) {
        row = this.#create(item.key);
        this.#rows.set(item.key, row);
        added = true;
        ownAdded ||= item.role === 'customer';
      }
      this.#update(row, item, previous, item === items[items.length - 1]);
      if (at !== row.el) this.el.insertBefore(row.el, at);
      at = row.el.nextSibling;
      previous = item;
    }
    for (const [key, row] of this.#rows) {
      if (!keep.has(key)) {
        row.el.remove();
        this.#rows.delete(key);
      }
    }
    show(this.#hello, items.length === 0 && !hasOlder);
    if (anchor !== undefined && anchor.el.isConnected) this.el.scrollTop += anchor.el.offsetTop - anchorTop;
    // Follow new lines when the reader is at the bottom, and always after the visitor's own message.
    if ((added && atBottom) || ownAdded || (atBottom && drafts.length > 0)) this.scrollToEnd();
    return added;
  }

  #scrolled(): void {
    const last = this.#last;
    if (last === undefined || this.el.scrollTop > nearTopPx) return;
    if (this.#countVisible(last.messages, this.#limit + 1) > this.#limit) {
      this.#limit += windowSize;
      this.render(last.messages, last.drafts, last.hasOlder);
    } else if (last.hasOlder) {
      this.#wantsOlder = true;
      this.onNearTop();
    }
  }

  /** The newest `#limit` lines the visitor sees (notes are the team's), oldest first: O(window), not O(transcript). */
  #tail(messages: readonly MessageView[]): Item[] {
    const items: Item[] = [];
    for (let i = messages.length - 1; i >= 0 && items.length < this.#limit; i--) {
      const m = messages[i] as MessageView;
      if (!m.isNote) items.push(toItem(m));
    }
    return items.reverse();
  }

  #countVisible(messages: readonly MessageView[], atMost: number): number {
    let n = 0;
    for (let i = messages.length - 1; i >= 0 && n < atMost; i--) if (!(messages[i] as MessageView).isNote) n++;
    return n;
  }

  #firstRow(): Row | undefined {
    for (const row of this.#rows.values()) if (row.el.isConnected) return row;
    return undefined;
  }

  scrollToEnd(): void {
    this.el.scrollTop = this.el.scrollHeight;
  }

  #create(key: string): Row {
    const retry = h('button', { type: 'button', class: 'retry' }, this.t.retry);
    retry.addEventListener('click', () => this.onRetry(key));
    const row: Row = {
      el: h('article', { class: 'msg' }),
      who: h('div', { class: 'who' }),
      // Each message in its own direction: an English reply reads left to right in an Arabic panel, and back.
      bubble: h('div', { class: 'bubble', dir: 'auto' }),
      files: h('div', { class: 'files' }),
      meta: h('div', { class: 'meta' }),
      time: h('time'),
      status: h('span', { class: 'st', role: 'img' }),
      retry,
      replies: h('div', { class: 'qr', hidden: '' }),
    };
    row.meta.append(row.time, row.status, retry);
    row.el.append(row.who, row.files, row.bubble, row.replies, row.meta);
    return row;
  }

  // Each file's element is rebuilt only when what it shows changes (uploaded, ready, refused); progress moves in place.
  #files(box: HTMLElement, item: Item): void {
    const x = this.fileActions;
    const own = item.role === 'customer';
    const states = item.files.map((a) => fileState(a, own, item.status === 'failed'));
    const key = item.files.map((a, i) => `${a.clientAttachmentId}${a.id}${states[i]}`).join();
    if (x !== undefined && box.dataset['k'] !== key) {
      box.dataset['k'] = key;
      box.replaceChildren(...item.files.map((a, i) => fileElement(a, states[i]!, item.key, x)));
    }
    item.files.forEach((a, i) => box.children[i] && progress(box.children[i]!, a));
    show(box, item.files.length > 0);
  }

  #update(row: Row, item: Item, previous: Item | undefined, last: boolean): void {
    const own = item.role === 'customer';
    setAttr(row.el, 'aria-label', `${item.role} message`);
    setAttr(row.el, 'class', ['msg', own ? 'own' : item.role, item.streaming ? 'streaming' : '', item.status === 'failed' ? 'failed' : ''].join(' ').trim());
    // The sender's name starts each run of messages from the team.
    const who = own || item.role === 'system' ? '' : item.role === 'bot' ? this.t.bot : (item.name ?? this.t.support);
    const sameRun = previous !== undefined && previous.role === item.role && previous.name === item.name;
    setText(row.who, who);
    show(row.who, who !== '' && !sameRun);
    // While its buttons show, the bot's question leaves out the list of options its text carries for clients without buttons.
    const replies = last ? item.replies : [];
    setText(row.bubble, withoutListedOptions(item.text, replies));
    // A file alone has no text bubble; a streamed reply shows its bubble (and cursor) before its first word.
    show(row.bubble, item.text !== '' || item.streaming || item.files.length === 0);
    this.#files(row.files, item);
    setText(row.time, item.createdAt === null ? '' : clock(item.createdAt));
    if (item.createdAt !== null) setAttr(row.time, 'datetime', item.createdAt);
    const status = item.status;
    show(row.status, status !== null);
    if (status !== null) {
      setAttr(row.status, 'aria-label', status);
      setAttr(row.status, 'class', `st ${status}`);
      setText(row.status, status === 'failed' ? this.t.notSent : glyphs[status] ?? '');
      setAttr(row.status, 'title', status);
    }
    show(row.retry, item.canRetry);
    // The bot's question stays answerable by a tap while nothing came after it.
    if (row.replies.dataset['k'] !== replies.join('\n')) {
      row.replies.dataset['k'] = replies.join('\n');
      row.replies.replaceChildren(...replies.map((r) => {
        const b = h('button', { type: 'button' }, r);
        // One answer per question: a second tap (a double click, a quick second finger) before the next render would
        // send the option again, so the first tap disables every button of the question (a disabled button gets no click).
        b.addEventListener('click', () => {
          for (const other of row.replies.querySelectorAll('button')) other.disabled = true;
          this.onReply(r);
        });
        return b;
      }));
    }
    show(row.replies, replies.length > 0);
    show(row.meta, row.time.textContent !== '' || status !== null);
  }
}

function toItem(m: MessageView): Item {
  const role = m.senderRole === 'self' ? 'customer' : m.senderRole;
  return {
    key: m.clientMessageId, role, text: m.text, name: m.senderName, createdAt: m.server?.createdAt ?? null,
    status: role === 'customer' ? m.status : null, canRetry: m.canRetry, streaming: false, replies: m.server?.quickReplies ?? [], files: m.attachments,
  };
}

// One formatter for every line (as the dashboard's format.ts): toLocaleTimeString builds a new one per call, and
// each render (every batch of a receipt's status flood) sets the time of every line in the window.
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function clock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : timeFormat.format(d);
}
