import { Admin } from '../support/admin';
import { DashboardOperator } from '../support/dashboardOperator';
import { expect, test } from '../support/fixtures';

// Admin → Widget on the dashboard (issue 19): the live preview is the widget's own view with the unsaved settings,
// it makes no network calls, and saving stores them. Runs once, in the widget+dashboard project.

test('the widget settings preview the unsaved look live, then save', async ({ browser, server, operatorKind, dashboardMissing }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Runs in the widget+dashboard project, with the dashboard built.');
  // The demo inbox is every other test's: its settings are put back at the end.
  const api = await Admin.login(server.baseURL);
  const demo = ((await api.call('GET', '/inboxes')).json.items as { id: number; channel: string }[]).find((i) => i.channel === 'widget')!;
  const original = await api.widgetSettings(demo.id);
  const admin = await DashboardOperator.login(browser, server.baseURL, 'admin@example.com');
  try {
    const page = admin.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    const section = page.locator('#widget');
    await expect(section.getByRole('heading', { name: 'Widget' })).toBeVisible();
    const form = section.getByRole('form', { name: 'Widget settings' });
    const preview = section.locator('.widget-preview-frame');
    // The preview's own shadow DOM: the launcher and the header of the real widget view.
    await expect(preview.locator('.launcher')).toBeVisible({ timeout: 15_000 });
    // Inside its box, beside the settings: not floating over the Admin page like a widget on a site.
    const frame = (await preview.boundingBox())!;
    for (const part of [preview.locator('.panel'), preview.locator('.launcher')]) {
      const box = (await part.boundingBox())!;
      expect(box.x >= frame.x && box.y >= frame.y && box.x + box.width <= frame.x + frame.width + 0.5 && box.y + box.height <= frame.y + frame.height + 0.5,
        `${JSON.stringify(box)} inside ${JSON.stringify(frame)}`).toBe(true);
    }

    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await form.getByLabel('Colour').fill('#ffd43b');
    await form.getByLabel('Greeting').fill('Ahoy from the preview');
    await form.getByLabel('Team name').fill('Preview crew');
    await form.getByLabel('Language').selectOption('ar');
    await expect(preview.locator('.launcher')).toHaveCSS('background-color', 'rgb(255, 212, 59)');
    await expect(preview.locator('.launcher')).toHaveCSS('color', 'rgb(17, 17, 17)');
    await expect(preview.locator('h2')).toHaveText('Preview crew');
    await expect(preview.locator('.panel')).toHaveCSS('direction', 'rtl');
    expect(requests.filter((u) => u.includes('/api/'))).toEqual([]); // the preview asks the server nothing

    await form.getByLabel(/Allowed origins/).fill('https://shop.example.com\nnot an origin');
    await expect(form.getByText('Not an origin: not an origin')).toBeVisible();
    await form.getByLabel(/Allowed origins/).fill('https://shop.example.com\nhttps://*.example.com');
    await form.getByRole('button', { name: 'Save widget settings' }).click();
    await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Widget settings saved.' }).first()).toBeVisible();
    await expect.poll(async () => (await api.widgetSettings(demo.id))['greeting']).toBe('Ahoy from the preview');
    const saved = await api.widgetSettings(demo.id);
    expect([saved['color'], saved['language'], saved.allowedOrigins]).toEqual(['#ffd43b', 'ar', ['https://shop.example.com', 'https://*.example.com']]);
  } finally {
    await admin.close();
    await api.call('PUT', `/inboxes/${demo.id}/widget`, original);
  }
});
