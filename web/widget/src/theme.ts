// The team's look on the widget's host element: accent colour with a readable text colour on it, the corner it sits
// in, and the reading direction. Set through the CSSOM (style.setProperty), which a strict style-src allows.

/** The relative luminance (WCAG 2) of `#rgb` / `#rrggbb`, or undefined for anything else. */
export function luminance(hex: string): number | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (m === null) return undefined;
  const digits = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever contrasts more with the accent (white when the colour cannot be read). */
export function textOn(hex: string): '#fff' | '#111' {
  const l = luminance(hex);
  if (l === undefined) return '#fff';
  // Contrast with white (1.05 / (l + .05)) against contrast with black ((l + .05) / .05).
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#fff' : '#111';
}

export interface Theme {
  readonly color: string | undefined;
  /** `right`/`left` in the reading direction: in a right-to-left language `right` is the left corner (the end side). */
  readonly position: 'left' | 'right';
  readonly rtl: boolean;
  readonly lang: string;
}

export function applyTheme(host: HTMLElement, theme: Theme): void {
  const color = theme.color !== undefined && /^#[0-9a-f]{3,8}$|^[a-z]+$|^rgb/i.test(theme.color) ? theme.color : undefined;
  if (color !== undefined) {
    host.style.setProperty('--a', color);
    host.style.setProperty('--on', textOn(color));
  } else {
    host.style.removeProperty('--a');
    host.style.removeProperty('--on');
  }
  host.dir = theme.rtl ? 'rtl' : 'ltr';
  host.lang = theme.lang;
  host.dataset['position'] = theme.position;
}
