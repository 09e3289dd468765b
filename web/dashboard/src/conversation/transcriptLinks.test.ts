import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserTimeZone, transcriptUrl } from './transcriptLinks.js';

test('the transcript link names the conversation, the format and an escaped time zone', () => {
  assert.equal(transcriptUrl(42, 'text', 'America/Argentina/Buenos_Aires'),
    '/api/v1/conversations/42/transcript?format=text&timeZone=America%2FArgentina%2FBuenos_Aires');
  assert.equal(transcriptUrl(7, 'json', undefined), '/api/v1/conversations/7/transcript?format=json');
  assert.equal(transcriptUrl(7, 'json', ''), '/api/v1/conversations/7/transcript?format=json');
});

test('the browser time zone is an IANA name', () => {
  const zone = browserTimeZone();
  assert.ok(zone === undefined || /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone), String(zone));
});
