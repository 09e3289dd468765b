import type { Browser, Page } from 'playwright-core';
import { demoPassword } from '../../tests/browser/support/server.ts';
import { MainThread, installProbes, longTasksSince, since, type PageProbes, type LongTasks, type ThreadTime } from './mainThread.ts';
import type { Scene } from './seed.ts';

export interface ScrollOptions {
  readonly seconds: number;
  /** How far the log moves up each frame. */
  readonly pxPerFrame: number;
}

/** One scroll through a log, frame by frame. */
export interface Scroll {
  /** requestAnimationFrame deltas while scrolling, ms. */
  readonly frames: readonly number[];
  readonly scrolledPx: number;
  readonly mainThread: ThreadTime;
  readonly longTasks: LongTasks;
}

export interface DashboardScroll extends Scroll {
  readonly teamUnread: number;
  /** Navigation to the frame that shows the newest message. */
  readonly openMs: number;
  /** Main-thread time of that opening (the scroll's own is `mainThread`). */
  readonly openMainThread: ThreadTime;
  /** Messages the dashboard fetched for this conversation (its pages of history), from opening to the end. */
  readonly messagesLoaded: number;
  /** Frames its WebSocket received from opening to the end (one event each: the read receipt's status flood shows here). */
  readonly eventsReceived: number;
  /** WebSocket messages those frames came in. */
  readonly wsMessages: number;
}

const viewport = { width: 1280, height: 800 };

/**
 * The operator signs in, waits until the dashboard is idle, then opens the conversation inside the running app (as
 * a click in the list does: the router follows popstate) and, in the first frame that shows its newest message,
 * starts scrolling the log up: `pxPerFrame` per animation frame for `seconds`, recording each frame's delta. Older
 * pages load on the way, as they do for a reader.
 */
export async function scrollDashboard(browser: Browser, baseURL: string, email: string, scene: Scene, teamUnread: number, options: ScrollOptions): Promise<DashboardScroll> {
  const context = await browser.newContext({ baseURL, viewport });
  try {
    await context.addInitScript(installProbes);
    const page = await context.newPage();
    // Listening from the start: the dashboard opens its WebSocket while signing in.
    let messagesLoaded = 0;
    const pages = `/conversations/${scene.conversationId}/messages`;
    page.on('response', (response) => {
      if (response.request().method() !== 'GET' || !new URL(response.url()).pathname.endsWith(pages)) return;
      response.json().then((body: { items?: unknown[] }) => { messagesLoaded += body.items?.length ?? 0; }, () => {});
    });
    let eventsReceived = 0;
    let wsMessages = 0;
    // A batched stream (frames=batch) carries several frames per message, one per line.
    page.on('websocket', (socket) => socket.on('framereceived', (f) => { wsMessages++; eventsReceived += String(f.payload).split('\n').length; }));
    await page.goto('/app');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 15_000 });
    const thread = await MainThread.attach(page);
    await thread.idle();
    messagesLoaded = 0;
    eventsReceived = 0;
    wsMessages = 0;
    const opening = await thread.read();
    const { openMs } = await page.evaluate(([path, lastText]) => {
      const start = performance.now();
      history.pushState(null, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
      return new Promise<{ openMs: number }>((resolve) => {
        const frame = (): void => {
          const articles = document.querySelectorAll('[role=log] article');
          if (articles[articles.length - 1]?.textContent?.includes(lastText)) resolve({ openMs: performance.now() - start });
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    }, [`/app/inbox/${scene.conversationId}`, scene.lastText] as const);
    const openThread = since(opening, await thread.read());
    const scroll = await measuredScroll(page, thread, options);
    return { teamUnread, openMs, openMainThread: openThread, ...scroll, messagesLoaded, eventsReceived, wsMessages };
  } finally {
    await context.close();
  }
}

/** The baseline: the same scroll over a static page of `count` plain divs (no framework, no data), from its end. */
export async function scrollStaticPage(browser: Browser, count: number, options: ScrollOptions): Promise<Scroll> {
  const context = await browser.newContext({ viewport });
  try {
    await context.addInitScript(installProbes);
    const page = await context.newPage();
    const url = 'http://static.bench.invalid/';
    const rows = Array.from({ length: count }, (_, i) => `<div class="row"><b>Customer</b><p>c${i} question from the customer</p></div>`).join('');
    const html = `<!doctype html><html><head><style>body{margin:0;font:14px system-ui}.log{height:100vh;overflow:auto}.row{padding:12px 16px;border-bottom:1px solid #eee}p{margin:4px 0 0}</style></head>
<body><div class="log" role="log">${rows}</div></body></html>`;
    // Served by the browser context itself: nothing leaves the machine, and the init scripts run as on any page.
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(url);
    const thread = await MainThread.attach(page);
    await page.evaluate(() => { const log = document.querySelector('[role=log]')!; log.scrollTop = log.scrollHeight; });
    await thread.idle();
    return await measuredScroll(page, thread, options);
  } finally {
    await context.close();
  }
}

async function measuredScroll(page: Page, thread: MainThread, options: ScrollOptions): Promise<Scroll> {
  const before = await thread.read();
  const startedAt = await page.evaluate(() => performance.now());
  const result = await page.evaluate(([seconds, px]) => (window as unknown as PageProbes).__scrollUp(seconds, px), [options.seconds, options.pxPerFrame] as const);
  const after = await thread.read();
  const longTasks = await longTasksSince(page, startedAt);
  await thread.detach();
  return { ...result, mainThread: since(before, after), longTasks };
}
