import { expect, test } from '../support/fixtures';
import { DashboardOperator } from '../support/dashboardOperator';

// The smaller points: an operator never meets a 403 while moving around (Admin is for admins), every page has one
// main landmark, statistics are readable (axis labels ≥ 11 px) and only today is live, faint text has ≥ 4.5:1
// contrast, and there is a favicon.

test('an operator never sees a 403, and each page has one main landmark', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  const operator = await DashboardOperator.login(browser, server.baseURL);
  const page = operator.page;
  const refused: string[] = [];
  page.on('response', (r) => { if (r.status() === 403) refused.push(`${r.request().method()} ${r.url()}`); });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Admin' }), 'Admin is not offered to operators').toHaveCount(0);

  for (const [link, heading] of [['Inbox', null], ['Waiting room', 'Waiting room'], ['Statistics', 'Statistics']] as const) {
    await nav.getByRole('link', { name: link }).click();
    if (heading !== null) await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('main'), `one main landmark on ${link}`).toHaveCount(1);
  }
  // Typed in by hand: a page that says so, and no admin endpoint is called.
  await page.goto('/app/admin');
  await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  await nav.getByRole('link', { name: 'Inbox' }).click();
  await expect(page.getByRole('list', { name: 'Conversations' }).or(page.getByText('Nothing assigned to you'))).toBeVisible();
  expect(refused).toEqual([]);

  // A favicon, served by the server (and /favicon.ico leads to it).
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /favicon\.svg|^data:image\/png/);
  const icon = await page.request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  await operator.close();
});

test('statistics: readable chart labels, only today live, faint text with enough contrast', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs once, against the dashboard.');
  for (const width of [1440, 900]) {
    const operator = await DashboardOperator.login(browser, server.baseURL, 'operator@example.com', { viewport: { width, height: 900 } });
    const page = operator.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
    await expect(page.getByRole('table', { name: 'Days' })).toBeVisible();
    const rows = page.getByRole('table', { name: 'Days' }).getByRole('row');
    await expect(rows).toHaveCount(8); // a header and the last 7 days
    const live = rows.filter({ hasText: 'live' });
    await expect(live, 'only one day is live').toHaveCount(1);
    await expect(rows.last(), 'the live day is the newest: today').toContainText('live');

    // Each axis label's rendered height in CSS pixels (font size × the SVG's scale).
    const sizes = await page.locator('svg.chart text').evaluateAll((els) => els.map((el) => {
      const svg = (el as SVGTextElement).ownerSVGElement!;
      return parseFloat(getComputedStyle(el).fontSize) * svg.getScreenCTM()!.a;
    }));
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes), `smallest chart label at ${width} px`).toBeGreaterThanOrEqual(11);
    await operator.close();
  }

  // Timestamps and hints: contrast against the background they are drawn on.
  const operator = await DashboardOperator.login(browser, server.baseURL);
  await operator.page.getByRole('tablist', { name: 'Filters' }).getByRole('tab', { name: 'All' }).click();
  await expect(operator.page.getByRole('list', { name: 'Conversations' }).locator('time').first()).toBeVisible();
  const ratios = await operator.page.evaluate(() => {
    const rgb = (s: string): number[] => s.match(/[\d.]+/g)!.slice(0, 3).map(Number);
    const lum = (c: number[]): number => {
      const [r, g, b] = c.map((v) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const background = (el: Element | null): number[] => {
      for (; el !== null; el = el.parentElement) {
        const bg = getComputedStyle(el).backgroundColor;
        if (!bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return rgb(bg);
      }
      return [255, 255, 255];
    };
    return [...document.querySelectorAll('.conversation-list time, .hint')].map((el) => {
      const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
      return { text: el.textContent, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
    });
  });
  expect(ratios.length).toBeGreaterThan(0);
  for (const r of ratios) expect(r.ratio, `contrast of "${r.text}"`).toBeGreaterThanOrEqual(4.5);
  await operator.close();
});
