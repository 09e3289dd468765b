import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import type { AttachmentView } from '@switchboard/client';
import { bySize, fileElement, fileState, kindText, progress, refusalText, sizeText, type FileActions } from '../src/attachments.js';
import { en } from '../src/i18n/en.js';
import { FakeElement, installFakeDom } from './fakeDom.js';

// Attachments in the widget: sizes and types as text, the early refusal, and what each state of a file shows.

installFakeDom();
// Signed links are refreshed on a timer: the tests move time themselves (and no timer outlives them).
mock.timers.enable({ apis: ['setTimeout'] });

const file = (over: Partial<AttachmentView> = {}): AttachmentView => ({
  clientAttachmentId: 'a-1', id: 12, fileName: 'receipt.pdf', contentType: 'application/pdf', size: 48_213, width: null, height: null,
  hasThumbnail: false, status: 'ready', progress: 1, error: null, ...over,
});

const photo = (over: Partial<AttachmentView> = {}): AttachmentView =>
  file({ fileName: 'photo.jpg', contentType: 'image/jpeg', width: 1200, height: 800, hasThumbnail: true, ...over });

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

function actions(cancelled: string[] = [], asked: number[] = [], lifetimeMs = 900_000): FileActions {
  return {
    t: en, maxBytes: 26_214_400, cancel: (id) => cancelled.push(id),
    link: (id) => {
      asked.push(id);
      const v = `exp=${asked.length}`;
      return Promise.resolve({
        url: `https://chat.example/api/v1/attachments/${id}/content?v=original&${v}`, thumbnailUrl: `https://chat.example/api/v1/attachments/${id}/content?v=thumbnail&${v}`,
        expiresAt: new Date(Date.now() + lifetimeMs).toISOString(),
      });
    },
  };
}

const render = (a: AttachmentView, state: string, x = actions()): FakeElement =>
  fileElement(a, state, 'm-1', x) as unknown as FakeElement;

test('sizes read as people say them: bytes, whole kilobytes, megabytes with one decimal', () => {
  assert.equal(sizeText(512), '512 B');
  assert.equal(sizeText(48_213), '47 KB');
  assert.equal(sizeText(2_500_000), '2.4 MB');
  assert.equal(sizeText(26_214_400), '25 MB');
});

test('types read as one short word from the sniffed type', () => {
  assert.equal(kindText('application/pdf'), 'PDF');
  assert.equal(kindText('image/jpeg'), 'JPEG');
  assert.equal(kindText('text/plain'), 'TXT');
  assert.equal(kindText('audio/mpeg'), 'MP3');
  assert.equal(kindText('application/vnd.openxmlformats-officedocument.wordprocessingml.document'), 'DOCX');
  assert.equal(kindText('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), 'XLSX');
  assert.equal(kindText('application/vnd.openxmlformats-officedocument.presentationml.presentation'), 'PPTX');
});

test('files over the workspace limit are refused before any upload; the rest go', () => {
  const [fine, large] = bySize([{ name: 'a', size: 10 }, { name: 'big', size: 11 }, { name: 'c', size: 10 }], 10);
  assert.deepEqual(fine.map((f) => f.name), ['a', 'c']);
  assert.deepEqual(large.map((f) => f.name), ['big']);
});

test('a refused upload says why in words', () => {
  assert.equal(refusalText(en, 'attachment_type_not_allowed', 1), 'This type of file can’t be sent');
  assert.equal(refusalText(en, 'attachment_too_large', 26_214_400), 'File is larger than 25 MB');
  assert.equal(refusalText(en, 'attachment_empty', 1), 'The file is empty');
  assert.equal(refusalText(en, null, 1), en.notSentNote);
});

test('each attachment status maps to what the line shows', () => {
  assert.equal(fileState(file({ status: 'uploading', id: null, progress: 0.3 }), true, false), 'uploading');
  assert.equal(fileState(file({ status: 'ready', id: null }), true, false), 'uploading', 'uploaded but not known by id yet');
  assert.equal(fileState(file({ status: 'uploading', id: null }), true, true), 'unsent', 'its message failed on the network');
  assert.equal(fileState(file({ status: 'failed', id: null, error: 'attachment_type_not_allowed' }), true, true), 'refused');
  assert.equal(fileState(file({ status: 'failed', error: 'download_failed' }), false, false), 'lost');
  assert.equal(fileState(file({ status: 'pending' }), false, false), 'downloading');
  assert.equal(fileState(photo(), false, false), 'image');
  assert.equal(fileState(file(), false, false), 'file');
});

test('an uploading file shows a named progress bar with its value and a cancel that cancels its message', () => {
  const cancelled: string[] = [];
  const card = render(file({ status: 'uploading', id: null, progress: 0.42 }), 'uploading', actions(cancelled));
  const bar = card.querySelector('[role=progressbar]')!;
  assert.equal(bar.getAttribute('aria-label'), 'Uploading receipt.pdf');
  assert.equal(bar.getAttribute('aria-valuenow'), '42');
  progress(card as unknown as Element, file({ progress: 0.9 }));
  assert.equal(bar.getAttribute('aria-valuenow'), '90');
  assert.equal((bar.firstChild as FakeElement).style['width'], '90%');
  const cancel = card.querySelector('button')!;
  assert.equal(cancel.getAttribute('aria-label'), 'Cancel upload of receipt.pdf');
  cancel.listeners.get('click')!();
  assert.deepEqual(cancelled, ['m-1']);
});

test('a ready image is a link "Open …" around an img with its name and size set before it loads, from the thumbnail', async () => {
  const asked: number[] = [];
  const open = render(photo(), 'image', actions([], asked));
  assert.equal(open.tagName, 'a');
  const img = open.querySelector('img')!;
  assert.equal(img.getAttribute('alt'), 'photo.jpg');
  assert.equal(img.getAttribute('width'), '1200');
  assert.equal(img.getAttribute('height'), '800');
  assert.equal(img.style['width'], '240px');
  assert.equal(img.style['height'], '160px');
  await turn();
  assert.deepEqual(asked, [12]);
  assert.match(img.src, /v=thumbnail&exp=1$/);
  assert.match(open.href, /v=original&exp=1$/);
  assert.equal(open.getAttribute('aria-label'), 'Open photo.jpg');
});

test('a tall screenshot is kept within the height, with its aspect ratio', () => {
  const img = render(photo({ width: 600, height: 1300 }), 'image').querySelector('img')!;
  assert.equal(img.style['height'], '280px');
  assert.equal(Math.round(parseFloat(img.style['width']!)), 129);
});

test('a shown file’s signed link is fetched again a minute before it expires; an image keeps the picture it loaded', async () => {
  const asked: number[] = [];
  const x = actions([], asked, 180_000);
  const open = render(photo(), 'image', x);
  open.isConnected = true;
  await turn();
  mock.timers.tick(119_000);
  await turn();
  assert.deepEqual(asked, [12]);
  mock.timers.tick(1_000);
  await turn();
  assert.deepEqual(asked, [12, 12]);
  assert.match(open.href, /exp=2$/);
  assert.match(open.querySelector('img')!.src, /exp=1$/);
  open.isConnected = false; // off screen: no more refreshes
  mock.timers.tick(120_000);
  await turn();
  assert.equal(asked.length, 2);
});

test('any other ready file is a card: a download link named by the file, and its type and size', async () => {
  const card = render(file(), 'file');
  const link = card.querySelector('a')!;
  assert.equal(link.textContent, 'receipt.pdf');
  assert.equal(link.getAttribute('download'), 'receipt.pdf');
  assert.equal(card.querySelector('small')!.textContent, 'PDF · 47 KB');
  await turn();
  assert.match(link.href, /^https:\/\/chat\.example\/api\/v1\/attachments\/12\/content/);
});

test('a refused upload shows its reason; a channel download says it is on its way, or that it failed', () => {
  const refused = render(file({ status: 'failed', id: null, error: 'attachment_type_not_allowed' }), 'refused');
  assert.equal(refused.querySelector('small')!.textContent, 'This type of file can’t be sent');
  assert.equal(refused.querySelector('a'), null);
  assert.equal(render(file({ status: 'pending' }), 'downloading').textContent, 'Downloading receipt.pdf…');
  assert.equal(render(file({ status: 'failed' }), 'lost').textContent, 'receipt.pdf could not be downloaded');
});
