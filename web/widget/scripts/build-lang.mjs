// The widget's languages other than English, as tiny scripts beside the bundle (wwwroot/widget/lang/<lang>.js),
// loaded on demand from the Switchboard origin so the bundle stays within its budget (src/i18n/language.ts).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const src = new URL('../src/i18n/', import.meta.url);
const out = new URL('../../../src/Switchboard.Server/wwwroot/widget/lang/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const file of readdirSync(src).filter((f) => f.endsWith('.json'))) {
  const lang = file.slice(0, -5);
  const table = JSON.stringify(JSON.parse(readFileSync(new URL(file, src), 'utf8')));
  writeFileSync(new URL(`${lang}.js`, out), `window.__switchboardLang&&window.__switchboardLang(${JSON.stringify(lang)},${table});\n`);
}
