import { useEffect, useState } from 'react';
import { type LabelStatsReport } from '@switchboard/client';
import { failure } from '../admin/adminText.js';
import { useLive } from '../live/LiveContext.js';
import { statsQuery } from '../stats/statsStore.js';
import { DownloadIcon } from '../ui/icons.js';
import { LabelChips } from './LabelChips.js';
import { useLabels } from './useLabels.js';

type Load = { readonly kind: 'loading' } | { readonly kind: 'error'; readonly message: string } | { readonly kind: 'ready'; readonly report: LabelStatsReport };

/** Statistics → conversations per label over the page's range, with its own CSV export. Reloads when the label set changes. */
export function LabelStatsSection({ from, to }: { readonly from: string; readonly to: string }) {
  const { api } = useLive();
  const labels = useLabels();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const labelKey = labels.map((l) => `${l.id}:${l.version}`).join(',');

  useEffect(() => {
    let cancelled = false;
    api.labels.stats({ from, to }).then(
      (report) => { if (!cancelled) setLoad({ kind: 'ready', report }); },
      (error: unknown) => { if (!cancelled) setLoad({ kind: 'error', message: failure(error) }); });
    return () => { cancelled = true; };
  }, [api, from, to, labelKey]);

  function exportCsv() {
    const a = document.createElement('a');
    a.href = `/api/v1/stats/labels.csv?${statsQuery(from, to)}`;
    a.download = `switchboard-labels-${from}-${to}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
  }

  return (
    <section className="card" aria-labelledby="label-stats-title">
      <div className="section-head section-head-row">
        <h2 id="label-stats-title">Labels</h2>
        <button type="button" className="btn" onClick={exportCsv}><DownloadIcon size={15} /> Export labels CSV</button>
      </div>
      {load.kind === 'loading' && <p className="muted" aria-busy="true">Loading…</p>}
      {load.kind === 'error' && <p className="form-error" role="alert">Label statistics could not be loaded: {load.message}</p>}
      {load.kind === 'ready' && (
        <table className="table" aria-label="Labels">
          <thead>
            <tr><th scope="col">Label</th><th scope="col" className="num">Opened</th><th scope="col" className="num">Resolved</th><th scope="col" className="num">Open now</th></tr>
          </thead>
          <tbody>
            {load.report.items.length === 0
              ? <tr><td colSpan={4} className="muted">No labels yet.</td></tr>
              : load.report.items.map((r) => (
                <tr key={r.labelId}>
                  <th scope="row"><LabelChips labels={[{ id: r.labelId, name: r.name, colour: r.colour, description: null, version: 0, createdAt: '', updatedAt: '' }]} compact /></th>
                  <td className="num">{r.opened}</td><td className="num">{r.resolved}</td><td className="num">{r.openNow}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
