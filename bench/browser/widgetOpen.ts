import type { Browser } from 'playwright-core';
import { MainThread, installProbes, longTasksSince, since, type LongTasks, type ThreadTime } from './mainThread.ts';
import type { Scene } from './seed.ts';

/** One opening of the widget's panel on a visitor's conversation. */
export interface WidgetOpen {
  readonly unread: number;
  /** Main-thread time from the click to idle (the newest line shown, the read receipt's status flood applied). */
  readonly mainThread: ThreadTime;
  /** Click (the event's timestamp) to the frame that shows the newest message, and to idle. */
  readonly toNewestMs: number;
  readonly toIdleMs: number;
  readonly longTasks: LongTasks;
  /** Lines in the log once idle (the widget keeps a window of them, not the transcript). */
  readonly linesInDom: number;
}

/**
 * The visitor comes back to the demo shop: the widget resumes the saved session (sessionStore.ts's
 * `switchboard:<inbox>` key) with the panel closed, loads the newest page and acknowledges delivery. Once the page
 * is idle the launcher is clicked, and the panel is measured until the newest line is shown and the page is idle
 * again (the read receipt sent and the status events it causes applied).
 */
export async function openWidget(browser: Browser, baseURL: string, scene: Scene): Promise<WidgetOpen> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(installProbes);
    await context.addInitScript(({ inbox, visitor }) => localStorage.setItem(`switchboard:${inbox}`, JSON.stringify({ token: visitor })),
      { inbox: scene.inboxToken, visitor: scene.visitorToken });
    const page = await context.newPage();
    const delivered = page.waitForRequest((r) => r.url().endsWith(`/conversations/${scene.conversationId}/receipts`) && r.postDataJSON()?.status === 'delivered', { timeout: 30_000 });
    await page.goto('/');
    await delivered;
    const launcher = page.getByRole('button', { name: 'Open chat' });
    const box = await launcher.boundingBox({ timeout: 10_000 });
    if (box === null) throw new Error('The launcher is not on the page.');
    const thread = await MainThread.attach(page);
    await thread.idle();
    // The page's own clock: the click's timestamp, then the first frame whose log ends with the newest message.
    await page.evaluate((lastText) => {
      const w = window as unknown as { __open: Promise<{ clickAt: number; shownAt: number }> };
      w.__open = new Promise((resolve) => {
        addEventListener('click', (event) => {
          const clickAt = event.timeStamp;
          const frame = (): void => {
            const log = document.getElementById('switchboard-widget')?.shadowRoot?.querySelector('[role=log]');
            const last = log?.querySelector('article:last-of-type .bubble');
            if (last?.textContent === lastText) resolve({ clickAt, shownAt: performance.now() });
            else requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        }, { capture: true, once: true });
      });
    }, scene.lastText);
    const read = page.waitForResponse((r) => r.url().endsWith(`/conversations/${scene.conversationId}/receipts`) && r.request().postDataJSON()?.status === 'read', { timeout: 30_000 });
    const before = await thread.read();
    const clickedAt = Date.now();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const { clickAt, shownAt } = await page.evaluate(() => (window as unknown as { __open: Promise<{ clickAt: number; shownAt: number }> }).__open);
    await read;
    const after = await thread.idle();
    const linesInDom = await page.evaluate(() => document.getElementById('switchboard-widget')?.shadowRoot?.querySelectorAll('[role=log] article').length ?? 0);
    const longTasks = await longTasksSince(page, clickAt);
    await thread.detach();
    // Idle is when the quiet window began (within the 100 ms of sampling), on the benchmark's clock.
    return { unread: scene.visitorUnread, mainThread: since(before, after.time), toNewestMs: shownAt - clickAt, toIdleMs: after.at - clickedAt, longTasks, linesInDom };
  } finally {
    await context.close();
  }
}
