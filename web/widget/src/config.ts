import type { WidgetIdentity } from '@switchboard/client';

/** What the embedding page says about the widget, read from its script tag. */
export interface WidgetConfig {
  /** The widget inbox's public token (`data-inbox`). */
  readonly inboxToken: string;
  /** The Switchboard server: the script's own origin, so the widget works on any site that embeds it. */
  readonly baseUrl: string;
  /** The header's title: `data-team`, else the site's name. */
  readonly teamName: string;
  /** Accent colour (`data-color`, any CSS colour); the inbox's colour wins once its config is read. */
  readonly color: string | undefined;
  /** `data-lang`: the page's language for the widget, before the inbox's override. */
  readonly lang: string | undefined;
  /** `data-position`: `left` or `right`, before the inbox's setting is read. */
  readonly position: 'left' | 'right' | undefined;
  /** `data-open="true"`: the panel opens on load. */
  readonly open: boolean;
  /** `data-user-id` + `data-user-hash` (+ `data-user-name`, `data-user-email`): a verified identity. */
  readonly identity: WidgetIdentity | undefined;
}

/** Reads the configuration from the script tag; undefined when there is no inbox token. */
export function readConfig(script: HTMLScriptElement | null): WidgetConfig | undefined {
  const data = script?.dataset;
  const inboxToken = data?.['inbox']?.trim();
  if (!inboxToken) return undefined;
  const src = script?.src;
  return {
    inboxToken,
    baseUrl: src ? new URL(src, location.href).origin : location.origin,
    teamName: data?.['team']?.trim() || siteName(),
    color: data?.['color']?.trim() || undefined,
    lang: data?.['lang']?.trim() || undefined,
    position: data?.['position'] === 'left' || data?.['position'] === 'right' ? data['position'] : undefined,
    open: data?.['open'] === 'true',
    identity: identity(data),
  };
}

function identity(data: DOMStringMap | undefined): WidgetIdentity | undefined {
  const userId = data?.['userId']?.trim();
  const hash = data?.['userHash']?.trim();
  if (!userId || !hash) return undefined;
  const name = data?.['userName']?.trim();
  const email = data?.['userEmail']?.trim();
  return { userId, hash, ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

// The visitor API does not tell the workspace's name; the site's own name is what a visitor recognises.
function siteName(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content.trim();
  if (meta) return meta;
  const title = document.title.split(/\s+[—–|·-]\s+/)[0]?.trim();
  return title || 'Support';
}
