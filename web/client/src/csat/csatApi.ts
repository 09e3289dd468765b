import { Fields, WireFormatError } from '../sync/wire.js';
import { queryString, type BaseApiClient, type CallOptions } from '../api/apiClient.js';

/** Ratings in a group: how many, the average (two decimals; null when none) and the count of each score, 1 to 5. */
export interface CsatSummary {
  readonly count: number;
  readonly average: number | null;
  readonly distribution: readonly number[];
}

export interface CsatOperatorStats { readonly memberId: number | null; readonly name: string | null; readonly ratings: CsatSummary }
export interface CsatTeamStats { readonly teamId: number | null; readonly name: string | null; readonly ratings: CsatSummary }
export interface CsatLabelStats { readonly labelId: number; readonly name: string; readonly colour: string; readonly ratings: CsatSummary }
export interface CsatDayStats { readonly day: string; readonly ratings: CsatSummary }

/** Satisfaction over local days `from`..`to` (`GET /stats/csat`): ratings given in the period. */
export interface CsatStatsReport {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly total: CsatSummary;
  /** Per operator (the assignee at resolution; `memberId` null: nobody, such as the bot). */
  readonly byOperator: readonly CsatOperatorStats[];
  /** Per team the rating's inbox is in now (`teamId` null: inboxes of no team); empty while the workspace has no team. */
  readonly byTeam: readonly CsatTeamStats[];
  /** Per label the conversation carries now (labels with ratings only). */
  readonly byLabel: readonly CsatLabelStats[];
  /** Every day of the period, zeros included. */
  readonly byDay: readonly CsatDayStats[];
}

/** Customer satisfaction statistics for the team (docs/api.md, "Customer satisfaction"). */
export class CsatApi {
  constructor(private readonly api: BaseApiClient) {}

  async stats(range: { from?: string; to?: string } = {}, options?: CallOptions): Promise<CsatStatsReport> {
    const f = Fields.of(await this.api.sendJson('GET', `/api/v1/stats/csat${queryString(range)}`, undefined, options), 'stats');
    return Object.freeze({
      from: f.string('from'), to: f.string('to'), timeZone: f.string('timeZone'), total: summary(f.raw('total'), 'stats.total'),
      byOperator: Object.freeze(f.array('byOperator', (v, p) => {
        const g = Fields.of(v, p);
        return Object.freeze({ memberId: g.nullableInt('memberId'), name: g.nullableString('name'), ratings: summary(g.raw('ratings'), `${p}.ratings`) });
      })),
      byTeam: Object.freeze(f.array('byTeam', (v, p) => {
        const g = Fields.of(v, p);
        return Object.freeze({ teamId: g.nullableInt('teamId'), name: g.nullableString('name'), ratings: summary(g.raw('ratings'), `${p}.ratings`) });
      })),
      byLabel: Object.freeze(f.array('byLabel', (v, p) => {
        const g = Fields.of(v, p);
        return Object.freeze({ labelId: g.int('labelId'), name: g.string('name'), colour: g.string('colour'), ratings: summary(g.raw('ratings'), `${p}.ratings`) });
      })),
      byDay: Object.freeze(f.array('byDay', (v, p) => {
        const g = Fields.of(v, p);
        return Object.freeze({ day: g.string('day'), ratings: summary(g.raw('ratings'), `${p}.ratings`) });
      })),
    });
  }

  /** The CSV export's path (`GET /stats/csat.csv`), for a download link that carries the session. */
  csvPath(range: { from?: string; to?: string } = {}): string {
    return `/api/v1/stats/csat.csv${queryString(range)}`;
  }
}

function summary(value: unknown, path: string): CsatSummary {
  const f = Fields.of(value, path);
  const distribution = f.raw('distribution');
  if (!Array.isArray(distribution) || distribution.length !== 5 || !distribution.every((n) => Number.isSafeInteger(n) && (n as number) >= 0))
    throw new WireFormatError(`${path}.distribution`, 'five counts');
  return Object.freeze({ count: f.int('count'), average: f.nullableNumber('average'), distribution: Object.freeze(distribution as number[]) });
}
