import type { BaseApiClient as ApiClient } from '../api/apiClient.js';
import type { LiveStoreCore, LiveStoreLogger } from '../sync/liveStoreCore.js';
import type { OutgoingRequest } from '../sync/pending.js';
import { Alarm, type Timers } from '../timers.js';
import { describeError } from './describeError.js';

export interface WritePumpOptions {
  readonly api: ApiClient;
  readonly core: LiveStoreCore;
  readonly timers: Timers;
  readonly stop: AbortSignal;
  readonly requestTimeoutMs: number;
  readonly logger: LiveStoreLogger | undefined;
  /** A 2xx answer reached the core (the shell reads what else it says). */
  readonly onAcknowledged: (request: OutgoingRequest, body: unknown) => void;
  /** Any answer below 500 came back: the server is reachable (the stream need not wait out its schedule). */
  readonly onReachable: () => void;
}

/**
 * Sends what the core says is due, one request per target, and sleeps until the next retry (or an answer, or a
 * local action calls {@link pump}). The core decides everything else: retries, refusals, confirmation.
 */
export class WritePump {
  readonly #alarm: Alarm;
  // Uploads in flight by clientAttachmentId, so cancelling a message aborts them.
  readonly #uploads = new Map<string, AbortController>();
  #running = false;

  constructor(private readonly options: WritePumpOptions) {
    this.#alarm = new Alarm(options.timers);
  }

  start(): void {
    this.#running = true;
    this.pump();
  }

  stop(): void {
    this.#running = false;
    this.#alarm.set(undefined, () => {});
  }

  pump(): void {
    if (!this.#running) return;
    const { core, timers } = this.options;
    const now = timers.now();
    for (const request of core.takeDueRequests(now)) void this.#send(request);
    this.#alarm.set(core.nextRetryAfter(now), () => this.pump());
  }

  /** Aborts these uploads (a cancelled message's); their answers, if any, are ignored. */
  abort(keys: Iterable<string>): void {
    for (const key of keys) this.#uploads.get(key)?.abort();
  }

  async #send(request: OutgoingRequest): Promise<void> {
    const { api, core, timers, stop, requestTimeoutMs, logger } = this.options;
    let signal = stop;
    const controller = new AbortController();
    const onStop = (): void => controller.abort(stop.reason);
    if (request.upload !== undefined) {
      stop.addEventListener('abort', onStop, { once: true });
      this.#uploads.set(request.key, controller);
      signal = controller.signal;
    }
    try {
      const answer = await api.sendRaw(request, {
        signal, timeoutMs: requestTimeoutMs, onProgress: (fraction) => core.onUploadProgress(request.key, fraction),
      });
      if (!this.#running) return;
      core.onResponse(request.key, answer.status, answer.body, timers.now());
      if (answer.status >= 200 && answer.status < 300) this.options.onAcknowledged(request, answer.body);
      if (answer.status < 500) this.options.onReachable();
    } catch (error) {
      if (!this.#running) return;
      logger?.warn('A write got no answer; it will be retried with the same id.', { key: request.key, ...describeError(error) });
      core.onTransportFailure(request.key, timers.now());
    } finally {
      this.#uploads.delete(request.key);
      stop.removeEventListener('abort', onStop);
    }
    this.pump();
  }
}
