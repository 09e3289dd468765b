import { useEffect, useState } from 'react';
import type { CsatStatsReport, CsatSummary } from '@switchboard/client';
import { failure } from '../admin/adminText.js';
import { fill, t } from '../i18n/index.js';
import { useLive, useMembers } from '../live/LiveContext.js';
import { LabelChips } from '../labels/LabelChips.js';
import { statsQuery } from '../stats/statsStore.js';
import { DownloadIcon } from '../ui/icons.js';
import { average, satisfied } from './csatText.js';

type Load = { readonly kind: 'loading' } | { readonly kind: 'error'; readonly message: string } | { readonly kind: 'ready'; readonly report: CsatStatsReport };

/**
 * Statistics → customer satisfaction over the page's range: the ratings given, in total, per operator (the assignee at
 * resolution), per label (carried now) and per day, with its own CSV export.
 */
export function CsatStatsSection({ from, to }: { readonly from: string; readonly to: string }) {
  const { api } = useLive();
  const members = useMembers();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    api.csat.stats({ from, to }).then(
      (report) => { if (!cancelled) setLoad({ kind: 'ready', report }); },
      (error: unknown) => { if (!cancelled) setLoad({ kind: 'error', message: failure(error) }); });
    return () => { cancelled = true; };
  }, [api, from, to]);

  function exportCsv() {
    const a = document.createElement('a');
    a.href = `/api/v1/stats/csat.csv?${statsQuery(from, to)}`;
    a.download = `switchboard-csat-${from}-${to}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
  }

  const r = load.kind === 'ready' ? load.report : null;
  return (
    <section className="card" aria-labelledby="csat-stats-title">
      <div className="csat-head">
        <h2 id="csat-stats-title">{t.csat.title}</h2>
        <button type="button" className="btn" onClick={exportCsv}><DownloadIcon size={15} /> {t.csat.exportCsv}</button>
      </div>
      {load.kind === 'loading' && <p className="muted" aria-busy="true">Loading…</p>}
      {load.kind === 'error' && <p className="form-error" role="alert">{fill(t.csat.loadFailed, { message: load.message })}</p>}
      {r !== null && (
        <>
          <p className="csat-total">
            <strong>{average(r.total)}</strong> {t.csat.average.toLowerCase()} · {r.total.count} {t.csat.ratings.toLowerCase()} · {satisfied(r.total)} {t.csat.satisfied.toLowerCase()}
          </p>
          <CsatTable label={t.csat.operators} head="Operator" rows={r.byOperator.map((o) => ({
            key: String(o.memberId), name: o.memberId === null ? t.csat.nobody : members.find((m) => m.id === o.memberId)?.name ?? o.name ?? `Member #${o.memberId}`, s: o.ratings,
          }))} />
          {r.byTeam.length > 0 && <CsatTable label={t.csat.teams} head="Team" rows={r.byTeam.map((g) => ({
            key: String(g.teamId), name: g.teamId === null ? t.csat.noTeam : g.name ?? `Team #${g.teamId}`, s: g.ratings,
          }))} />}
          {r.byLabel.length > 0 && <CsatTable label={t.csat.labels} head="Label" rows={r.byLabel.map((l) => ({
            key: String(l.labelId), s: l.ratings,
            name: <LabelChips labels={[{ id: l.labelId, name: l.name, colour: l.colour, description: null, version: 0, createdAt: '', updatedAt: '' }]} compact />,
          }))} />}
          <CsatTable label={t.csat.days} head="Day" rows={r.byDay.map((d) => ({ key: d.day, name: d.day, s: d.ratings }))} all />
        </>
      )}
    </section>
  );
}

interface Row { readonly key: string; readonly name: React.ReactNode; readonly s: CsatSummary }

/** One grouping: its ratings, average and satisfied share, and how many of each score (5 first). */
function CsatTable({ label, head, rows, all = false }: { readonly label: string; readonly head: string; readonly rows: readonly Row[]; readonly all?: boolean }) {
  return (
    <table className="table csat-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{head}</th><th scope="col" className="num">{t.csat.ratings}</th><th scope="col" className="num">{t.csat.average}</th>
          <th scope="col" className="num">{t.csat.satisfied}</th><th scope="col" className="num csat-dist">★5 · 4 · 3 · 2 · 1</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && !all
          ? <tr><td colSpan={5} className="muted">{t.csat.none}</td></tr>
          : rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th><td className="num">{row.s.count}</td><td className="num">{average(row.s)}</td>
              <td className="num">{satisfied(row.s)}</td><td className="num csat-dist">{[...row.s.distribution].reverse().join(' · ')}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
