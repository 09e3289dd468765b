import type { EventStreamTransport, Signal, StreamItem } from '../streaming/streamItem.js';
import type { LiveStoreCore, LiveStoreLogger } from '../sync/liveStoreCore.js';
import type { RetryPolicy } from '../sync/retryPolicy.js';
import { sleep, type Timers } from '../timers.js';
import { describeError } from './describeError.js';

/** What the stream loop needs from its live store. */
export interface StreamLoopHost {
  readonly core: LiveStoreCore;
  readonly transport: EventStreamTransport;
  readonly timers: Timers;
  readonly random: () => number;
  readonly reconnect: RetryPolicy;
  /** A connection open this long was healthy even if it delivered nothing. */
  readonly stableAfterMs: number;
  readonly logger: LiveStoreLogger | undefined;
  /** True when the confirmed state must be reloaded before connecting (after a reset, or a failed resync). */
  needsResync(): boolean;
  resync(): Promise<void>;
  opened(): void;
  failed(error: unknown): void;
  reconnecting(): void;
  signal(signal: Signal): void;
  report(error: unknown): void;
}

/**
 * Reads the stream from the core's cursor until `stop` aborts: reconnects after any drop on the retry schedule
 * (from its beginning after a healthy connection), and reloads the snapshot after a `reset`.
 */
export async function runStreamLoop(host: StreamLoopHost, stop: AbortSignal): Promise<void> {
  const { core, transport, timers } = host;
  let failures = 0;
  while (!stop.aborted) {
    let healthy = false;
    let openedAt: number | undefined;
    try {
      if (host.needsResync()) await host.resync();
      for await (const item of transport.connect(core.cursor, stop)) {
        if (stop.aborted) break;
        if (item.kind === 'open') {
          openedAt = timers.now();
          host.opened();
          continue;
        }
        if (item.kind === 'reset') {
          if (item.cursor < core.cursor) {
            // The server's log is behind this store (restored or recreated): the cursor never moves back, so
            // the stream will keep saying reset. Only a new store (a page reload) recovers; say so loudly.
            host.logger?.warn('The server\'s log is behind the store\'s cursor; a new store is needed.', { cursor: core.cursor, serverCursor: item.cursor });
          }
          core.requestSnapshot(); // the next round takes the snapshot, then reconnects from its cursor
          break;
        }
        if (item.kind === 'disconnect') break;
        healthy = true;
        applyItem(host, item);
      }
    } catch (error) {
      if (stop.aborted) return;
      host.failed(error);
      host.logger?.warn('The event stream failed; reconnecting from the cursor.', { transport: transport.name, failures: failures + 1, ...describeError(error) });
    }
    if (stop.aborted) return;
    if (openedAt !== undefined && timers.now() - openedAt >= host.stableAfterMs) healthy = true;
    failures = healthy ? 0 : failures + 1;
    host.reconnecting();
    // Jitter (in the policy) keeps a restarted server from being hit by every client at the same instant.
    await sleep(timers, host.reconnect.delayAfterFailures(failures, host.random), stop);
  }
}

/**
 * Each item in its own try/catch (Zulip's server_events): an item the store fails on is reported and
 * skipped, its seq counted, so one bad event never stops the stream nor is re-read forever.
 */
function applyItem(host: StreamLoopHost, item: Extract<StreamItem, { kind: 'event' | 'cursor' | 'signal' }>): void {
  try {
    if (item.kind === 'event') host.core.applyEvent(item.event);
    else if (item.kind === 'cursor') host.core.advanceCursor(item.cursor);
    else host.signal(item.signal);
  } catch (error) {
    host.report(error);
    if (item.kind === 'event') {
      host.logger?.warn('Skipped an event the store failed on; its seq counts.', { seq: item.event.seq, type: item.event.type });
      host.core.advanceCursor(item.event.seq);
    }
  }
}
