import type { Conversation, SnoozeChange } from '@switchboard/client';
import { fill, t } from '../i18n/index.js';

// The snooze presets, computed in the operator's own time zone (the browser's): "tomorrow 9:00" is 9:00 where the
// operator sits. Pure, with the clock passed in, so the tests pin it.

export type SnoozePreset = 'oneHour' | 'tomorrow' | 'nextWeek' | 'untilReply';

/** The server refuses a snooze further ahead than this (docs/api.md). */
export const maxSnoozeMs = 365 * 24 * 3600 * 1000;

/** The change a preset means at `now`. */
export function presetChange(preset: SnoozePreset, now: Date): SnoozeChange {
  switch (preset) {
    case 'untilReply': return { untilReply: true };
    case 'oneHour': return { until: new Date(now.getTime() + 3600_000).toISOString() };
    case 'tomorrow': return { until: atNine(now, 1).toISOString() };
    case 'nextWeek': return { until: atNine(now, daysToNextMonday(now)).toISOString() };
  }
}

/** A custom time from an `<input type="datetime-local">` (local time), or null when it is empty, past or too far. */
export function customChange(localValue: string, now: Date): SnoozeChange | null {
  if (localValue === '') return null;
  const at = new Date(localValue); // a datetime-local value without an offset reads as local time
  const ms = at.getTime();
  if (Number.isNaN(ms) || ms <= now.getTime() || ms - now.getTime() > maxSnoozeMs) return null;
  return { until: at.toISOString() };
}

/** The value a datetime-local input starts with: one hour from now, to the minute, in local time. */
export function defaultCustomValue(now: Date): string {
  const d = new Date(now.getTime() + 3600_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What the list row and the header say about a snoozed conversation, or null when it is awake. */
export function snoozeLabel(c: Pick<Conversation, 'snoozedUntil' | 'snoozeUntilReply'>, now: Date): string | null {
  if (c.snoozeUntilReply) return t.snooze.untilReplyShort;
  if (c.snoozedUntil === null) return null;
  return fill(t.snooze.until, { time: wakeTime(new Date(c.snoozedUntil), now) });
}

/** The wake marker's text (`short` for a list row, where the preview needs the room), or null when there is none. */
export function markerLabel(c: Pick<Conversation, 'wakeReason'>, short = false): string | null {
  switch (c.wakeReason) {
    case 'snooze_ended': return t.snooze.ended;
    case 'customer_replied': return short ? t.snooze.customerRepliedShort : t.snooze.customerReplied;
    default: return null;
  }
}

/** "14:30" today, "Tue 09:00" within a week, else "3 Mar 09:00". */
export function wakeTime(at: Date, now: Date): string {
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === now.toDateString()) return time;
  const days = (at.getTime() - now.getTime()) / 86_400_000;
  const date = days < 6
    ? at.toLocaleDateString(undefined, { weekday: 'short' })
    : at.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return `${date} ${time}`;
}

function atNine(now: Date, daysAhead: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysAhead, 9, 0, 0, 0);
}

/** 1..7: next Monday, a whole week ahead when today is Monday. */
function daysToNextMonday(now: Date): number {
  const toMonday = (8 - now.getDay()) % 7;
  return toMonday === 0 ? 7 : toMonday;
}
