import type { Click } from './pages/instrument.ts';
import type { PageRun } from './run-page.ts';

export interface SizeResult {
  rows: number;
  ours: PageRun;
  baseline: PageRun;
}

const s = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '—');
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 100 ? 1 : 0)} ms` : '—');
const mb = (bytes: number) => (Number.isFinite(bytes) ? `${Math.round(bytes / 2 ** 20)} MB` : '—');
const rowsLabel = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const table = (header: string[], rows: string[][]) =>
  [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');

/** The side-by-side table (Markdown, so it can go into the README as printed). */
export function resultTable(results: readonly SizeResult[]): string {
  const header = ['rows', 'page', 'engine ready', 'first chart', 'all tiles', 'clicks', 'click p50', 'click p95'];
  header.push('p95 first visits', 'WASM memory', 'JS heap', 'sales.duckdb read');
  const rows = results.flatMap(({ rows, ours, baseline }) =>
    [ours, baseline].map((run) => [
      rowsLabel(rows),
      run.variant,
      s(run.marks.engineReady),
      s(run.marks.firstChart),
      s(run.marks.allTiles),
      String(run.clicks.length),
      ms(percentile(rendered(run), 50)),
      ms(percentile(rendered(run), 95)),
      ms(percentile(rendered(run).slice(0, run.firstVisits), 95)),
      mb(run.memory.wasm),
      mb(run.memory.jsHeap),
      mb(run.dbBytes),
    ]),
  );
  return table(header, rows);
}

const rendered = (run: PageRun) => run.clicks.map((c) => c.rendered);
const insightsTimes = (run: PageRun) => run.clicks.map((c) => c.insights).filter(Number.isFinite);

/** Where a click's time goes: the queries it causes until the last one resolved, then rendering. */
export function clickTable(results: readonly SizeResult[]): string {
  const header = ['rows', 'page', 'pointer enters → cubes built', 'queries per click'];
  header.push(
    'engine queries (first visit / later)',
    'data ready p50',
    'data ready p95',
    'rendered p50',
    'rendered p95',
    'insights p95',
  );
  const median = (clicks: Click[], of: (c: Click) => number) =>
    clicks.length > 0 ? String(percentile(clicks.map(of), 50)) : '—';
  const rows = results.flatMap(({ rows, ours, baseline }) =>
    [ours, baseline].map((run) => {
      const data = run.clicks.map((c) => c.data);
      const first = run.clicks.slice(0, run.firstVisits);
      const later = run.clicks.slice(run.firstVisits);
      const engine = `${median(first, (c) => c.engineQueries)} / ${median(later, (c) => c.engineQueries)}`;
      const times = [percentile(data, 50), percentile(data, 95), percentile(rendered(run), 50)];
      times.push(percentile(rendered(run), 95));
      // The baseline has no cubes: its prepare() returns at once, and there is nothing to wait for.
      const activation = run.variant === 'ours' ? ms(run.activation) : '— (no cubes)';
      times.push(percentile(insightsTimes(run), 95));
      return [rowsLabel(rows), run.variant, activation, median(run.clicks, (c) => c.queries), engine, ...times.map(ms)];
    }),
  );
  return table(header, rows);
}

/** Where our page's time to first chart goes, phase by phase (each phase's end, ms since navigation start). */
export function profileTable(results: readonly SizeResult[]): string {
  const header = ['rows', 'page + bundle', 'manifest', 'wasm requested', 'wasm fetched', 'ATTACH starts'];
  header.push('engine ready', 'first query sent', 'first query back', 'first chart', 'all tiles', 'load queries');
  const rows = results.map(({ rows, ours: { profile: p, marks: m } }) => [
    rowsLabel(rows),
    ...[p['domReady'], p['manifestFetched'], p['wasmRequested'], p['wasmFetched'], p['attachStarted']]
      .concat([m.engineReady, m['firstQueryStart'], m['firstQueryEnd'], m.firstChart, m.allTiles])
      .map((v) => ms(v!)),
    String(m['loadQueries']),
  ]);
  return table(header, rows);
}

/** The targets against what our page reached, PASS or MISS (n/a when that size was not run). */
export function targetLines(results: readonly SizeResult[]): string[] {
  const at = (rows: number) => results.find((r) => r.rows === rows)?.ours;
  const check = (
    label: string,
    run: PageRun | undefined,
    value: (r: PageRun) => number,
    limit: number,
    unit: string,
  ) => {
    if (!run) return `${label}: n/a (size not run)`;
    const v = value(run);
    const shown = unit === 'MB' ? mb(v) : ms(v);
    return `${label}: ${shown} — ${v <= limit ? 'PASS' : 'MISS'}`;
  };
  return [
    check('first chart ≤ 1.0 s at 150k', at(150_000), (r) => r.marks.firstChart, 1000, 'ms'),
    check('cross-filter p95 ≤ 16 ms at 1M', at(1_000_000), (r) => percentile(rendered(r), 95), 16, 'ms'),
    check('cross-filter p95 ≤ 33 ms at 10M', at(10_000_000), (r) => percentile(rendered(r), 95), 33, 'ms'),
    check('WASM memory ≤ 1 GB at 10M', at(10_000_000), (r) => r.memory.wasm, 2 ** 30, 'MB'),
    check(
      'insights shown ≤ 300 ms after the engine is ready at 10M (issue 12; markets and zones first)',
      at(10_000_000),
      (r) => (r.marks['insights'] ?? Number.NaN) - r.marks.engineReady,
      300,
      'ms',
    ),
    check(
      'every insight (customers and products too) ≤ 300 ms after the engine is ready at 10M (issue 12)',
      at(10_000_000),
      (r) => (r.marks['insightsComplete'] ?? Number.NaN) - r.marks.engineReady,
      300,
      'ms',
    ),
    check(
      'insights recomputed p95 ≤ 50 ms at 10M (issue 12)',
      at(10_000_000),
      (r) => percentile(insightsTimes(r), 95),
      50,
      'ms',
    ),
  ];
}
