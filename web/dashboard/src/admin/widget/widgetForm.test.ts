import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WidgetSettings } from '@switchboard/client';
import { fromForm, invalidOrigins, toForm } from './widgetForm.js';

const settings: WidgetSettings = {
  allowedOrigins: ['https://*.example.com', 'http://127.0.0.1:5173'], teamName: 'Acme', avatarUrl: null, color: '#2563eb', position: 'right',
  launcherText: 'Chat with us', greeting: 'Hi!', language: null, preChat: { name: 'optional', email: 'required' }, identityVerification: 'off',
  businessHours: { enabled: true, timeZone: 'Europe/Berlin', weekly: [{ day: 1, open: '09:00', close: '17:00' }, { day: 5, open: '10:00', close: '14:00' }], holidays: ['2026-12-25'] },
  botOutsideHours: true,
};

test('settings go through the form and back unchanged', () => {
  const form = toForm(settings);
  assert.equal(form.days[1]?.open, true);
  assert.equal(form.days[0]?.open, false);
  assert.deepEqual(fromForm(form), { settings });
});

test('origins: exact and wildcard subdomains pass; paths, bare hosts and stray wildcards are named', () => {
  assert.deepEqual(invalidOrigins('https://shop.example.com\n https://*.example.com \n\nhttp://localhost:8080'), []);
  assert.deepEqual(invalidOrigins('shop.example.com\nhttps://example.com/\nhttps://a.*.com\nftp://x.com'), ['shop.example.com', 'https://example.com/', 'https://a.*.com', 'ftp://x.com']);
});

test('a form with problems names each of them and gives no settings', () => {
  const form = { ...toForm(settings), color: 'blue', holidays: '25.12.2026', days: toForm(settings).days.map((d, i) => i === 1 ? { ...d, from: '18:00' } : d) };
  const result = fromForm(form);
  assert.ok('errors' in result);
  assert.equal(result.errors.length, 3);
  assert.match(result.errors.join('\n'), /colour/);
  assert.match(result.errors.join('\n'), /Monday/);
  assert.match(result.errors.join('\n'), /25\.12\.2026/);
});

test('empty optional fields become null: avatar, language, time zone', () => {
  const result = fromForm({ ...toForm(settings), avatarUrl: ' ', language: '', timeZone: '' });
  assert.ok('settings' in result);
  assert.equal(result.settings.avatarUrl, null);
  assert.equal(result.settings.language, null);
  assert.equal(result.settings.businessHours.timeZone, null);
});
