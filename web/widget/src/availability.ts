import type { Availability } from '@switchboard/client';
import { fill, type Strings } from './i18n/en.js';

/**
 * The header's honest line: online, away, or when the team is back ("We're back Monday at 09:00") in the visitor's
 * language and their own time zone (Intl.DateTimeFormat without a timeZone is the browser's).
 */
export function availabilityText(t: Strings, availability: Availability | undefined, locale: string, now = new Date()): string {
  if (availability === undefined || availability.state === 'online') return t.online;
  // The bot keeps answering (bot outside hours, or no one online): say so, so nobody waits in silence.
  const text = when(t, availability, locale, now);
  return availability.botAnswers ? `${text}. ${t.botMeanwhile}` : text;
}

function when(t: Strings, availability: Availability, locale: string, now: Date): string {
  if (availability.state === 'away') return t.away;
  const at = availability.nextOpenAt === null ? undefined : new Date(availability.nextOpenAt);
  if (at === undefined || Number.isNaN(at.getTime())) return t.closedNoDate;
  const days = Math.round((startOfDay(at) - startOfDay(now)) / 86_400_000);
  const day = days === 0 ? t.today : days === 1 ? t.tomorrow : new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(at);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at);
  return fill(t.closed, { day, time });
}

/** Whether to offer the email form: no one will answer in the chat soon. */
export const offersEmail = (availability: Availability | undefined): boolean => availability !== undefined && availability.state !== 'online';

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}
