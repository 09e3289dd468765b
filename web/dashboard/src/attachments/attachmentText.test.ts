import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failureReason, fileDetails, formatBytes, isAttachmentError, isInlineImage, parseMegabytes, toMegabytes, typeLabel } from './attachmentText.js';
import { imageBox } from './imageBox.js';

describe('attachment text', () => {
  it('sizes read as a file manager shows them', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(48213), '47 KB');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(1_258_291), '1.2 MB');
    assert.equal(formatBytes(26_214_400), '25 MB');
  });

  it('names types by the sniffed content type, else by the extension', () => {
    assert.equal(typeLabel('application/pdf', 'x.bin'), 'PDF');
    assert.equal(typeLabel('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'a.docx'), 'Word');
    assert.equal(typeLabel('audio/ogg', 'voice.ogg'), 'Audio');
    assert.equal(typeLabel('video/mp4', 'clip.mp4'), 'Video');
    assert.equal(typeLabel('application/octet-stream', 'archive.tar'), 'TAR');
    assert.equal(typeLabel('application/octet-stream', 'noextension'), 'File');
    assert.equal(fileDetails({ contentType: 'application/pdf', fileName: 'receipt.pdf', size: 48213 }), 'PDF · 47 KB');
  });

  it('says why a file was refused in words, with the workspace limit', () => {
    assert.equal(failureReason('attachment_type_not_allowed', 1), "This type of file can't be sent");
    assert.equal(failureReason('attachment_too_large', 26_214_400), 'File is larger than 25 MB');
    assert.equal(failureReason('attachment_empty', 1), 'The file is empty');
    assert.equal(failureReason(null, 1), 'The file could not be sent');
    assert.equal(isAttachmentError('attachment_too_large'), true);
    assert.equal(isAttachmentError('conversation_closed'), false);
  });

  it('shows inline only the images the server accepts', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp']) assert.equal(isInlineImage(type), true, type);
    for (const type of ['image/svg+xml', 'application/pdf', 'text/html']) assert.equal(isInlineImage(type), false, type);
  });

  it('edits the limit in whole megabytes from 1 to 100', () => {
    assert.equal(toMegabytes(26_214_400), '25');
    assert.equal(parseMegabytes(' 10 '), 10 * 1024 * 1024);
    assert.equal(parseMegabytes('100'), 100 * 1024 * 1024);
    for (const bad of ['0', '101', '2.5', '', 'ten', '-3']) assert.equal(parseMegabytes(bad), null, bad);
  });
});

describe('image box', () => {
  it('scales a large image down into the box, keeping its shape', () => {
    assert.deepEqual(imageBox(1920, 1080), { width: 280, height: 158 });
    assert.deepEqual(imageBox(1080, 1920), { width: 135, height: 240 });
  });

  it('never scales a small image up, and keeps a usable size for extreme shapes', () => {
    assert.deepEqual(imageBox(100, 50), { width: 100, height: 50 });
    assert.deepEqual(imageBox(4000, 10), { width: 280, height: 32 });
  });

  it('reserves a fixed box when the dimensions are unknown', () => {
    assert.deepEqual(imageBox(null, null), { width: 240, height: 180 });
    assert.deepEqual(imageBox(0, 10), { width: 240, height: 180 });
  });
});

