// Formatting of times and durations for the UI (the browser's locale; times in the viewer's zone).

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const date = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "14:05" today, "Mon" this week, "12 Mar" before. */
export function shortTime(iso: string | null, now: number): string {
  if (iso === null) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t);
  const today = new Date(now);
  if (d.toDateString() === today.toDateString()) return time.format(d);
  if (now - t < 6 * 86_400_000 && t <= now) return weekday.format(d);
  return date.format(d);
}

export function clockTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : time.format(new Date(t));
}

export function fullTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : full.format(new Date(t));
}

/** "45 s", "3 min", "1 h 20 min", "2 d 3 h". */
export function duration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}

/** "since 4 min", for waiting times. */
export function since(iso: string, now: number): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : duration(now - t);
}

export function percent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

/** Initials for an avatar: "Ada Lovelace" → "AL". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter((p) => p !== '');
  const letters = parts.length === 1 ? [...(parts[0] ?? '')].slice(0, 2) : [parts[0]?.[0] ?? '', parts[parts.length - 1]?.[0] ?? ''];
  return letters.join('').toUpperCase() || '?';
}

/** A stable hue for an avatar from a seed. */
export function hue(seed: number): number {
  return (seed * 47) % 360;
}
