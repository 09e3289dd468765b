import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { expect, test } from '../support/fixtures';
import { Admin } from '../support/admin';
import { DashboardOperator } from '../support/dashboardOperator';
import { deliverWebhook, FakeGraph } from '../support/fakeGraph';
import { pdfFile, pngImage } from '../support/files';
import { TeamApi, type Customer } from '../support/team';
import { HostSite } from '../support/hostSite';
import { Visitor } from '../support/visitor';

// Attachments (issue 17), end to end against the real server. The visitor pastes a screenshot and attaches a PDF; the
// operator's dashboard shows both live (the thumbnail in the transcript, the full image in the viewer) and answers with
// a file the visitor then downloads. Through the API: an upload cut off mid-way and retried stores one file; HTML and
// SVG are refused and nothing stored is served so that it could run; a visitor cannot reach another conversation's
// file by id or with a doctored link, nor a note's file.

const screenshot = pngImage(1200, 800);
const receipt = pdfFile('Receipt 2291');
const manual = pdfFile('Manual of the kettle');

/** The widget session's bearer token, read from the page's storage (as the widget keeps it). */
function visitorToken(visitor: Visitor): Promise<string> {
  return visitor.page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('switchboard:') && !k.endsWith(':open'));
    return key === undefined ? '' : (JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string }).token ?? '';
  });
}

/** Files under a folder of the server's attachment store (`blobs`: stored content, `tmp`: uploads being received). */
function filesIn(dataDir: string, folder: 'blobs' | 'tmp'): number {
  const root = join(dataDir, 'attachments', folder);
  return existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0;
}

/** PUT one file's bytes as an attachment of a conversation. */
async function upload(baseURL: string, token: string, conversationId: number, id: string, name: string, bytes: Buffer, type: string): Promise<{ status: number; json: any }> {
  const answer = await fetch(`${baseURL}/api/v1/conversations/${conversationId}/attachments/${id}?name=${encodeURIComponent(name)}`, {
    method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': type }, body: bytes,
  });
  const text = await answer.text();
  return { status: answer.status, json: text === '' ? undefined : JSON.parse(text) };
}

/** Sends the first half of an upload announced whole, then drops the connection: the server sees a body cut off. */
function cutOffUpload(baseURL: string, token: string, conversationId: number, id: string, name: string, bytes: Buffer): Promise<void> {
  const url = new URL(`${baseURL}/api/v1/conversations/${conversationId}/attachments/${id}?name=${encodeURIComponent(name)}`);
  return new Promise((resolve) => {
    const request = httpRequest(url, { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/pdf', 'Content-Length': bytes.length } });
    request.on('error', () => resolve()); // the drop below ends the request this way
    request.on('response', () => resolve());
    request.write(bytes.subarray(0, bytes.length >> 1), () => setImmediate(() => { request.destroy(); resolve(); }));
  });
}

test('a visitor pastes a screenshot and attaches a PDF; the operator sees both live and answers with a file', async ({ browser, server, operatorKind, dashboardMissing, arrive }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Needs the dashboard: runs in the widget+dashboard project.');
  test.setTimeout(120_000);
  const visitor = await arrive('Pia');
  await visitor.startChat();
  await visitor.send('My kettle arrived broken, photo and receipt coming.');

  const dashboard = await DashboardOperator.login(browser, server.baseURL);
  try {
    await dashboard.openConversation(visitor.name);
    await dashboard.expectMessage('customer', 'My kettle arrived broken, photo and receipt coming.');

    // The visitor pastes a screenshot into the composer, then picks a PDF with the paperclip.
    await visitor.composer.evaluate((composer, bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'screenshot.png', { type: 'image/png' }));
      composer.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
    }, [...screenshot]);
    const chooser = visitor.page.waitForEvent('filechooser');
    await visitor.panel.getByRole('button', { name: 'Attach a file' }).click();
    await (await chooser).setFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: receipt });

    // The visitor's own transcript shows both, sent.
    await expect(visitor.log.getByRole('img', { name: 'screenshot.png' })).toBeVisible();
    await expect(visitor.log.getByRole('link', { name: /receipt\.pdf/ })).toBeVisible();

    // The operator sees both live: a thumbnail in the transcript, sized before it loads, then the full image.
    const thumbnail = dashboard.log.getByRole('img', { name: 'screenshot.png' });
    await expect(thumbnail).toBeVisible();
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const thumbWidth = await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(thumbWidth).toBeLessThanOrEqual(640);
    await dashboard.log.getByRole('button', { name: 'Open screenshot.png' }).click();
    const viewer = dashboard.page.getByRole('dialog', { name: 'screenshot.png' });
    await expect(viewer).toBeVisible();
    const full = viewer.getByRole('img', { name: 'screenshot.png' });
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.complete ? img.naturalWidth : 0)).toBe(1200);
    await dashboard.page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();
    await expect(dashboard.log.getByRole('button', { name: 'Open screenshot.png' })).toBeFocused();
    const pdfCard = dashboard.log.getByRole('link', { name: /receipt\.pdf/ });
    await expect(pdfCard).toBeVisible();
    await expect(dashboard.log.getByText(`PDF · ${receipt.length} B`).first()).toBeVisible();

    // The operator answers with a file and a line of text.
    const operatorChooser = dashboard.page.waitForEvent('filechooser');
    await dashboard.page.getByRole('button', { name: 'Attach a file' }).click();
    await (await operatorChooser).setFiles({ name: 'manual.pdf', mimeType: 'application/pdf', buffer: manual });
    await expect(dashboard.page.getByRole('button', { name: 'Remove manual.pdf' })).toBeVisible();
    await dashboard.send('Here is the manual, page 4 covers returns.');
    await expect(dashboard.log.getByRole('link', { name: /manual\.pdf/ })).toBeVisible();

    // The visitor sees it live and opens it: the bytes are the operator's file.
    await visitor.expectMessage('operator', 'Here is the manual, page 4 covers returns.');
    const link = visitor.log.getByRole('link', { name: /manual\.pdf/ });
    await expect(link).toBeVisible();
    const download = visitor.page.waitForEvent('download');
    await link.click();
    const file = await (await download).path();
    expect(readFileSync(file).equals(manual)).toBe(true);
  } finally {
    await dashboard.close();
  }
});

test.describe('through the API', () => {
  test.beforeEach(({ operatorKind }) => { test.skip(operatorKind !== 'api', 'API-level checks run once, in the widget+api project.'); });

  let team: TeamApi;
  let customer: Customer;
  test.beforeEach(async ({ server }) => {
    team = await TeamApi.login(server.baseURL, 'admin@example.com');
    customer = await team.newCustomer(`Otto ${randomUUID().slice(0, 6)}`);
  });

  test('an upload cut off mid-way and retried stores one file', async ({ server }) => {
    const id = `cut-${randomUUID()}`;
    const bytes = pdfFile(`Invoice ${randomUUID()}`); // bytes no other test stored
    const blobsBefore = filesIn(server.dataDir, 'blobs');
    await cutOffUpload(server.baseURL, customer.token, customer.conversationId, id, 'invoice.pdf', bytes);
    const first = await upload(server.baseURL, customer.token, customer.conversationId, id, 'invoice.pdf', bytes, 'application/pdf');
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    const again = await upload(server.baseURL, customer.token, customer.conversationId, id, 'invoice.pdf', bytes, 'application/pdf');
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    // A second id with the same bytes is a second attachment of the same stored content.
    const twin = await upload(server.baseURL, customer.token, customer.conversationId, `twin-${randomUUID()}`, 'copy.pdf', bytes, 'application/pdf');
    expect(twin.status).toBe(201);
    expect(twin.json.id).not.toBe(first.json.id);
    // One stored file for the three answers, and nothing left of the cut-off body.
    expect(filesIn(server.dataDir, 'blobs')).toBe(blobsBefore + 1);
    await expect.poll(() => filesIn(server.dataDir, 'tmp')).toBe(0);
    const sent = await team.call('POST', `/conversations/${customer.conversationId}/messages`, { clientMessageId: randomUUID(), text: '', attachmentIds: [id] }, customer.token);
    expect(sent.status, JSON.stringify(sent.json)).toBe(201);
    const page = await team.ok('GET', `/conversations/${customer.conversationId}/messages?limit=50`);
    const carrying = (page.items as { attachments?: { id: number; size: number }[] }[]).filter((m) => (m.attachments ?? []).length > 0);
    expect(carrying).toHaveLength(1);
    expect(carrying[0]!.attachments).toEqual([expect.objectContaining({ id: first.json.id, size: bytes.length, contentType: 'application/pdf' })]);
  });

  test('HTML and SVG are refused, and what is stored is served so it cannot run', async ({ server }) => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
    const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
    for (const [name, bytes, type] of [['logo.svg', svg, 'image/svg+xml'], ['page.html', html, 'text/html'], ['photo.png', html, 'image/png']] as const) {
      const answer = await upload(server.baseURL, team.token, customer.conversationId, `bad-${randomUUID()}`, name, bytes, type);
      expect(answer.status, name).toBe(415);
      expect(answer.json.code ?? answer.json.type, name).toContain('attachment_type_not_allowed');
    }
    // An allowed file is served with headers that keep any browser from running or sniffing it on this origin.
    const pdf = await upload(server.baseURL, team.token, customer.conversationId, `ok-${randomUUID()}`, 'terms.pdf', pdfFile('Terms'), 'application/pdf');
    expect(pdf.status).toBe(201);
    const link = await team.ok('GET', `/conversations/${customer.conversationId}/attachments/${pdf.json.id}/link`);
    const content = await fetch(`${server.baseURL}${link.url}`);
    expect(content.status).toBe(200);
    expect(content.headers.get('x-content-type-options')).toBe('nosniff');
    expect(content.headers.get('content-security-policy')).toContain('sandbox');
    expect(content.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  test('a visitor cannot reach another conversation\'s file by id or with a doctored link, nor a note\'s file', async ({ server }) => {
    const other = await team.newCustomer(`Ines ${randomUUID().slice(0, 6)}`);
    const mine = await upload(server.baseURL, customer.token, customer.conversationId, `mine-${randomUUID()}`, 'mine.png', pngImage(64, 48), 'image/png');
    expect(mine.status).toBe(201);
    await team.call('POST', `/conversations/${customer.conversationId}/messages`, { clientMessageId: randomUUID(), text: 'see photo', attachmentIds: [mine.json.clientAttachmentId] }, customer.token);

    // The other visitor: not through their own conversation, not through this one, not by uploading under its id.
    expect((await team.call('GET', `/conversations/${customer.conversationId}/attachments/${mine.json.id}/link`, undefined, other.token)).status).toBe(404);
    expect((await team.call('GET', `/conversations/${other.conversationId}/attachments/${mine.json.id}/link`, undefined, other.token)).status).toBe(404);

    // The owner's link works; the same link with its expiry pushed later, or another variant, does not.
    const link = await team.call('GET', `/conversations/${customer.conversationId}/attachments/${mine.json.id}/link`, undefined, customer.token);
    expect(link.status).toBe(200);
    expect((await fetch(`${server.baseURL}${link.json.url}`)).status).toBe(200);
    const url = new URL(link.json.url, server.baseURL);
    url.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 86_400));
    expect((await fetch(url)).status).toBe(403);
    const swapped = new URL(link.json.url, server.baseURL);
    swapped.pathname = swapped.pathname.replace(`/${mine.json.id}/`, `/${mine.json.id + 1}/`);
    expect((await fetch(swapped)).status).toBe(403);

    // A note's file: the team sees it, the visitor of that very conversation does not.
    const noteFile = await upload(server.baseURL, team.token, customer.conversationId, `note-${randomUUID()}`, 'internal.pdf', pdfFile('Internal'), 'application/pdf');
    await team.ok('POST', `/conversations/${customer.conversationId}/messages`, { clientMessageId: randomUUID(), text: 'for the team', isNote: true, attachmentIds: [noteFile.json.clientAttachmentId] });
    expect((await team.call('GET', `/conversations/${customer.conversationId}/attachments/${noteFile.json.id}/link`)).status).toBe(200);
    expect((await team.call('GET', `/conversations/${customer.conversationId}/attachments/${noteFile.json.id}/link`, undefined, customer.token)).status).toBe(404);
  });
});

test('an operator\'s image reaches a visitor on another origin with a strict CSP', async ({ browser, server, operatorKind, uniqueName }) => {
  test.skip(operatorKind !== 'api', 'The cross-origin widget runs once, in the widget+api project.');
  const site = await HostSite.start(server.baseURL);
  const admin = await Admin.login(server.baseURL);
  const inbox = await admin.createWidgetInbox();
  await admin.updateWidget(inbox.id, { allowedOrigins: [site.origin], preChat: { name: 'optional', email: 'optional' } });
  const visitor = await Visitor.visit(browser, site.url({ inbox: inbox.token }), uniqueName('Cleo'));
  try {
    await visitor.startChat();
    await visitor.send('Which model is this?');
    const team = await TeamApi.login(server.baseURL, 'admin@example.com');
    const found = await team.ok('GET', `/conversations?q=${encodeURIComponent(visitor.name)}&limit=1`);
    const conversationId = found.items[0].id as number;
    const photo = await upload(server.baseURL, team.token, conversationId, `photo-${randomUUID()}`, 'model-k2.png', pngImage(400, 300), 'image/png');
    expect(photo.status).toBe(201);
    await team.ok('POST', `/conversations/${conversationId}/messages`, { clientMessageId: randomUUID(), text: 'This one, the K2.', attachmentIds: [photo.json.clientAttachmentId] });
    const image = visitor.log.getByRole('img', { name: 'model-k2.png' });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete ? img.naturalWidth : 0)).toBeGreaterThan(0);
    // Its box was sized from the attachment before the bytes came: 400×300 keeps its aspect ratio.
    const box = await image.boundingBox();
    expect(Math.abs(box!.width / box!.height - 4 / 3)).toBeLessThan(0.05);
    expect(await visitor.page.evaluate(() => (window as unknown as { __site: { violations: string[] } }).__site.violations)).toEqual([]);
  } finally {
    await visitor.close();
    await site.stop();
  }
});

test('a WhatsApp image and document arrive through the Graph API as viewable attachments, and the operator\'s file goes out through it', async ({ browser, server, operatorKind, dashboardMissing, uniqueName }) => {
  test.skip(operatorKind !== 'dashboard' || dashboardMissing !== null, 'Needs the dashboard: runs in the widget+dashboard project.');
  test.setTimeout(120_000);
  const graph = await FakeGraph.start();
  const admin = await TeamApi.login(server.baseURL, 'admin@example.com');
  const appSecret = `secret-${randomUUID()}`;
  const phoneNumberId = String(Date.now());
  const inbox = await admin.ok('POST', '/whatsapp/inboxes', { name: `WhatsApp ${phoneNumberId}`, phoneNumberId, accessToken: graph.token, appSecret, verifyToken: 'verify', graphBaseUrl: graph.baseUrl });
  const name = uniqueName('Sheena');
  const waId = `4915${phoneNumberId.slice(-8)}`;
  graph.addMedia('IMG.1', pngImage(900, 600), 'image/png');
  graph.addMedia('DOC.1', pdfFile('Warranty card'), 'application/pdf');
  const media = (id: string, type: string, body: object) => ({ from: waId, id: `wamid.${id}`, timestamp: String(Math.floor(Date.now() / 1000)), type, [type]: body });
  const status = await deliverWebhook(server.baseURL, inbox.webhookPath, appSecret, { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: {
    messaging_product: 'whatsapp', metadata: { display_phone_number: '15550001111', phone_number_id: phoneNumberId },
    contacts: [{ profile: { name }, wa_id: waId }],
    messages: [media('IMG', 'image', { caption: 'The lid is cracked', mime_type: 'image/png', id: 'IMG.1' }), media('DOC', 'document', { filename: 'warranty.pdf', mime_type: 'application/pdf', id: 'DOC.1' })],
  } }] }] });
  expect(status).toBe(200);

  const dashboard = await DashboardOperator.login(browser, server.baseURL);
  try {
    await dashboard.openConversation(name);
    // Both were downloaded from the Graph API with the inbox's token and show as any attachment does.
    const image = dashboard.log.getByRole('img', { name: 'image.png' });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete ? img.naturalWidth : 0)).toBeGreaterThan(0);
    await expect(dashboard.log.getByText('The lid is cracked', { exact: true })).toBeVisible();
    await expect(dashboard.log.getByRole('link', { name: /warranty\.pdf/ })).toBeVisible();

    // The operator answers with a file: uploaded to the Graph API, then sent as a document naming that media id.
    const chooser = dashboard.page.waitForEvent('filechooser');
    await dashboard.page.getByRole('button', { name: 'Attach a file' }).click();
    const label = pdfFile('Return label 7731');
    await (await chooser).setFiles({ name: 'return-label.pdf', mimeType: 'application/pdf', buffer: label });
    await dashboard.send('Print this return label, please.');
    await expect.poll(() => graph.sends.filter((m) => m.type === 'document').length, { timeout: 20_000 }).toBe(1);
    const sent = graph.sends.find((m) => m.type === 'document');
    expect(sent.to).toBe(waId);
    expect(sent.document.filename).toBe('return-label.pdf');
    expect(sent.document.caption).toBe('Print this return label, please.');
    const uploaded = graph.uploads.find((u) => u.id === sent.document.id);
    expect(uploaded?.bytes.equals(label)).toBe(true);
    await dashboard.expectOwnStatus('Print this return label, please.', 'sent');
  } finally {
    await dashboard.close();
    await graph.stop();
  }
});
