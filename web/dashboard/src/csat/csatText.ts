import type { CsatSummary } from '@switchboard/client';

/** Five stars, `rating` of them filled. */
export function stars(rating: number): string {
  return '★'.repeat(rating) + '☆'.repeat(Math.max(0, 5 - rating));
}

/** The average with two decimals, or a dash when nobody rated. */
export function average(s: CsatSummary): string {
  return s.average === null ? '–' : s.average.toFixed(2);
}

/** The share of 4 and 5 (the usual "CSAT %"), or a dash when nobody rated. */
export function satisfied(s: CsatSummary): string {
  return s.count === 0 ? '–' : `${Math.round((100 * ((s.distribution[3] ?? 0) + (s.distribution[4] ?? 0))) / s.count)}%`;
}
