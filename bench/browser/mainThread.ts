import type { CDPSession, Page } from 'playwright-core';

// The renderer's main-thread time, read through the Chrome DevTools Protocol (Performance.getMetrics: cumulative
// seconds of tasks, script, layout and style recalculation of the page's main thread), and the long tasks the page
// itself observed (PerformanceObserver 'longtask', installed before any script of the page runs), and the scroll
// driver every scroll measurement uses.

export interface ThreadTime {
  readonly taskMs: number;
  readonly scriptMs: number;
  readonly layoutMs: number;
  readonly styleMs: number;
}

export interface LongTasks {
  readonly count: number;
  readonly totalMs: number;
  readonly maxMs: number;
}

export class MainThread {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<MainThread> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    return new MainThread(cdp);
  }

  async read(): Promise<ThreadTime> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const get = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { taskMs: get('TaskDuration'), scriptMs: get('ScriptDuration'), layoutMs: get('LayoutDuration'), styleMs: get('RecalcStyleDuration') };
  }

  /**
   * Waits until the main thread is idle: less than `budgetMs` of task time within `windowMs`, sampled every 100 ms,
   * for at most `timeoutMs`. Resolves with the reading at the start of the idle window and when it was taken
   * (Date.now()), so the window's own few samples are not counted as work.
   */
  async idle(options: { windowMs?: number; budgetMs?: number; timeoutMs?: number } = {}): Promise<{ time: ThreadTime; at: number }> {
    const { windowMs = 500, budgetMs = 3, timeoutMs = 20_000 } = options;
    const samples: { at: number; time: ThreadTime }[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      samples.push({ at: Date.now(), time: await this.read() });
      const last = samples[samples.length - 1]!;
      const start = samples.find((s) => last.at - s.at <= windowMs);
      if (start !== undefined && last.at - samples[0]!.at >= windowMs && last.time.taskMs - start.time.taskMs < budgetMs) return start;
      if (Date.now() > deadline) throw new Error(`The main thread did not go idle within ${timeoutMs} ms.`);
      await new Promise((r) => setTimeout(r, 100)); // the sampling interval
    }
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}

export function since(before: ThreadTime, after: ThreadTime): ThreadTime {
  return { taskMs: after.taskMs - before.taskMs, scriptMs: after.scriptMs - before.scriptMs, layoutMs: after.layoutMs - before.layoutMs, styleMs: after.styleMs - before.styleMs };
}

/** What `installProbes` gives a page. */
export interface PageProbes {
  readonly __longTasks: { start: number; duration: number }[];
  /** Moves the first role=log up by `px` each animation frame for `seconds`; the frames' deltas (ms) and how far it went. */
  __scrollUp(seconds: number, px: number): Promise<{ frames: number[]; scrolledPx: number }>;
}

/**
 * An init script (it runs before the page's own scripts): records every long task of the page in `__longTasks`,
 * and defines `__scrollUp`, the one scroll driver of every scroll measured.
 */
export const installProbes = (): void => {
  const longTasks: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  const probes: PageProbes = {
    __longTasks: longTasks,
    __scrollUp: (seconds, px) => new Promise((resolve) => {
      const frames: number[] = [];
      let scrolledPx = 0;
      let previous: number | undefined;
      const end = performance.now() + seconds * 1000;
      const frame = (now: number): void => {
        if (previous !== undefined) frames.push(now - previous);
        previous = now;
        // Looked up each frame: a view may replace its log element (the dashboard's "loading" log, then the list).
        const log = document.querySelector<HTMLElement>('[role=log]');
        if (log !== null) {
          const from = log.scrollTop;
          log.scrollTop = Math.max(0, from - px);
          scrolledPx += from - log.scrollTop;
        }
        if (now < end) requestAnimationFrame(frame);
        else resolve({ frames, scrolledPx });
      };
      requestAnimationFrame(frame);
    }),
  };
  Object.assign(window, probes);
};

/** The long tasks that started at or after `fromMs` (the page's performance.now()). */
export async function longTasksSince(page: Page, fromMs: number): Promise<LongTasks> {
  const tasks = await page.evaluate((from) => (window as unknown as PageProbes).__longTasks
    .filter((t) => t.start >= from).map((t) => t.duration), fromMs);
  return { count: tasks.length, totalMs: tasks.reduce((a, b) => a + b, 0), maxMs: tasks.reduce((a, b) => Math.max(a, b), 0) };
}
