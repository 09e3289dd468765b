import type { WidgetAttributes, WidgetIdentity } from '@switchboard/client';

/** Events the host page can listen to. `message` gets the team message's text; `unread` the count. */
export type HostEvent = 'ready' | 'opened' | 'closed' | 'message' | 'unread';
type Handler = (detail?: unknown) => void;

/** What the widget does for the host page. */
export interface HostActions {
  open(): void;
  close(): void;
  toggle(): void;
  identify(identity: WidgetIdentity): Promise<void>;
  setAttributes(attributes: WidgetAttributes): Promise<void>;
}

/** `window.Switchboard`: the host page's API (web/widget/README.md). */
export interface SwitchboardApi extends HostActions {
  on(event: HostEvent, handler: Handler): void;
  off(event: HostEvent, handler: Handler): void;
  /** Calls made before the script loaded (`[method, ...args]`); after load, pushing one runs it at once. */
  q: { push(call: unknown): number };
}

/** The events to fire, for the widget. */
export interface HostEvents {
  emit(event: HostEvent, detail?: unknown): void;
}

/**
 * Installs `window.Switchboard`, runs the calls the page queued before the script loaded
 * (`window.Switchboard = window.Switchboard || {q: []}; Switchboard.q.push(['identify', {...}])`), and returns the
 * emitter. One bad queued call or handler never stops the others.
 */
export function installHostApi(actions: HostActions): HostEvents {
  const handlers = new Map<HostEvent, Set<Handler>>();
  const run = (call: unknown): void => {
    if (!Array.isArray(call) || typeof call[0] !== 'string') return;
    const [method, ...args] = call as [string, ...unknown[]];
    const fn = (api as unknown as Record<string, unknown>)[method];
    if (typeof fn !== 'function' || method === 'q') return;
    try {
      const result: unknown = (fn as (...a: unknown[]) => unknown).apply(api, args);
      if (result instanceof Promise) result.catch((e: unknown) => console.warn('Switchboard:', method, e));
    } catch (error) {
      console.warn('Switchboard:', method, error);
    }
  };
  const api: SwitchboardApi = {
    open: () => actions.open(),
    close: () => actions.close(),
    toggle: () => actions.toggle(),
    identify: (identity) => actions.identify(identity),
    setAttributes: (attributes) => actions.setAttributes(attributes),
    on: (event, handler) => { (handlers.get(event) ?? handlers.set(event, new Set()).get(event)!).add(handler); },
    off: (event, handler) => { handlers.get(event)?.delete(handler); },
    q: { push: (call) => { run(call); return 0; } },
  };
  const w = window as unknown as { Switchboard?: { q?: unknown } };
  const queued = w.Switchboard?.q;
  w.Switchboard = api;
  if (Array.isArray(queued)) for (const call of queued) run(call);
  return {
    emit(event, detail) {
      for (const handler of handlers.get(event) ?? []) {
        try {
          handler(detail);
        } catch (error) {
          console.warn('Switchboard: a handler of', event, 'failed', error);
        }
      }
    },
  };
}
