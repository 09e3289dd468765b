import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Availability } from '@switchboard/client';
import { availabilityText } from '../src/availability.js';
import { en, fill } from '../src/i18n/en.js';
import { chooseLanguage, complete, languages } from '../src/i18n/language.js';
import { luminance, textOn } from '../src/theme.js';

// Languages, the availability line and the accent's text colour: the widget's pure parts.

const i18n = new URL('../../../src/i18n/', import.meta.url);

test('every language file translates every English key and keeps its placeholders', () => {
  const files = readdirSync(i18n).filter((f) => f.endsWith('.json'));
  assert.deepEqual(files.map((f) => f.slice(0, -5)).sort(), languages.filter((l) => l !== 'en').sort());
  for (const file of files) {
    const table = JSON.parse(readFileSync(new URL(file, i18n), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(table).sort(), Object.keys(en).sort(), file);
    for (const [key, text] of Object.entries(en)) {
      assert.deepEqual(table[key]!.match(/\{\w+\}/g)?.sort() ?? [], text.match(/\{\w+\}/g)?.sort() ?? [], `${file} ${key}`);
    }
  }
});

test('the language: data-lang, then the inbox, then <html lang>, then the browser, else English', () => {
  assert.equal(chooseLanguage('de', 'fr', 'es', ['pt']), 'de');
  assert.equal(chooseLanguage(undefined, 'fr', 'es', ['pt']), 'fr');
  assert.equal(chooseLanguage(undefined, null, 'es-MX', ['pt']), 'es');
  assert.equal(chooseLanguage('xx', null, '', ['nl-NL', 'pt-BR']), 'pt');
  assert.equal(chooseLanguage(undefined, null, undefined, ['ja']), 'en');
  assert.equal(chooseLanguage('AR', null, undefined, []), 'ar');
});

test('a language table missing keys (an older file) is completed in English; unknown keys and non-strings are dropped', () => {
  const t = complete({ send: 'Senden', bogus: 'x', retry: 3 });
  assert.equal(t.send, 'Senden');
  assert.equal(t.retry, 'Retry');
  assert.equal('bogus' in t, false);
});

test('fill replaces known placeholders only', () => {
  assert.equal(fill('{n} unread, {x}', { n: 3 }), '3 unread, {x}');
});

const closed = (nextOpenAt: string | null): Availability => ({ state: 'closed', nextOpenAt, timeZone: 'Europe/Berlin', botAnswers: false });

test('availability: online, away, and when a closed team is back in the visitor\'s language and time', () => {
  const now = new Date(2026, 11, 4, 20, 0); // a Friday evening, local time
  const monday = new Date(2026, 11, 7, 9, 0);
  assert.equal(availabilityText(en, undefined, 'en'), en.online);
  assert.equal(availabilityText(en, { state: 'away', nextOpenAt: null, timeZone: null, botAnswers: false }, 'en'), en.away);
  assert.equal(availabilityText(en, closed(monday.toISOString()), 'en-GB', now), 'We’re back Monday at 09:00');
  const de = complete(JSON.parse(readFileSync(new URL('de.json', i18n), 'utf8')));
  assert.equal(availabilityText(de, closed(monday.toISOString()), 'de', now), 'Wir sind Montag um 09:00 wieder da');
  assert.equal(availabilityText(en, closed(new Date(2026, 11, 5, 9, 0).toISOString()), 'en-GB', now), 'We’re back tomorrow at 09:00');
  assert.equal(availabilityText(en, closed(null), 'en', now), en.closedNoDate);
  assert.equal(availabilityText(en, { ...closed(null), botAnswers: true }, 'en', now), `${en.closedNoDate}. ${en.botMeanwhile}`);
});

test('the text on the accent is whichever of black and white reads better', () => {
  assert.equal(textOn('#2563eb'), '#fff');
  assert.equal(textOn('#1f2430'), '#fff');
  assert.equal(textOn('#ffd43b'), '#111');
  assert.equal(textOn('#fff'), '#111');
  assert.equal(textOn('rebeccapurple'), '#fff');
  assert.equal(luminance('#000000'), 0);
  assert.equal(luminance('nope'), undefined);
});
