import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserType } from 'playwright-core';
import { SwitchboardServer } from '../../tests/browser/support/server.ts';
import { scrollDashboard, scrollStaticPage, type DashboardScroll, type Scroll, type ScrollOptions } from './dashboardScroll.ts';
import { load, machine, median, percentile, table, type Row } from './report.ts';
import { Seeder, type Scene } from './seed.ts';
import { openWidget, type WidgetOpen } from './widgetOpen.ts';

// Issue 18's budgets in a real browser: the widget opening on 1,000 unread messages (main-thread time), and the
// dashboard scrolling a 10,000-message conversation right after opening it (frame times), each beside a baseline
// measured in the same run. See bench/README.md.

const repo = resolve(import.meta.dirname, '../..');
const budgets = { widgetMainThreadMs: 300, dashboardP95FrameMs: 20 };
const operator = 'operator@example.com';

interface Options {
  readonly runs: number;
  readonly unread: number;
  readonly messages: number;
  readonly baselineUnread: number;
  readonly inFlight: number;
  readonly scroll: ScrollOptions;
  readonly out: string;
}

function parse(args: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args[i + 1];
  };
  const number = (name: string, fallback: number): number => {
    const n = Number(value(name) ?? fallback);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} wants a positive number, not ${value(name)}`);
    return n;
  };
  // --smoke: every step once on small scenes, in seconds; proves the benchmark works, measures nothing worth quoting.
  const smoke = args.includes('--smoke');
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return {
    runs: number('--runs', smoke ? 1 : 5),
    unread: number('--unread', smoke ? 50 : 1_000),
    messages: number('--messages', smoke ? 500 : 10_000),
    baselineUnread: number('--baseline-unread', 10),
    inFlight: number('--in-flight', 12),
    scroll: { seconds: number('--seconds', smoke ? 1 : 5), pxPerFrame: number('--px-per-frame', 100) },
    out: resolve(value('--out') ?? join(repo, 'bench', 'results', stamp)),
  };
}

interface Run {
  readonly widgetBaseline: WidgetOpen;
  readonly widget: WidgetOpen;
  readonly staticScroll: Scroll;
  readonly dashboard: DashboardScroll;
  /** The same conversation opened again: its customer messages are read now, so no status flood follows. */
  readonly dashboardReopened: DashboardScroll;
}

export async function main(args: readonly string[]): Promise<number> {
  const options = parse(args);
  const dll = resolve(process.env['SB_SERVER_DLL'] ?? join(repo, 'src/Switchboard.Server/bin/Release/net10.0/Switchboard.Server.dll'));
  if (!existsSync(dll) || !existsSync(join(repo, 'src/Switchboard.Server/wwwroot/app/index.html'))) {
    console.error(`No Release build with the web bundles (${dll}): run bench/run-browser, or dotnet build Switchboard.slnx -c Release.`);
    return 2;
  }
  process.env['SB_SERVER_DLL'] = dll;
  const loadBefore = load();
  console.log(`load average before: ${loadBefore.join(', ')}${(loadBefore[0] ?? 0) > 2 ? '  (above 2: other work on this machine will show in the figures)' : ''}`);
  const server = await SwitchboardServer.start(mkdtempSync(join(tmpdir(), 'sb-bench-browser-')));
  const { chromium } = createRequire(join(repo, 'tests/browser/package.json'))('playwright-core') as { chromium: BrowserType };
  let browser: Browser | undefined;
  try {
    const seeder = await Seeder.start(server.baseURL, operator, options.inFlight);
    const scenes = await seedAll(seeder, options);
    const chrome = browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    // One opening of each kind first, not counted: the server's JIT and the browser's code cache warm up.
    await openWidget(chrome, server.baseURL, scenes.warmWidget);
    const dashboard = async (scene: Scene): Promise<DashboardScroll> =>
      scrollDashboard(chrome, server.baseURL, operator, scene, await seeder.teamUnread(scene.conversationId), options.scroll);
    await dashboard(scenes.warmDashboard);
    const runs: Run[] = [];
    for (let r = 0; r < options.runs; r++) {
      const run: Run = {
        widgetBaseline: await openWidget(chrome, server.baseURL, scenes.runs[r]!.widgetBaseline),
        widget: await openWidget(chrome, server.baseURL, scenes.runs[r]!.widget),
        staticScroll: await scrollStaticPage(chrome, options.messages, options.scroll),
        dashboard: await dashboard(scenes.runs[r]!.dashboard),
        dashboardReopened: await dashboard(scenes.runs[r]!.dashboard),
      };
      runs.push(run);
      console.log(`run ${r + 1}/${options.runs}: widget ${run.widget.mainThread.taskMs.toFixed(0)} ms main thread (baseline ${run.widgetBaseline.mainThread.taskMs.toFixed(0)}), `
        + `dashboard scroll p95 ${percentile(run.dashboard.frames, 95).toFixed(1)} ms (reopened ${percentile(run.dashboardReopened.frames, 95).toFixed(1)}, `
        + `static ${percentile(run.staticScroll.frames, 95).toFixed(1)}), load ${load()[0]}`);
    }
    const result = summarize(options, runs, chrome.version(), loadBefore);
    mkdirSync(options.out, { recursive: true });
    writeFileSync(join(options.out, 'browser.json'), JSON.stringify(result, null, 2));
    console.log(`\n${result.tables}\n\nresults: ${join(options.out, 'browser.json')}`);
    return 0;
  } finally {
    await browser?.close();
    await server.dispose();
  }
}

interface Scenes {
  readonly warmWidget: Scene;
  readonly warmDashboard: Scene;
  readonly runs: { widgetBaseline: Scene; widget: Scene; dashboard: Scene }[];
}

/** Every conversation the run opens, written first (each opening needs its own unread messages), before any measurement. */
async function seedAll(seeder: Seeder, options: Options): Promise<Scenes> {
  const started = Date.now();
  // The visitor says hello, then the team writes: everything after the first message is unread by the visitor.
  const widget = (name: string, unread: number) => seeder.conversation(name, unread + 1, (i) => i === 0);
  // Two customer messages, then two replies, and so on: half the transcript is unread by the team.
  const dashboard = (name: string, messages: number) => seeder.conversation(name, messages, (i) => i % 4 < 2);
  const warmWidget = await widget('Warm Widget', options.baselineUnread);
  const warmDashboard = await dashboard('Warm Dashboard', 200);
  const runs: Scenes['runs'] = [];
  for (let r = 1; r <= options.runs; r++) {
    runs.push({
      widgetBaseline: await widget(`Brief Visitor ${r}`, options.baselineUnread),
      widget: await widget(`Unread Visitor ${r}`, options.unread),
      dashboard: await dashboard(`Long Customer ${r}`, options.messages),
    });
    console.log(`seeded run ${r}/${options.runs}: ${options.unread + options.baselineUnread + 2 + options.messages} messages, ${((Date.now() - started) / 1000).toFixed(0)} s so far`);
  }
  return { warmWidget, warmDashboard, runs };
}

function summarize(options: Options, runs: readonly Run[], browserVersion: string, loadBefore: number[]) {
  const med = (pick: (run: Run) => number): number => median(runs.map(pick));
  const widgetRow = (variant: string, pick: (run: Run) => WidgetOpen): Row => ({
    measure: 'widget open', variant, values: {
      'main thread ms': med((r) => pick(r).mainThread.taskMs), 'script ms': med((r) => pick(r).mainThread.scriptMs),
      'layout + style ms': med((r) => pick(r).mainThread.layoutMs + pick(r).mainThread.styleMs),
      'click to newest shown ms': med((r) => pick(r).toNewestMs), 'click to idle ms': med((r) => pick(r).toIdleMs),
      'long tasks': med((r) => pick(r).longTasks.count), 'longest task ms': med((r) => pick(r).longTasks.maxMs), 'lines in DOM': med((r) => pick(r).linesInDom),
    },
  });
  const scrollRow = (variant: string, pick: (run: Run) => Scroll): Row => ({
    measure: 'scroll', variant, values: {
      'frames': med((r) => pick(r).frames.length), 'p50 frame ms': med((r) => percentile(pick(r).frames, 50)),
      'p95 frame ms': med((r) => percentile(pick(r).frames, 95)), 'max frame ms': med((r) => percentile(pick(r).frames, 100)),
      'scrolled px': med((r) => pick(r).scrolledPx), 'main thread ms': med((r) => pick(r).mainThread.taskMs),
      'long tasks': med((r) => pick(r).longTasks.count), 'longest task ms': med((r) => pick(r).longTasks.maxMs),
    },
  });
  const ratio = (a: Row, b: Row): Row => ({
    measure: '**ratio**', variant: `${a.variant} ÷ ${b.variant}`,
    values: Object.fromEntries(Object.entries(a.values).map(([k, v]) => [k, v / (b.values[k] ?? Number.NaN)])),
  });
  const widgetRows = [widgetRow(`${options.baselineUnread} unread (baseline)`, (r) => r.widgetBaseline), widgetRow(`${options.unread.toLocaleString('en-US')} unread`, (r) => r.widget)];
  const scrollRows = [scrollRow(`static page, ${options.messages.toLocaleString('en-US')} divs (baseline)`, (r) => r.staticScroll),
    scrollRow(`dashboard, ${options.messages.toLocaleString('en-US')} messages, half unread`, (r) => r.dashboard),
    scrollRow(`dashboard, the same reopened, none unread`, (r) => r.dashboardReopened)];
  const openRow = (variant: string, pick: (run: Run) => DashboardScroll): Row => ({
    measure: 'dashboard open', variant, values: {
      'team unread': med((r) => pick(r).teamUnread), 'open ms': med((r) => pick(r).openMs),
      'open main thread ms': med((r) => pick(r).openMainThread.taskMs), 'messages loaded': med((r) => pick(r).messagesLoaded),
      'stream events': med((r) => pick(r).eventsReceived),
      'websocket messages': med((r) => pick(r).wsMessages),
    },
  });
  const openRows = [openRow(scrollRows[1]!.variant, (r) => r.dashboard), openRow(scrollRows[2]!.variant, (r) => r.dashboardReopened)];
  const widgetMs = widgetRows[1]!.values['main thread ms']!;
  const p95 = scrollRows[1]!.values['p95 frame ms']!;
  const verdict = {
    widgetMainThreadMs: { budget: budgets.widgetMainThreadMs, median: widgetMs, met: widgetMs < budgets.widgetMainThreadMs },
    dashboardP95FrameMs: { budget: budgets.dashboardP95FrameMs, median: p95, met: p95 < budgets.dashboardP95FrameMs },
  };
  const tables = [
    table('widget open', [...widgetRows, ratio(widgetRows[1]!, widgetRows[0]!)]),
    table('scroll up right after opening', [...scrollRows, ratio(scrollRows[1]!, scrollRows[0]!), ratio(scrollRows[2]!, scrollRows[0]!)]),
    table('dashboard opening (before the scroll; messages loaded and stream events count until the scroll ends)', openRows),
    `budgets: widget main thread ${widgetMs.toFixed(0)} ms < ${budgets.widgetMainThreadMs} ms: ${verdict.widgetMainThreadMs.met ? 'met' : 'MISSED'}; `
      + `dashboard scroll p95 ${p95.toFixed(1)} ms < ${budgets.dashboardP95FrameMs} ms: ${verdict.dashboardP95FrameMs.met ? 'met' : 'MISSED'}`,
  ].join('\n\n');
  return {
    date: new Date().toISOString(), machine: machine(browserVersion), loadAverage: { before: loadBefore, after: load() },
    options, budgets: verdict, medians: { widget: widgetRows, scroll: scrollRows, dashboardOpen: openRows }, runs, tables,
  };
}
