import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lastDays, operatorRows, parseDailyStats, rangeProblem, rangeTotals, statsQuery, workspaceDays } from './statsStore.js';

const row = (day: string, memberId: number | null, extra: Record<string, unknown> = {}) => ({
  day, memberId, dayStart: `${day}T00:00:00Z`, dayEnd: `${day}T23:59:59Z`, live: false, messagesSent: 0, botMessages: 0, customerMessages: 0,
  conversationsHandled: 0, newConversations: 0, firstResponses: 0, firstResponseMedianMs: null, firstResponseP90Ms: null, resolved: 0,
  resolvedWithoutHuman: 0, resolutionMedianMs: null, resolutionP90Ms: null, handoffs: 0, botConversations: 0, botContainmentRate: null, handoffRate: null, ...extra,
});

describe('statsStore', () => {
  const answer = parseDailyStats({
    from: '2026-03-01', to: '2026-03-02', timeZone: 'Europe/Berlin',
    items: [
      row('2026-03-02', null, { customerMessages: 4, botMessages: 2, messagesSent: 3, resolved: 2, resolvedWithoutHuman: 1, handoffs: 1, botConversations: 4, firstResponses: 1, firstResponseMedianMs: 30_000 }),
      row('2026-03-01', null, { customerMessages: 1, resolved: 2, resolvedWithoutHuman: 2, botConversations: 1, firstResponses: 3, firstResponseMedianMs: 10_000 }),
      row('2026-03-01', 7, { messagesSent: 2, conversationsHandled: 1, firstResponses: 1, firstResponseMedianMs: 20_000 }),
      row('2026-03-02', 7, { messagesSent: 1, conversationsHandled: 1, firstResponses: 1, firstResponseMedianMs: 40_000, resolved: 1 }),
      row('2026-03-02', 8, { messagesSent: 5 }),
      { day: 42 },
    ],
  });

  it('reads the answer and skips rows it cannot read', () => {
    assert.equal(answer.timeZone, 'Europe/Berlin');
    assert.equal(answer.items.length, 5);
  });

  it('draws the workspace rows by day, oldest first', () => {
    assert.deepEqual(workspaceDays(answer.items).map((d) => d.day), ['2026-03-01', '2026-03-02']);
  });

  it('totals a range: rates over the whole range, not averages of daily rates', () => {
    const t = rangeTotals(workspaceDays(answer.items));
    assert.equal(t.messages, 10);
    assert.equal(t.botContainmentRate, 3 / 4);
    assert.equal(t.handoffRate, 1 / 5);
    assert.equal(t.firstResponseMs, Math.round((30_000 + 3 * 10_000) / 4));
    assert.equal(rangeTotals([]).botContainmentRate, null);
  });

  it('sums each operator over the range, most messages first', () => {
    const rows = operatorRows(answer.items);
    assert.deepEqual(rows.map((r) => [r.memberId, r.messagesSent]), [[8, 5], [7, 3]]);
    assert.equal(rows[1]!.firstResponseMs, 30_000);
    assert.equal(rows[0]!.firstResponseMs, null);
  });

  it('checks a range before asking, as the API would', () => {
    assert.equal(rangeProblem('2026-03-01', '2026-03-31'), null);
    assert.match(rangeProblem('2026-03-02', '2026-03-01') ?? '', /before/);
    assert.match(rangeProblem('2025-01-01', '2026-03-01') ?? '', /366/);
    assert.match(rangeProblem('', '2026-03-01') ?? '', /both/);
    assert.deepEqual(lastDays('2026-03-07', 7), { from: '2026-03-01', to: '2026-03-07' });
    assert.equal(statsQuery('2026-03-01', '2026-03-07'), 'from=2026-03-01&to=2026-03-07');
  });
});
