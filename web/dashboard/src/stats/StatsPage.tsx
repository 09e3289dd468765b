import { useEffect, useMemo, useState } from 'react';
import { HttpError } from '@switchboard/client';
import { useLive, useMembers } from '../live/LiveContext.js';
import { duration, percent } from '../ui/format.js';
import { DownloadIcon } from '../ui/icons.js';
import { Page } from '../ui/Page.js';
import { LabelStatsSection } from '../labels/LabelStatsSection.js';
import { CsatStatsSection } from '../csat/CsatStatsSection.js';
import { BarChart, Legend, LineChart, type Series } from './charts.js';
import { lastDays, operatorRows, parseDailyStats, rangeProblem, rangeTotals, statsQuery, workspaceDays, type DailyStatsResponse } from './statsStore.js';

type Load = { readonly kind: 'loading' } | { readonly kind: 'error'; readonly message: string } | { readonly kind: 'ready'; readonly data: DailyStatsResponse };

export function StatsPage() {
  const { api } = useLive();
  const members = useMembers();
  const [range, setRange] = useState(() => lastDays(localToday(), 7));
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const problem = rangeProblem(range.from, range.to);

  useEffect(() => {
    if (problem !== null) return;
    let cancelled = false;
    setLoad((l) => l.kind === 'ready' ? l : { kind: 'loading' });
    api.getJson(`/api/v1/stats/daily?${statsQuery(range.from, range.to)}`).then(
      (body) => { if (!cancelled) setLoad({ kind: 'ready', data: parseDailyStats(body) }); },
      (error: unknown) => {
        if (!cancelled) setLoad({ kind: 'error', message: error instanceof HttpError ? (error.detail ?? error.code) : 'The server cannot be reached.' });
      });
    return () => { cancelled = true; };
  }, [api, range.from, range.to, problem]);

  const days = useMemo(() => load.kind === 'ready' ? workspaceDays(load.data.items) : [], [load]);
  const totals = useMemo(() => rangeTotals(days), [days]);
  const operators = useMemo(() => load.kind === 'ready' ? operatorRows(load.data.items) : [], [load]);
  const labels = days.map((d) => d.day);

  const messageSeries: Series[] = [
    { name: 'Customers', className: 'c1', values: days.map((d) => d.customerMessages) },
    { name: 'Bot', className: 'c2', values: days.map((d) => d.botMessages) },
    { name: 'Operators', className: 'c3', values: days.map((d) => d.messagesSent) },
  ];
  const responseSeries: Series[] = [
    { name: 'Median', className: 'c3', values: days.map((d) => d.firstResponseMedianMs) },
    { name: '90th percentile', className: 'c4', values: days.map((d) => d.firstResponseP90Ms) },
  ];
  const botSeries: Series[] = [
    { name: 'Bot containment', className: 'c2', values: days.map((d) => d.botContainmentRate) },
    { name: 'Handoff rate', className: 'c5', values: days.map((d) => d.handoffRate) },
  ];

  function exportCsv() {
    const a = document.createElement('a');
    a.href = `/api/v1/stats/daily.csv?${statsQuery(range.from, range.to)}`;
    a.download = `switchboard-stats-${range.from}-${range.to}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
  }

  const lead = load.kind === 'ready' ? `Days in ${load.data.timeZone}. Today is live; closed days come from the nightly rollup.` : 'Daily activity of the workspace and its operators.';
  return (
    <Page title="Statistics" wide lead={lead} actions={
      <div className="range">
        <label className="field field-inline"><span>From</span><input type="date" value={range.from} max={range.to} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} /></label>
        <label className="field field-inline"><span>To</span><input type="date" value={range.to} min={range.from} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} /></label>
        <div className="quick">
          {[7, 30, 90].map((n) => <button key={n} type="button" className="chip" onClick={() => setRange(lastDays(localToday(), n))}>{n} days</button>)}
        </div>
        <button type="button" className="btn" onClick={exportCsv} disabled={problem !== null}><DownloadIcon size={15} /> Export CSV</button>
      </div>
    }>
      {problem !== null && <p className="form-error" role="alert">{problem}</p>}
      {load.kind === 'error' && <p className="form-error" role="alert">Statistics could not be loaded: {load.message}</p>}
      {load.kind === 'loading' && <p className="muted" aria-busy="true">Loading statistics…</p>}
      {load.kind === 'ready' && (
        <>
          <section className="kpis" aria-label="Totals">
            <Kpi label="Messages" value={String(totals.messages)} hint={`${totals.customerMessages} from customers`} />
            <Kpi label="New conversations" value={String(totals.newConversations)} />
            <Kpi label="First response" value={duration(totals.firstResponseMs)} hint="median, weighted by day" />
            <Kpi label="Bot containment" value={percent(totals.botContainmentRate)} hint="resolved without a human" />
            <Kpi label="Handoff rate" value={percent(totals.handoffRate)} hint="of the bot's conversations" />
          </section>
          <div className="charts">
            <section className="card chart-card">
              <h2>Daily messages</h2>
              <Legend series={messageSeries} />
              <BarChart label={`Daily messages, ${range.from} to ${range.to}`} days={labels} series={messageSeries} format={(v) => (Number.isInteger(v) ? String(v) : v.toFixed(1))} minTop={4} />
            </section>
            <section className="card chart-card">
              <h2>First response time</h2>
              <Legend series={responseSeries} />
              <LineChart label="First response time per day" days={labels} series={responseSeries} format={(v) => duration(v)} minTop={60_000} />
            </section>
            <section className="card chart-card">
              <h2>Bot containment and handoff rate</h2>
              <Legend series={botSeries} />
              <LineChart label="Bot containment and handoff rate per day" days={labels} series={botSeries} format={(v) => percent(v)} max={1} />
            </section>
          </div>
          <section className="card">
            <h2>Operators</h2>
            <table className="table" aria-label="Operators">
              <thead>
                <tr><th scope="col">Operator</th><th scope="col" className="num">Messages sent</th><th scope="col" className="num">Conversations</th><th scope="col" className="num">First responses</th><th scope="col" className="num">First response (median)</th><th scope="col" className="num">Resolved</th></tr>
              </thead>
              <tbody>
                {operators.length === 0
                  ? <tr><td colSpan={6} className="muted">No operator activity in this range.</td></tr>
                  : operators.map((o) => (
                    <tr key={o.memberId}>
                      <th scope="row">{members.find((m) => m.id === o.memberId)?.name ?? `Member #${o.memberId}`}</th>
                      <td className="num">{o.messagesSent}</td><td className="num">{o.conversationsHandled}</td><td className="num">{o.firstResponses}</td>
                      <td className="num">{duration(o.firstResponseMs)}</td><td className="num">{o.resolved}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
          <CsatStatsSection from={range.from} to={range.to} />
          <LabelStatsSection from={range.from} to={range.to} />
          <section className="card">
            <h2>By day</h2>
            <table className="table" aria-label="Days">
              <thead>
                <tr><th scope="col">Day</th><th scope="col" className="num">Customer</th><th scope="col" className="num">Bot</th><th scope="col" className="num">Operator</th><th scope="col" className="num">First response</th><th scope="col" className="num">Containment</th><th scope="col" className="num">Handoff</th></tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{d.day}{d.live && <span className="pill pill-live">live</span>}</th>
                    <td className="num">{d.customerMessages}</td><td className="num">{d.botMessages}</td><td className="num">{d.messagesSent}</td>
                    <td className="num">{duration(d.firstResponseMedianMs)}</td><td className="num">{percent(d.botContainmentRate)}</td><td className="num">{percent(d.handoffRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </Page>
  );
}

function Kpi({ label, value, hint }: { readonly label: string; readonly value: string; readonly hint?: string }) {
  return (
    <div className="kpi card">
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
      {hint !== undefined && <span className="kpi-hint">{hint}</span>}
    </div>
  );
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
