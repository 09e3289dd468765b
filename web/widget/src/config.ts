/** What the embedding page says about the widget, read from its script tag. */
export interface WidgetConfig {
  /** The widget inbox's public token (`data-inbox`). */
  readonly inboxToken: string;
  /** The Switchboard server: the script's own origin, so the widget works on any site that embeds it. */
  readonly baseUrl: string;
  /** The header's title: `data-team`, else the site's name. */
  readonly teamName: string;
  /** Accent colour (`data-color`, any CSS colour). */
  readonly color: string | undefined;
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
  };
}

// The visitor API does not tell the workspace's name; the site's own name is what a visitor recognises.
function siteName(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content.trim();
  if (meta) return meta;
  const title = document.title.split(/\s+[—–|·-]\s+/)[0]?.trim();
  return title || 'Support';
}
