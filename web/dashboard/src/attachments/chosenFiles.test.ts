import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { addFiles, filesOf, maxFilesPerMessage, pastedFiles, pastedName, removeFile } from './chosenFiles.js';
import { composerFiles } from './composerFiles.js';

const mb = 1024 * 1024;
const file = (name: string, size: number, type = 'application/pdf') => new File([new Uint8Array(size)], name, { type });

describe('chosen files', () => {
  it('adds files in order, with distinct keys for files of the same name', () => {
    const { files, refused } = addFiles([], [file('a.pdf', 10), file('a.pdf', 20)], 25 * mb);
    assert.deepEqual(files.map((f) => f.name), ['a.pdf', 'a.pdf']);
    assert.notEqual(files[0]!.key, files[1]!.key);
    assert.deepEqual(refused, []);
  });

  it('refuses a file over the workspace limit before uploading, saying the limit', () => {
    const { files, refused } = addFiles([], [file('big.zip', 2 * mb + 1), file('ok.pdf', 5)], 2 * mb);
    assert.deepEqual(files.map((f) => f.name), ['ok.pdf']);
    assert.deepEqual(refused, ['big.zip is larger than 2 MB: files up to 2 MB can be sent.']);
  });

  it('refuses an empty file', () => {
    assert.deepEqual(addFiles([], [file('empty.txt', 0)], mb).refused, ['empty.txt is empty.']);
  });

  it('keeps at most ten files per message and names the ones left out', () => {
    const many = Array.from({ length: 12 }, (_, i) => file(`f${i}.pdf`, 1));
    const { files, refused } = addFiles([], many, mb);
    assert.equal(files.length, maxFilesPerMessage);
    assert.deepEqual(refused, ['At most 10 files go with one message: f10.pdf, f11.pdf left out.']);
  });

  it('removes one chip by key', () => {
    const { files } = addFiles([], [file('a.pdf', 1), file('b.pdf', 1)], mb);
    assert.deepEqual(removeFile(files, files[0]!.key).map((f) => f.name), ['b.pdf']);
  });

  it('names pasted screenshots by the time, and keeps real names', () => {
    const at = new Date(2026, 11, 3, 9, 5, 7);
    assert.equal(pastedName(file('image.png', 1, 'image/png'), at), 'Pasted image 2026-12-03 09.05.07.png');
    assert.equal(pastedName(file('', 1, 'image/jpeg'), at), 'Pasted image 2026-12-03 09.05.07.jpg');
    assert.equal(pastedName(file('receipt.png', 1, 'image/png'), at), 'receipt.png');
  });

  it('a paste with text is text (Office adds a picture of it), a screenshot is a file', () => {
    const one = file('image.png', 1, 'image/png');
    const clipboard = (text: string) => ({ files: [one] as unknown as FileList, getData: (type: string) => (type === 'text/plain' ? text : '') }) as unknown as DataTransfer;
    assert.equal(pastedFiles(clipboard('Quarterly figures')), null);
    assert.deepEqual(pastedFiles(clipboard('')), [one]);
    assert.equal(pastedFiles(null), null);
  });

  it('reads files from a drop or paste, and nothing from text', () => {
    assert.equal(filesOf(null), null);
    assert.equal(filesOf({ files: [] as unknown as FileList } as unknown as DataTransfer), null);
    const one = file('a.pdf', 1);
    assert.deepEqual(filesOf({ files: [one] as unknown as FileList } as unknown as DataTransfer), [one]);
  });
});

describe('composer files per conversation', () => {
  beforeEach(() => composerFiles.reset());

  it('keeps each conversation its own files until they are taken for sending', () => {
    composerFiles.add(1, [file('a.pdf', 1)], mb);
    composerFiles.add(2, [file('b.pdf', 1)], mb);
    assert.deepEqual(composerFiles.get(1).files.map((f) => f.name), ['a.pdf']);
    assert.deepEqual(composerFiles.take(1).map((f) => f.name), ['a.pdf']);
    assert.deepEqual(composerFiles.get(1).files, []);
    assert.deepEqual(composerFiles.get(2).files.map((f) => f.name), ['b.pdf']);
  });

  it('shows the latest refusal until dismissed or a chip is removed, and notifies subscribers', () => {
    let changes = 0;
    const stop = composerFiles.subscribe(() => changes++);
    composerFiles.add(1, [file('big.pdf', 2 * mb), file('a.pdf', 1)], mb);
    assert.equal(composerFiles.get(1).refused.length, 1);
    composerFiles.dismissRefused(1);
    assert.deepEqual(composerFiles.get(1).refused, []);
    assert.equal(composerFiles.get(1).files.length, 1);
    composerFiles.remove(1, composerFiles.get(1).files[0]!.key);
    assert.deepEqual(composerFiles.get(1), { files: [], refused: [] });
    stop();
    assert.equal(changes, 3);
  });
});
