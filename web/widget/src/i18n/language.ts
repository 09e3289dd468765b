import { en, type Strings } from './en.js';

/** The widget's languages; only English is in the bundle, the others are small scripts loaded on demand. */
export const languages = ['en', 'de', 'fr', 'es', 'pt', 'ar'] as const;
export type Language = (typeof languages)[number];

/** Right-to-left languages: the widget root gets `dir="rtl"` and its layout mirrors. */
export const isRtl = (lang: Language): boolean => lang === 'ar';

function supported(tag: string | null | undefined): Language | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return languages.find((l) => l === base);
}

/**
 * The visitor's language: the script tag's `data-lang`, then the inbox's override, then the page's `<html lang>`,
 * then the browser's languages in order, else English. The page's own choice comes first because the visitor
 * already reads that page.
 */
export function chooseLanguage(dataLang: string | undefined, inboxLang: string | null | undefined, htmlLang: string | null | undefined,
  browser: readonly string[]): Language {
  for (const candidate of [dataLang, inboxLang, htmlLang, ...browser]) {
    const lang = supported(candidate);
    if (lang !== undefined) return lang;
  }
  return 'en';
}

/** A table from a language file, completed with English for keys it lacks (a newer bundle than its files). */
export function complete(table: unknown): Strings {
  const out: Record<string, string> = { ...en };
  if (typeof table === 'object' && table !== null) {
    for (const [key, value] of Object.entries(table)) if (key in en && typeof value === 'string') out[key] = value;
  }
  return out as Strings;
}

const loaded = new Map<Language, Promise<Strings>>();
type LangCallback = (lang: string, table: unknown) => void;
const waiting = new Map<string, (table: unknown) => void>();

/**
 * The strings of `lang`. Other languages than English load as a script from the Switchboard origin
 * (`/widget/lang/<lang>.js`, which calls `__switchboardLang`): a script, not a fetch, because the static files carry no
 * CORS headers and the host page's CSP already allows scripts from that origin. A failure falls back to English.
 */
export function loadStrings(baseUrl: string, lang: Language): Promise<Strings> {
  if (lang === 'en') return Promise.resolve(en);
  let promise = loaded.get(lang);
  if (promise === undefined) {
    promise = new Promise<Strings>((resolve) => {
      const w = window as unknown as { __switchboardLang?: LangCallback };
      w.__switchboardLang ??= (code, table) => waiting.get(code)?.(table);
      waiting.set(lang, (table) => resolve(complete(table)));
      const script = document.createElement('script');
      script.src = `${baseUrl}/widget/lang/${lang}.js`;
      script.async = true;
      script.onerror = () => {
        loaded.delete(lang);
        resolve(en);
      };
      document.head.append(script);
    });
    loaded.set(lang, promise);
  }
  return promise;
}
