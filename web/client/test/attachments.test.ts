import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiClient, HttpError, platformUploader, type UploadRequest, type Uploader } from '../src/index.js';
import { deferred, FakeFetch, json } from './fakes/fakeFetch.js';
import { FakeTimers } from './fakes/fakeTimers.js';
import { eventJson } from './fakes/fixtures.js';
import { advanceUntil, turns, until } from './fakes/settle.js';
import { setupStore } from './fakes/storeSetup.js';

// Attachments through the shell: the uploader is injected (ApiClientOptions.uploader), so each upload is answered,
// failed or held by the test, and its progress reported by hand.

const attachment = (clientAttachmentId: string, id: number, fileName = 'receipt.pdf') => ({
  id, clientAttachmentId, conversationId: 1, fileName, contentType: 'application/pdf', size: 3, width: null, height: null,
  hasThumbnail: false, status: 'ready', error: null,
});

/** An uploader whose every call the test answers. */
class FakeUploader {
  readonly calls: Array<{ request: UploadRequest; answer: ReturnType<typeof deferred<{ status: number; text: string }>> }> = [];
  readonly upload: Uploader = (request) => {
    const answer = deferred<{ status: number; text: string }>();
    request.signal?.addEventListener('abort', () => answer.reject(request.signal?.reason), { once: true });
    this.calls.push({ request, answer });
    return answer.promise;
  };
  get last() { return this.calls.at(-1) ?? assert.fail('no upload'); }
}

async function started() {
  const uploader = new FakeUploader();
  const timers = new FakeTimers();
  const s = setupStore({ timers });
  // The store's api needs the uploader: a second client over the same fake server.
  const api = new ApiClient({ baseUrl: 'http://sb.test', fetch: s.server.fetch, token: 'sbm_test', timers, uploader: uploader.upload });
  const { LiveStore } = await import('../src/index.js');
  const store = new LiveStore({ api, transport: s.transport, timers, random: () => 0, scheduleNotify: (f) => f() });
  await store.start();
  await until(() => s.transport.connections.length === 1, 'the first connection');
  s.transport.last.open();
  await until(() => store.state === 'live', 'live');
  return { ...s, store, uploader, timers };
}

const posted = (m: { text: string; clientMessageId: string; attachmentIds: string[] }, seq: number) => ({
  message: { id: 100 + seq, conversationId: 1, ordinal: seq - 10, clientMessageId: m.clientMessageId, senderRole: 'operator', text: m.text, isNote: false,
    status: 'sent', seq, version: 1, createdAt: '2026-01-01T00:00:00Z', attachments: m.attachmentIds.map((a, i) => attachment(a, 50 + i)) },
  seq, replayed: false,
});

describe('attachments: the API client', () => {
  test('uploadAttachment PUTs the raw bytes with the declared type and the name in the query, and reads the answer', async () => {
    const uploader = new FakeUploader();
    const api = new ApiClient({ baseUrl: 'http://sb.test', fetch: new FakeFetch().fetch, token: 'tok', uploader: uploader.upload });
    const progress: number[] = [];
    const done = api.uploadAttachment(5, 'a-1', new Blob(['abc'], { type: 'application/pdf' }), 'my receipt.pdf', { onProgress: (f) => progress.push(f) });
    const { request, answer } = uploader.last;
    assert.equal(request.url, 'http://sb.test/api/v1/conversations/5/attachments/a-1?name=my%20receipt.pdf');
    assert.equal(request.headers['Content-Type'], 'application/pdf');
    assert.equal(request.headers['Authorization'], 'Bearer tok');
    assert.equal(await request.body.text(), 'abc');
    request.onProgress?.(0.5);
    answer.resolve({ status: 201, text: JSON.stringify(attachment('a-1', 12)) });
    assert.equal((await done).id, 12);
    assert.deepEqual(progress, [0.5]);
  });

  test('a refusal rejects with HttpError and the server\'s code', async () => {
    const uploader = new FakeUploader();
    const api = new ApiClient({ fetch: new FakeFetch().fetch, uploader: uploader.upload });
    const done = api.uploadAttachment(5, 'a-1', new Blob(['<html>']), 'x.html');
    assert.equal(uploader.last.request.headers['Content-Type'], 'application/octet-stream', 'no declared type: octet-stream');
    uploader.last.answer.resolve({ status: 415, text: JSON.stringify({ code: 'attachment_type_not_allowed' }) });
    await assert.rejects(done, (e) => e instanceof HttpError && e.status === 415 && e.code === 'attachment_type_not_allowed');
  });

  test('without XMLHttpRequest the platform uploader falls back to fetch', async () => {
    const server = new FakeFetch().route('PUT /api/v1/conversations/5/attachments/a-1', () => json(201, attachment('a-1', 12)));
    const api = new ApiClient({ fetch: server.fetch });
    assert.equal(typeof (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest, 'undefined');
    assert.equal((await api.uploadAttachment(5, 'a-1', new Blob(['abc']), 'r.pdf')).id, 12);
    assert.equal(server.seen('PUT /api/v1/conversations/5/attachments/a-1').length, 1);
    assert.equal(typeof platformUploader(server.fetch), 'function');
  });

  test('in a browser the platform uploader uses XMLHttpRequest: upload progress, the answer, abort', async () => {
    const sent: FakeXhr[] = [];
    class FakeXhr {
      readonly headers: Record<string, string> = {};
      readonly upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
      method = ''; url = ''; withCredentials = false; status = 0; responseText = ''; body: unknown; aborted = false;
      onload: (() => void) | null = null; onerror: (() => void) | null = null; onabort: (() => void) | null = null; onloadend: (() => void) | null = null;
      open(method: string, url: string): void { this.method = method; this.url = url; }
      setRequestHeader(name: string, value: string): void { this.headers[name] = value; }
      send(body: unknown): void { this.body = body; sent.push(this); }
      abort(): void { this.aborted = true; this.onabort?.(); this.onloadend?.(); }
      answer(status: number, text: string): void { this.status = status; this.responseText = text; this.onload?.(); this.onloadend?.(); }
    }
    const scope = globalThis as { XMLHttpRequest?: unknown };
    scope.XMLHttpRequest = FakeXhr;
    try {
      const upload = platformUploader(new FakeFetch().fetch);
      const progress: number[] = [];
      const body = new Blob(['abc']);
      const done = upload({ url: '/u', headers: { 'Content-Type': 'image/png' }, body, credentials: 'include', onProgress: (f) => progress.push(f) });
      const xhr = sent[0] ?? assert.fail('not sent');
      assert.deepEqual([xhr.method, xhr.url, xhr.headers['Content-Type'], xhr.withCredentials, xhr.body === body], ['PUT', '/u', 'image/png', true, true]);
      xhr.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 4 });
      xhr.answer(201, '{"id":1}');
      assert.deepEqual(await done, { status: 201, text: '{"id":1}' });
      assert.deepEqual(progress, [0.25]);

      const stop = new AbortController();
      const aborted = upload({ url: '/u', headers: {}, body, credentials: undefined, signal: stop.signal });
      stop.abort(new Error('cancelled'));
      await assert.rejects(aborted, /cancelled/);
      assert.equal(sent[1]?.aborted, true);
    } finally {
      delete scope.XMLHttpRequest;
    }
  });

  test('getAttachmentLink reads the signed link', async () => {
    const server = new FakeFetch().route('GET /api/v1/conversations/5/attachments/12/link',
      () => json(200, { url: '/api/v1/attachments/12/content?v=original', thumbnailUrl: null, expiresAt: '2026-12-03T14:00:00+00:00' }));
    const link = await new ApiClient({ fetch: server.fetch }).getAttachmentLink(5, 12);
    assert.deepEqual(link, { url: '/api/v1/attachments/12/content?v=original', thumbnailUrl: null, expiresAt: '2026-12-03T14:00:00+00:00' });
  });
});

describe('attachments: the live store', () => {
  test('a message with a file shows at once uploading, reports progress, and is posted once the upload is acknowledged', async () => {
    const { store, server, uploader, transport } = await started();
    server.route('POST /api/v1/conversations/1/messages', (r) => json(201, posted(r.body as never, 11)));
    const key = store.sendMessage(1, 'see attached', { files: [{ file: new Blob(['abc'], { type: 'application/pdf' }), name: 'receipt.pdf', clientAttachmentId: 'a1' }] });
    const shown = () => store.getMessages(1).find((m) => m.clientMessageId === key) ?? assert.fail('not shown');
    assert.equal(shown().attachments[0]?.status, 'uploading');
    await until(() => uploader.calls.length === 1, 'the upload');
    uploader.last.request.onProgress?.(0.25);
    assert.equal(shown().attachments[0]?.progress, 0.25);
    await turns();
    assert.equal(server.seen('POST /api/v1/conversations/1/messages').length, 0, 'not posted before the upload is stored');
    uploader.last.answer.resolve({ status: 201, text: JSON.stringify(attachment('a1', 12)) });
    await until(() => server.seen('POST /api/v1/conversations/1/messages').length === 1, 'the post');
    assert.deepEqual((server.seen('POST /api/v1/conversations/1/messages')[0]?.body as { attachmentIds: string[] }).attachmentIds, ['a1']);
    transport.last.push(eventJson(11, 'message.created', { message: posted({ text: 'see attached', clientMessageId: key, attachmentIds: ['a1'] }, 11).message, conversation: null }));
    await until(() => store.pendingCount === 0, 'confirmed');
    assert.equal(shown().attachments[0]?.id, 50);
    await store.stop();
  });

  test('an upload without an answer is retried with the same clientAttachmentId; cancel aborts it and drops the message', async () => {
    const { store, uploader, timers, server } = await started();
    const key = store.sendMessage(1, '', { files: [{ file: new Blob(['abc']), name: 'big.zip' }] });
    await until(() => uploader.calls.length === 1, 'the upload');
    uploader.last.answer.reject(new TypeError('network down'));
    await advanceUntil(timers, () => uploader.calls.length === 2, 'the retry');
    assert.equal(uploader.calls[0]?.request.url, uploader.calls[1]?.request.url, 'the same id');
    assert.equal(store.cancelMessage(key), true);
    assert.equal(uploader.last.request.signal?.aborted, true, 'the upload in flight is aborted');
    assert.equal(store.getMessages(1).length, 0);
    await turns();
    assert.equal(server.seen('POST /api/v1/conversations/1/messages').length, 0);
    await store.stop();
  });

  test('attachmentLink is cached until a minute before it expires', async () => {
    const { store, server, timers } = await started();
    let served = 0;
    server.route('GET /api/v1/conversations/1/attachments/12/link', () => {
      served++;
      return json(200, { url: `/c?n=${served}`, thumbnailUrl: null, expiresAt: new Date(timers.now() + 15 * 60_000).toISOString() });
    });
    assert.equal((await store.attachmentLink(1, 12)).url, '/c?n=1');
    timers.advance(13 * 60_000);
    assert.equal((await store.attachmentLink(1, 12)).url, '/c?n=1', 'still two minutes left');
    timers.advance(60_001);
    assert.equal((await store.attachmentLink(1, 12)).url, '/c?n=2', 'refetched a minute before expiry');
    await store.stop();
  });
});

