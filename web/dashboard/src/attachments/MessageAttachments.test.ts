import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { AttachmentView } from '@switchboard/client';
import { AttachmentContext, type AttachmentEnv } from './attachmentContext.js';
import { FileChips } from './FileChips.js';
import { MessageAttachments } from './MessageAttachments.js';
import { addFiles } from './chosenFiles.js';

// The rendering states of a message's files, as markup (server rendering: effects such as fetching a link do not
// run, so a stored file shows what it shows until its signed link is in).

const env: AttachmentEnv = {
  conversationId: 5, maxBytes: 25 * 1024 * 1024,
  link: () => new Promise(() => {}), cancel: () => {}, openImage: () => {},
};

function attachment(change: Partial<AttachmentView>): AttachmentView {
  return {
    clientAttachmentId: 'a-1', id: 12, fileName: 'receipt.pdf', contentType: 'application/pdf', size: 48213, width: null, height: null,
    hasThumbnail: false, status: 'ready', progress: 1, error: null, ...change,
  };
}

function render(attachments: readonly AttachmentView[], cancellable = true): string {
  return renderToStaticMarkup(createElement(AttachmentContext.Provider, { value: env },
    createElement(MessageAttachments, { clientMessageId: 'm-1', attachments, cancellable })));
}

describe('message attachments', () => {
  it('renders nothing for a message without files', () => {
    assert.equal(render([]), '');
  });

  it('an upload shows a named progress bar with its percentage and a cancel button', () => {
    const html = render([attachment({ id: null, status: 'uploading', progress: 0.42 })]);
    assert.match(html, /role="progressbar"[^>]*aria-label="Uploading receipt.pdf"/);
    assert.match(html, /aria-valuenow="42"/);
    assert.match(html, /aria-label="Cancel upload of receipt.pdf"/);
  });

  it('someone else’s upload (or one whose message is out) cannot be cancelled from here', () => {
    assert.doesNotMatch(render([attachment({ id: null, status: 'uploading', progress: 0 })], false), /Cancel upload/);
  });

  it('a refused upload says why in words', () => {
    const html = render([attachment({ id: null, fileName: 'page.html', contentType: 'text/html', status: 'failed', error: 'attachment_type_not_allowed' })]);
    assert.match(html, /page.html: This type of file can&#x27;t be sent/);
    const large = render([attachment({ id: null, status: 'failed', error: 'attachment_too_large' })]);
    assert.match(large, /File is larger than 25 MB/);
  });

  it('a channel download shows while pending and says so when it gave up', () => {
    assert.match(render([attachment({ status: 'pending' })]), /Downloading receipt.pdf…/);
    assert.match(render([attachment({ status: 'failed', error: 'download_failed' })]), /receipt.pdf could not be downloaded/);
  });

  it('a stored file is a card with its type and size', () => {
    const html = render([attachment({})]);
    assert.match(html, /receipt.pdf/);
    assert.match(html, /PDF · 47 KB/);
  });

  it('a stored image reserves its box before its link is in, inside a button that opens it', () => {
    const html = render([attachment({ fileName: 'photo.jpg', contentType: 'image/jpeg', width: 1920, height: 1080, hasThumbnail: true })]);
    assert.match(html, /<button[^>]*aria-label="Open photo.jpg"[^>]*style="width:280px;aspect-ratio:280 \/ 158"/);
    assert.match(html, /class="att-image-wait" style="width:280px;aspect-ratio:280 \/ 158"/);
  });
});

describe('file chips', () => {
  it('shows each chosen file with its size and a remove button named by the file', () => {
    const { files } = addFiles([], [new File([new Uint8Array(2048)], 'invoice.pdf', { type: 'application/pdf' })], 1024 * 1024);
    const html = renderToStaticMarkup(createElement(FileChips, { files, onRemove: () => {} }));
    assert.match(html, /aria-label="Files to send"/);
    assert.match(html, /invoice.pdf/);
    assert.match(html, /2 KB/);
    assert.match(html, /aria-label="Remove invoice.pdf"/);
  });

  it('shows no list when no file is chosen, and says how many are', () => {
    const none = renderToStaticMarkup(createElement(FileChips, { files: [], onRemove: () => {} }));
    assert.doesNotMatch(none, /<ul/);
    const { files } = addFiles([], [new File(['a'], 'a.pdf'), new File(['b'], 'b.pdf')], 1024);
    assert.match(renderToStaticMarkup(createElement(FileChips, { files, onRemove: () => {} })), /aria-live="polite">2 files to send</);
  });
});
