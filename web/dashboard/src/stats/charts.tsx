import { useCallback, useRef, useState } from 'react';
// Small hand-rolled SVG charts: stacked bars by day and lines by day. Each chart is an <svg role="img"> with a
// label summarising it, and the numbers are in the table below for anyone who cannot see it.

export interface Series {
  readonly name: string;
  readonly className: string;
  readonly values: readonly (number | null)[];
}

interface ChartProps {
  readonly label: string;
  readonly days: readonly string[];
  readonly series: readonly Series[];
  readonly format: (v: number) => string;
  /** Fixed top of the scale (1 for rates); else from the data. */
  readonly max?: number;
  /** The smallest top of the scale (so a quiet range is not drawn as a wall). */
  readonly minTop?: number;
}

const height = 180;

/**
 * The chart's drawn width in CSS pixels, so one SVG unit is one pixel and the axis labels keep their font size
 * (a fixed viewBox scaled into a narrow card drew them ~6 px tall).
 */
function useWidth(): [(el: SVGSVGElement | null) => void, number] {
  const [width, setWidth] = useState(560);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: SVGSVGElement | null) => {
    observer.current?.disconnect();
    if (el === null || el.parentElement === null) return;
    const parent = el.parentElement;
    const measure = () => { const w = Math.round(parent.clientWidth - parseFloat(getComputedStyle(parent).paddingLeft) - parseFloat(getComputedStyle(parent).paddingRight)); if (w > 0) setWidth(w); };
    observer.current = new ResizeObserver(measure);
    observer.current.observe(parent);
    measure();
  }, []);
  return [ref, width];
}
const pad = { left: 44, right: 12, top: 12, bottom: 26 };

export function BarChart({ label, days, series, format, max, minTop = 1 }: ChartProps) {
  const [ref, width] = useWidth();
  const totals = days.map((_, i) => series.reduce((t, s) => t + (s.values[i] ?? 0), 0));
  const top = niceMax(max ?? Math.max(minTop, ...totals));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / Math.max(1, days.length);
  const bar = Math.min(28, slot * 0.6);
  return (
    <svg ref={ref} viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="chart" role="img" aria-label={label}>
      <Grid top={top} format={format} width={width} />
      {days.map((day, i) => {
        let y = pad.top + plotH;
        const x = pad.left + slot * i + (slot - bar) / 2;
        return (
          <g key={day}>
            {series.map((s) => {
              const v = s.values[i] ?? 0;
              const h = (v / top) * plotH;
              y -= h;
              return v > 0 ? <rect key={s.name} x={x} y={y} width={bar} height={h} rx={2} className={s.className}><title>{`${day} · ${s.name}: ${format(v)}`}</title></rect> : null;
            })}
            {showTick(i, days.length, width) && <text x={x + bar / 2} y={height - 8} textAnchor="middle" className="chart-axis">{shortDay(day)}</text>}
          </g>
        );
      })}
    </svg>
  );
}

export function LineChart({ label, days, series, format, max, minTop = 1 }: ChartProps) {
  const [ref, width] = useWidth();
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = niceMax(max ?? Math.max(minTop, ...all));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (days.length <= 1 ? plotW / 2 : (plotW * i) / (days.length - 1));
  const y = (v: number) => pad.top + plotH - (v / top) * plotH;
  return (
    <svg ref={ref} viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="chart" role="img" aria-label={label}>
      <Grid top={top} format={format} width={width} />
      {series.map((s) => {
        // A null (no data that day) breaks the line rather than drawing a fake zero.
        const segments: string[] = [];
        let current = '';
        s.values.forEach((v, i) => {
          if (v === null) { if (current !== '') segments.push(current); current = ''; return; }
          current += `${current === '' ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
        });
        if (current !== '') segments.push(current);
        return (
          <g key={s.name} className={s.className}>
            {segments.map((d, i) => <path key={i} d={d} fill="none" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" />)}
            {s.values.map((v, i) => v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3}><title>{`${days[i] ?? ''} · ${s.name}: ${format(v)}`}</title></circle>)}
          </g>
        );
      })}
      {days.map((day, i) => showTick(i, days.length, width) && <text key={day} x={x(i)} y={height - 8} textAnchor="middle" className="chart-axis">{shortDay(day)}</text>)}
    </svg>
  );
}

function Grid({ top, format, width }: { readonly top: number; readonly format: (v: number) => string; readonly width: number }) {
  const plotH = height - pad.top - pad.bottom;
  return (
    <g className="chart-grid">
      {[0, 0.5, 1].map((f) => {
        const y = pad.top + plotH - f * plotH;
        return (
          <g key={f}>
            <line x1={pad.left} x2={width - pad.right} y1={y} y2={y} />
            <text x={pad.left - 6} y={y + 4} textAnchor="end" className="chart-axis">{format(top * f)}</text>
          </g>
        );
      })}
    </g>
  );
}

export function Legend({ series }: { readonly series: readonly Series[] }) {
  return (
    <ul className="legend" aria-hidden="true">
      {series.map((s) => <li key={s.name}><span className={`legend-swatch ${s.className}`} />{s.name}</li>)}
    </ul>
  );
}

function niceMax(v: number): number {
  if (v <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(v));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= v) return step * magnitude;
  return 10 * magnitude;
}

function showTick(i: number, n: number, width: number): boolean {
  // A label is ~40 px wide at 12 px: as many as fit.
  const every = Math.ceil(n / Math.max(2, Math.floor((width - pad.left - pad.right) / 44)));
  return i % every === 0 || i === n - 1;
}

function shortDay(day: string): string {
  const [, m, d] = day.split('-');
  return `${Number(d)}.${Number(m)}.`;
}
