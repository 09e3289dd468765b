import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { Admin } from '../support/admin';
import { expect, test } from '../support/fixtures';
import { HostSite } from '../support/hostSite';
import { Visitor } from '../support/visitor';

// The widget on a customer's website (issue 19): another loopback origin with a strict CSP, allowed or refused by the
// inbox, verified identities, the admin's settings reaching a running widget, right to left, and inside an iframe.
// Each test uses a widget inbox of its own. Run once (the widget+api project): the operator side is the REST API.

const docs = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');
let site: HostSite;
let refused: HostSite;
let admin: Admin;

test.beforeEach(({ operatorKind }) => { test.skip(operatorKind !== 'api', 'The cross-origin widget runs once, in the widget+api project.'); });
test.beforeAll(async ({ server }) => {
  site = await HostSite.start(server.baseURL);
  refused = await HostSite.start(server.baseURL);
  admin = await Admin.login(server.baseURL);
});
test.afterAll(async () => {
  await site?.stop();
  await refused?.stop();
});

/** A widget inbox of this test, allowed on the host site, asking for an optional name and email. */
async function inbox(change: Record<string, unknown> = {}): Promise<{ id: number; token: string }> {
  const created = await admin.createWidgetInbox();
  await admin.updateWidget(created.id, { allowedOrigins: [site.origin], preChat: { name: 'optional', email: 'optional' }, ...change });
  return created;
}

const violations = (v: Visitor) => v.page.evaluate(() => (window as unknown as { __site: { violations: string[] } }).__site.violations);

test('a visitor on an allowed origin with a strict CSP chats with an operator both ways', async ({ browser, operator, uniqueName }) => {
  const { token } = await inbox();
  const visitor = await Visitor.visit(browser, site.url({ inbox: token }), uniqueName('Cora'));
  try {
    await visitor.startChat();
    await visitor.send('Hello from another website');
    await operator.openConversation(visitor.name);
    await operator.expectMessage('customer', 'Hello from another website');
    await operator.send('Hello back, across origins');
    await visitor.expectMessage('operator', 'Hello back, across origins');
    await expect(visitor.status('Hello from another website', 'read')).toBeVisible();
    // The styles applied (constructable stylesheets are not subject to style-src) and nothing was blocked.
    await expect(visitor.launcher).toHaveCSS('position', 'fixed');
    expect(await violations(visitor)).toEqual([]);
    const events = await visitor.page.evaluate(() => (window as unknown as { __site: { events: { name: string }[] } }).__site.events.map((e) => e.name));
    expect(events).toEqual(expect.arrayContaining(['ready', 'opened', 'message']));
  } finally {
    await visitor.close();
  }
});

test('a page on a refused origin shows the visitor a plain message', async ({ browser }) => {
  const { token } = await inbox();
  const visitor = await Visitor.visit(browser, refused.url({ inbox: token }), 'Rita');
  try {
    await visitor.launcher.click();
    await expect(visitor.panel).toContainText('Chat is not available on this website.');
    await expect(visitor.composer).toHaveCount(0);
  } finally {
    await visitor.close();
  }
});

test('a verified identity continues its history in a second browser; a forged hash is refused', async ({ browser, operator, uniqueName }) => {
  const { id, token } = await inbox({ identityVerification: 'optional' });
  const secret = await admin.rotateIdentitySecret(id);
  const userId = uniqueName('user').replace(' ', '-');
  const hash = createHmac('sha256', secret).update(userId).digest('hex');
  const first = await Visitor.visit(browser, site.url({ inbox: token, userId, hash }), userId);
  try {
    await first.launcher.click();
    await expect(first.composer).toBeVisible({ timeout: 15_000 }); // verified: no pre-chat form
    await first.send('Written on my laptop');
    await first.expectMessage('customer', 'Written on my laptop');
  } finally {
    await first.close();
  }
  const second = await Visitor.visit(browser, site.url({ inbox: token, userId, hash }), userId);
  try {
    await second.launcher.click();
    await second.expectMessage('customer', 'Written on my laptop');
  } finally {
    await second.close();
  }
  const forged = await Visitor.visit(browser, site.url({ inbox: token, userId, hash: hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) }), userId);
  try {
    await forged.launcher.click();
    await expect(forged.panel).toContainText('Please sign in to chat with us.');
    await expect(forged.log).toHaveCount(0);
  } finally {
    await forged.close();
  }
  void operator;
});

test('the admin\'s colour, greeting, language and business hours reach the running widget without a new snippet', async ({ browser, uniqueName }) => {
  const { id, token } = await inbox({ color: '#1e3a8a', greeting: 'Welcome to Acme!', language: null });
  const visitor = await Visitor.visit(browser, site.url({ inbox: token }), uniqueName('Dora'));
  try {
    await visitor.startChat({ skip: true });
    await expect(visitor.log).toContainText('Welcome to Acme!');
    await expect(visitor.launcher).toHaveCSS('background-color', 'rgb(30, 58, 138)');
    await visitor.page.keyboard.press('Escape');

    // Closed all week except a day that is not today (UTC), German, a light colour (so dark text), a new greeting.
    const other = (new Date().getUTCDay() + 3) % 7;
    await admin.updateWidget(id, {
      color: '#ffd43b', greeting: 'Willkommen bei Acme!', language: 'de',
      businessHours: { enabled: true, timeZone: 'UTC', weekly: [{ day: other, open: '09:00', close: '17:00' }], holidays: [] },
    });
    const launcher = visitor.page.getByRole('button', { name: /^Chat (öffnen|schließen)$/ });
    await visitor.page.getByRole('button', { name: 'Open chat' }).click(); // opening reads the config again
    const panel = visitor.page.getByRole('dialog', { name: 'Chat' });
    await expect(launcher).toHaveCSS('background-color', 'rgb(255, 212, 59)');
    await expect(launcher).toHaveCSS('color', 'rgb(17, 17, 17)');
    await expect(panel).toContainText(/Wir sind .+ um .+ wieder da/);
    await expect(panel.getByRole('textbox', { name: 'Nachricht' })).toBeVisible();
    await expect(panel.getByRole('textbox', { name: 'E-Mail' })).toBeVisible(); // the email form while closed
    expect(await violations(visitor)).toEqual([]);
  } finally {
    await visitor.close();
  }
});

test('Arabic renders right to left, mirrored', async ({ browser }) => {
  const { token } = await inbox({ position: 'right', teamName: 'متجر أكمي' });
  const visitor = await Visitor.visit(browser, site.url({ inbox: token, lang: 'ar' }), 'Amal', { width: 1000, height: 760 });
  try {
    const launcher = visitor.page.getByRole('button', { name: 'افتح المحادثة' });
    await launcher.click();
    const panel = visitor.page.getByRole('dialog', { name: 'محادثة' });
    await expect(panel).toBeVisible();
    await expect(panel).toHaveCSS('direction', 'rtl');
    await expect(visitor.page.locator('#switchboard-widget')).toHaveAttribute('dir', 'rtl');
    // `right` is the end of the line: in Arabic, the left corner.
    const box = await panel.boundingBox();
    expect(box!.x).toBeLessThan(100);
    await panel.getByRole('button', { name: 'تخطَّ' }).click();
    const composer = panel.getByRole('textbox', { name: 'رسالة' });
    await composer.fill('مرحبا، هل تشحنون إلى دبي؟');
    await composer.press('Enter');
    await expect(panel.getByRole('article', { name: 'customer message' })).toHaveCount(1);
    const own = await panel.getByRole('article', { name: 'customer message' }).boundingBox();
    expect(own!.x).toBeLessThan(box!.x + box!.width / 2); // one's own messages sit at the start side: the left
    await visitor.page.screenshot({ path: join(docs, 'widget-rtl.png') });
  } finally {
    await visitor.close();
  }
});

test('the widget works inside an iframe', async ({ browser, operator, uniqueName }) => {
  const { token } = await inbox();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(site.url({ inbox: token }, true));
    const frame = page.frameLocator('iframe[title="Shop"]');
    const name = uniqueName('Ivo');
    await frame.getByRole('button', { name: 'Open chat' }).click();
    await frame.getByRole('textbox', { name: 'Name' }).fill(name);
    await frame.getByRole('button', { name: 'Start chat' }).click();
    const composer = frame.getByRole('textbox', { name: 'Message' });
    await composer.fill('Hi from a frame');
    await composer.press('Enter');
    await operator.openConversation(name);
    await operator.expectMessage('customer', 'Hi from a frame');
    await operator.send('Framed answer');
    await expect(frame.getByRole('article', { name: 'operator message' })).toContainText('Framed answer');
  } finally {
    await context.close();
  }
});
