import type { ApiClient } from '@switchboard/client';

/**
 * Tells the team the visitor is typing. The server takes typing only as a WebSocket client frame, while the
 * widget reads its events over SSE; so a small socket opens on the first keystroke, carries `typing` frames
 * (start at most every few seconds, stop after a pause or a send) and closes after a quiet minute. Anything the
 * socket receives is ignored but pings, which it answers. Typing is advisory: a frame that cannot be sent is dropped.
 */
export class TypingSender {
  #socket: WebSocket | undefined;
  #conversationId = 0;
  #typing = false;
  #lastStart = 0;
  #stopTimer: ReturnType<typeof setTimeout> | undefined;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly api: ApiClient, private readonly repeatMs = 3000, private readonly pauseMs = 4000, private readonly idleMs = 60_000) {}

  /** The visitor typed in the composer. */
  keystroke(conversationId: number): void {
    this.#conversationId = conversationId;
    const now = Date.now();
    if (!this.#typing || now - this.#lastStart >= this.repeatMs) {
      this.#typing = true;
      this.#lastStart = now;
      this.#send('start');
    }
    clearTimeout(this.#stopTimer);
    this.#stopTimer = setTimeout(() => this.stop(), this.pauseMs);
  }

  /** The visitor sent, cleared the composer or paused. */
  stop(): void {
    clearTimeout(this.#stopTimer);
    if (!this.#typing) return;
    this.#typing = false;
    this.#send('stop');
  }

  close(): void {
    clearTimeout(this.#stopTimer);
    clearTimeout(this.#closeTimer);
    this.#socket?.close(1000);
    this.#socket = undefined;
  }

  #send(state: 'start' | 'stop'): void {
    const frame = JSON.stringify({ type: 'typing', conversationId: this.#conversationId, state });
    const socket = this.#open();
    if (socket === undefined) return;
    if (socket.readyState === WebSocket.OPEN) socket.send(frame);
    else socket.addEventListener('open', () => socket.send(frame), { once: true });
    clearTimeout(this.#closeTimer);
    this.#closeTimer = setTimeout(() => this.close(), this.idleMs);
  }

  #open(): WebSocket | undefined {
    const current = this.#socket;
    if (current !== undefined && current.readyState <= WebSocket.OPEN) return current;
    try {
      const socket = new WebSocket(this.api.streamUrl('/api/v1/stream', true));
      socket.onmessage = (e) => {
        try {
          if ((JSON.parse(String(e.data)) as { type?: unknown }).type === 'ping') socket.send('{"type":"pong"}');
        } catch {
          // not for us
        }
      };
      socket.onclose = () => { if (this.#socket === socket) this.#socket = undefined; };
      return this.#socket = socket;
    } catch {
      return undefined;
    }
  }
}
