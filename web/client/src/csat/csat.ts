import { Fields, WireFormatError } from '../sync/wire.js';
import { minDate } from '../sync/models.js';

/** The scale: 1 (very unhappy) to 5 (very happy). */
export const csatScale = Object.freeze([1, 2, 3, 4, 5] as const);

/**
 * One resolution's rating request and, once given, its rating (docs/api.md, "Customer satisfaction"). `assigneeId`: the
 * operator it counts for (team only; null for the visitor). Until `changeableUntil` the visitor may give or change it.
 */
export interface Csat {
  readonly id: number;
  readonly conversationId: number;
  /** `widget` or `whatsapp`. */
  readonly channel: string;
  readonly assigneeId: number | null;
  readonly requestedAt: string;
  readonly rating: number | null;
  readonly comment: string | null;
  readonly ratedAt: string | null;
  readonly changeableUntil: string;
  readonly version: number;
}

export function parseCsat(value: unknown, path = 'csat'): Csat {
  const f = Fields.of(value, path);
  const rating = f.nullableInt('rating');
  if (rating !== null && (rating < 1 || rating > 5)) throw new WireFormatError(`${path}.rating`, 'an integer from 1 to 5 or null');
  const id = f.int('id');
  if (id <= 0) throw new WireFormatError(`${path}.id`, 'a positive integer');
  return Object.freeze({
    id, conversationId: f.int('conversationId'), channel: f.string('channel'), assigneeId: f.nullableInt('assigneeId'),
    requestedAt: f.date('requestedAt', minDate), rating, comment: f.nullableString('comment'), ratedAt: f.nullableDate('ratedAt'),
    changeableUntil: f.date('changeableUntil', minDate), version: f.int('version'),
  });
}

/** The data of `csat.updated`. */
export function parseCsatEvent(data: unknown): Csat {
  return parseCsat(Fields.of(data, 'event.data').raw('csat'), 'event.data.csat');
}

/** The answer to a rating: the rating after the write and its event's seq. */
export interface CsatWriteResult {
  readonly csat: Csat;
  readonly seq: number;
  readonly replayed: boolean;
}

export function parseCsatWriteResult(value: unknown): CsatWriteResult {
  const f = Fields.of(value, 'answer');
  return Object.freeze({ csat: parseCsat(f.raw('csat'), 'answer.csat'), seq: f.int('seq'), replayed: f.bool('replayed') });
}
