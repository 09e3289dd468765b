import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';

// Medians over runs, percentiles over frames, the printed table and the machine a result was measured on.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export function machine(browserVersion: string): Record<string, unknown> {
  return {
    cpu: cpus()[0]?.model ?? null, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30 * 10) / 10, freeGiB: Math.round(freemem() / 2 ** 30 * 10) / 10,
    os: `${type()} ${release()}`, node: process.version, chromium: browserVersion, gpu: 'none (headless, --disable-gpu)',
  };
}

/** The 1, 5 and 15 minute load averages, rounded. */
export const load = (): number[] => loadavg().map((l) => Math.round(l * 100) / 100);

export interface Row {
  readonly measure: string;
  readonly variant: string;
  readonly values: Readonly<Record<string, number>>;
}

/** Prints rows as a Markdown table (the form docs/benchmarks.md uses), one column per value name in first-seen order. */
export function table(title: string, rows: readonly Row[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  const cell = (v: number | undefined): string => v === undefined || Number.isNaN(v) ? '' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1);
  return [`**${title}** (medians of runs)`, '',
    `| measure | variant | ${columns.join(' | ')} |`, `|---|---|${columns.map(() => '---|').join('')}`,
    ...rows.map((r) => `| ${r.measure} | ${r.variant} | ${columns.map((c) => cell(r.values[c])).join(' | ')} |`)].join('\n');
}
