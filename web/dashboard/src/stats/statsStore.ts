// Statistics (docs/workflow.md "Statistics"): the rows of GET /stats/daily read at the wire boundary, and the
// series and per-operator totals the page draws. Pure functions; the page owns fetching.

export interface DailyStats {
  readonly day: string;
  readonly memberId: number | null;
  readonly live: boolean;
  readonly messagesSent: number;
  readonly botMessages: number;
  readonly customerMessages: number;
  readonly conversationsHandled: number;
  readonly newConversations: number;
  readonly firstResponses: number;
  readonly firstResponseMedianMs: number | null;
  readonly firstResponseP90Ms: number | null;
  readonly resolved: number;
  readonly resolvedWithoutHuman: number;
  readonly resolutionMedianMs: number | null;
  readonly handoffs: number;
  readonly botConversations: number;
  readonly botContainmentRate: number | null;
  readonly handoffRate: number | null;
}

export interface DailyStatsResponse {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly items: readonly DailyStats[];
}

/** Reads the answer; a row that is not what the API says is skipped rather than drawn wrong. */
export function parseDailyStats(value: unknown): DailyStatsResponse {
  const o = asObject(value);
  const items = Array.isArray(o['items']) ? o['items'] : [];
  return {
    from: str(o['from']),
    to: str(o['to']),
    timeZone: str(o['timeZone']) || 'UTC',
    items: items.flatMap((raw) => {
      const r = asObject(raw);
      if (typeof r['day'] !== 'string') return [];
      return [{
        day: r['day'], memberId: nullableNum(r['memberId']), live: r['live'] === true,
        messagesSent: num(r['messagesSent']), botMessages: num(r['botMessages']), customerMessages: num(r['customerMessages']),
        conversationsHandled: num(r['conversationsHandled']), newConversations: num(r['newConversations']),
        firstResponses: num(r['firstResponses']), firstResponseMedianMs: nullableNum(r['firstResponseMedianMs']),
        firstResponseP90Ms: nullableNum(r['firstResponseP90Ms']), resolved: num(r['resolved']),
        resolvedWithoutHuman: num(r['resolvedWithoutHuman']), resolutionMedianMs: nullableNum(r['resolutionMedianMs']),
        handoffs: num(r['handoffs']), botConversations: num(r['botConversations']),
        botContainmentRate: nullableNum(r['botContainmentRate']), handoffRate: nullableNum(r['handoffRate']),
      }];
    }),
  };
}

/** The workspace's rows (memberId null), one per day, oldest first. */
export function workspaceDays(items: readonly DailyStats[]): DailyStats[] {
  return items.filter((r) => r.memberId === null).sort((a, b) => a.day.localeCompare(b.day));
}

export interface RangeTotals {
  readonly messages: number;
  readonly customerMessages: number;
  readonly botMessages: number;
  readonly operatorMessages: number;
  readonly newConversations: number;
  /** Median first response of the range, approximated by the daily medians weighted by their counts. */
  readonly firstResponseMs: number | null;
  /** Over the whole range: resolved without a human / resolved. */
  readonly botContainmentRate: number | null;
  /** Over the whole range: handoffs / bot conversations. */
  readonly handoffRate: number | null;
}

export function rangeTotals(days: readonly DailyStats[]): RangeTotals {
  let customer = 0, bot = 0, operator = 0, created = 0, resolved = 0, contained = 0, handoffs = 0, botConversations = 0;
  for (const d of days) {
    customer += d.customerMessages;
    bot += d.botMessages;
    operator += d.messagesSent;
    created += d.newConversations;
    resolved += d.resolved;
    contained += d.resolvedWithoutHuman;
    handoffs += d.handoffs;
    botConversations += d.botConversations;
  }
  return {
    messages: customer + bot + operator, customerMessages: customer, botMessages: bot, operatorMessages: operator, newConversations: created,
    firstResponseMs: weightedMedian(days),
    botContainmentRate: resolved === 0 ? null : contained / resolved,
    handoffRate: botConversations === 0 ? null : handoffs / botConversations,
  };
}

export interface OperatorRow {
  readonly memberId: number;
  readonly messagesSent: number;
  readonly conversationsHandled: number;
  readonly firstResponses: number;
  readonly firstResponseMs: number | null;
  readonly resolved: number;
}

/** Per member over the range, most messages first. Members without a row in the range are not listed. */
export function operatorRows(items: readonly DailyStats[]): OperatorRow[] {
  const byMember = new Map<number, DailyStats[]>();
  for (const r of items) {
    if (r.memberId === null) continue;
    const list = byMember.get(r.memberId) ?? [];
    list.push(r);
    byMember.set(r.memberId, list);
  }
  return [...byMember.entries()].map(([memberId, rows]) => ({
    memberId,
    messagesSent: sum(rows, (r) => r.messagesSent),
    conversationsHandled: sum(rows, (r) => r.conversationsHandled),
    firstResponses: sum(rows, (r) => r.firstResponses),
    firstResponseMs: weightedMedian(rows),
    resolved: sum(rows, (r) => r.resolved),
  })).sort((a, b) => (b.messagesSent - a.messagesSent) || (a.memberId - b.memberId));
}

/** The API's range limit and order, checked before asking. Null when fine, else what is wrong. */
export function rangeProblem(from: string, to: string): string | null {
  if (!isDay(from) || !isDay(to)) return 'Choose both dates.';
  if (from > to) return '"From" must be on or before "To".';
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return days > 366 ? 'Choose at most 366 days.' : null;
}

/** The last `n` days up to `today` (YYYY-MM-DD), as the API's default range is 7. */
export function lastDays(today: string, n: number): { from: string; to: string } {
  const end = Date.parse(`${today}T00:00:00Z`);
  return { from: new Date(end - (n - 1) * 86_400_000).toISOString().slice(0, 10), to: today };
}

export function statsQuery(from: string, to: string): string {
  return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}

function weightedMedian(rows: readonly DailyStats[]): number | null {
  let weight = 0, total = 0;
  for (const r of rows) {
    if (r.firstResponseMedianMs === null || r.firstResponses === 0) continue;
    weight += r.firstResponses;
    total += r.firstResponseMedianMs * r.firstResponses;
  }
  return weight === 0 ? null : Math.round(total / weight);
}

function sum(rows: readonly DailyStats[], pick: (r: DailyStats) => number): number {
  return rows.reduce((t, r) => t + pick(r), 0);
}

function isDay(s: string): boolean { return /^\d{4}-\d{2}-\d{2}$/.test(s); }
function asObject(v: unknown): Record<string, unknown> { return typeof v === 'object' && v !== null ? v as Record<string, unknown> : {}; }
function str(v: unknown): string { return typeof v === 'string' ? v : ''; }
function num(v: unknown): number { return typeof v === 'number' && Number.isFinite(v) ? v : 0; }
function nullableNum(v: unknown): number | null { return typeof v === 'number' && Number.isFinite(v) ? v : null; }
