/** One dispatched Server-Sent Event: its `event:` name (`message` when absent), `data:` lines joined, `id:`. */
export interface SseMessage {
  readonly event: string;
  readonly data: string;
  readonly id: string | null;
}

/**
 * The event-stream format of the HTML standard, fed chunk by chunk: lines end with CRLF, LF or CR (also
 * across chunks), `:` starts a comment (the server's `: ping`), `data:` lines join with a newline, a blank
 * line dispatches, a message without data is dropped. `retry:` is read by nobody: the shell has its own schedule.
 */
export class SseParser {
  #buffer = '';
  #data: string[] = [];
  #event = '';
  #id: string | null = null;
  #started = false;

  push(chunk: string): SseMessage[] {
    let text = this.#buffer + chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: SseMessage[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      // A CR as the chunk's last character may be the first half of a CRLF: wait for the next chunk.
      if (c === 13 && i === text.length - 1) break;
      this.#line(text.slice(start, i), out);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    this.#buffer = text.slice(start);
    return out;
  }

  #line(line: string, out: SseMessage[]): void {
    if (line === '') {
      if (this.#data.length > 0) out.push(Object.freeze({ event: this.#event === '' ? 'message' : this.#event, data: this.#data.join('\n'), id: this.#id }));
      this.#data = [];
      this.#event = '';
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
  }
}
