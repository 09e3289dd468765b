import type { PreChat, WidgetPublicConfig } from '@switchboard/client';
import type { WidgetConfig } from './config';
import { en, type Strings } from './i18n/en';
import { chooseLanguage, isRtl, type Language } from './i18n/language';

/** Everything the view is built from that is not the conversation: the team's look, its texts and language. */
export interface Look {
  readonly t: Strings;
  readonly lang: Language;
  readonly rtl: boolean;
  readonly teamName: string;
  readonly avatarUrl: string | null;
  readonly color: string | undefined;
  readonly position: 'left' | 'right';
  readonly launcherText: string;
  /** The first line of an empty conversation; empty for the language's default. */
  readonly greeting: string;
  readonly preChat: PreChat;
  /** The workspace's largest attachment: a bigger file is refused before it is sent. */
  readonly maxBytes: number;
}

/** Before the inbox's config is read (or when it cannot be): what the script tag and the page say. */
const asBefore: PreChat = { name: 'optional', email: 'optional' };

/** The language for this page, given the inbox's override (null: none, undefined: not read yet). */
export function pageLanguage(config: WidgetConfig, inboxLanguage: string | null | undefined): Language {
  return chooseLanguage(config.lang, inboxLanguage, document.documentElement.lang, navigator.languages ?? []);
}

/** The look from the script tag, the inbox's config (once read) and the strings of the chosen language. */
export function lookOf(config: WidgetConfig, remote: WidgetPublicConfig | undefined, lang: Language, t: Strings = en): Look {
  return {
    t, lang, rtl: isRtl(lang),
    teamName: remote?.teamName || config.teamName,
    avatarUrl: remote?.avatarUrl ?? null,
    color: remote?.color || config.color,
    position: remote?.position ?? config.position ?? 'right',
    launcherText: remote?.launcherText ?? '',
    greeting: remote?.greeting ?? '',
    preChat: remote?.preChat ?? asBefore,
    maxBytes: remote?.attachmentMaxBytes ?? 26_214_400,
  };
}

/** Whether two looks would build the same view (the view is rebuilt only when they differ). */
export const sameLook = (a: Look, b: Look): boolean => JSON.stringify(a) === JSON.stringify(b);
