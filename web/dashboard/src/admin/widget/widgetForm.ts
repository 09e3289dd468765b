import type { PreChatMode, WeeklyHours, WidgetSettings } from '@switchboard/client';

// The widget settings form's model: text fields as typed, converted to the API's shape with every problem named.

export interface DayRow {
  readonly open: boolean;
  readonly from: string;
  readonly to: string;
}

export interface WidgetForm {
  readonly origins: string;
  readonly teamName: string;
  readonly avatarUrl: string;
  readonly color: string;
  readonly position: 'left' | 'right';
  readonly launcherText: string;
  readonly greeting: string;
  /** '' for "the visitor's language". */
  readonly language: string;
  readonly preName: PreChatMode;
  readonly preEmail: PreChatMode;
  readonly identityVerification: string;
  readonly hoursEnabled: boolean;
  /** '' for the workspace's time zone. */
  readonly timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday, as the API numbers days. */
  readonly days: readonly DayRow[];
  readonly holidays: string;
  readonly botOutsideHours: boolean;
}

const closedDay: DayRow = { open: false, from: '09:00', to: '17:00' };

export function toForm(s: WidgetSettings): WidgetForm {
  const days = Array.from({ length: 7 }, (_, day): DayRow => {
    const row = s.businessHours.weekly.find((w) => w.day === day);
    return row === undefined ? closedDay : { open: true, from: row.open, to: row.close };
  });
  return {
    origins: s.allowedOrigins.join('\n'), teamName: s.teamName, avatarUrl: s.avatarUrl ?? '', color: s.color, position: s.position,
    launcherText: s.launcherText, greeting: s.greeting, language: s.language ?? '', preName: s.preChat.name, preEmail: s.preChat.email,
    identityVerification: s.identityVerification, hoursEnabled: s.businessHours.enabled, timeZone: s.businessHours.timeZone ?? '',
    days, holidays: s.businessHours.holidays.join('\n'), botOutsideHours: s.botOutsideHours,
  };
}

const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

// An origin is scheme://host[:port] with no path; `*.` may start the host (any subdomain).
const originPattern = /^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The origins that are not valid, as typed. */
export function invalidOrigins(text: string): string[] {
  return lines(text).filter((o) => !originPattern.test(o));
}

/** The settings the form describes, or the problems that keep it from being saved. */
export function fromForm(f: WidgetForm): { readonly settings: WidgetSettings } | { readonly errors: readonly string[] } {
  const errors: string[] = [];
  const bad = invalidOrigins(f.origins);
  if (bad.length > 0) errors.push(`Not an origin (scheme://host[:port], no path): ${bad.join(', ')}`);
  if (!/^#[0-9a-f]{6}$/i.test(f.color)) errors.push('The colour must be #RRGGBB.');
  if (f.avatarUrl.trim() !== '' && !/^https:\/\//.test(f.avatarUrl.trim())) errors.push('The avatar must be an https:// URL.');
  const weekly: WeeklyHours[] = [];
  f.days.forEach((d, day) => {
    if (!d.open) return;
    if (!timePattern.test(d.from) || !timePattern.test(d.to) || d.from >= d.to) errors.push(`${dayNames[day]}: opening must be before closing (HH:mm).`);
    else weekly.push({ day, open: d.from, close: d.to });
  });
  const holidays = lines(f.holidays);
  const badDates = holidays.filter((d) => !datePattern.test(d) || Number.isNaN(Date.parse(d)));
  if (badDates.length > 0) errors.push(`Holidays must be dates (yyyy-mm-dd): ${badDates.join(', ')}`);
  if (f.hoursEnabled && weekly.length === 0) errors.push('Business hours are on but no day is open.');
  if (errors.length > 0) return { errors };
  return {
    settings: {
      allowedOrigins: lines(f.origins), teamName: f.teamName.trim(), avatarUrl: f.avatarUrl.trim() || null, color: f.color.toLowerCase(),
      position: f.position, launcherText: f.launcherText.trim(), greeting: f.greeting.trim(), language: f.language || null,
      preChat: { name: f.preName, email: f.preEmail }, identityVerification: f.identityVerification,
      businessHours: { enabled: f.hoursEnabled, timeZone: f.timeZone.trim() || null, weekly, holidays },
      botOutsideHours: f.botOutsideHours,
    },
  };
}

export const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** HMAC-SHA256 snippets for the site's server: the hash the page passes with the user id. */
export const identitySnippet = `// Node.js, on your server:
const hash = require('crypto').createHmac('sha256', SECRET).update(user.id).digest('hex');
// Then in the page: <script src=".../widget.js" data-inbox="…" data-user-id="{user.id}" data-user-hash="{hash}" async></script>`;
