/**
 * `pnpm bench:server [--rows 10000000] [--rounds 3] [--clicks 20] [--shards 1,2] [--reuse-extracts]
 * [--etl-memory-limit MB] [--timeout-ms 10000]`: the default dashboard's queries through the query service
 * (`@atliq/server`, `POST /query` as the SDK's service connector sends them, with its time limit: a click query
 * stopped at it is counted, not fatal) on one generated extract, in one run: the DuckDB server, then a ClickHouse 18.16 cluster (Debian's
 * clickhouse-server, private nodes on loopback) of each `--shards` count loaded by the ETL's sink; beside the browser
 * replica's last recorded figures. Not a test: it asserts nothing about speed, but it refuses to time an engine whose
 * answers disagree with the DuckDB server's (row counts and revenue of every query).
 *
 * Per engine: the sink's load time and the data's size on disk (ClickHouse); "first chart": from a cold service start
 * (its engine opened on the first request) to the manifest and the revenue-by-market chart answered; query p50/p95:
 * each of the dashboard's queries sent alone, `--rounds` times; click p50/p95: the queries a cross-filter click on a
 * market sends, at most 8 at once (the service's per-reader limit), until the last answer, over `--clicks` clicks
 * through the extract's markets in name order.
 */
import { readdir, readFile, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connectService, type Manifest, type QuerySpec, type Row, snapshotDays } from '@atliq/sdk';
import { parseManifest } from '@atliq/sdk/contract';
import { DEFAULT_RETENTION } from '../../../etl/src/publish/retention.ts';
import { sinkToClickHouse } from '../../../etl/src/sink/clickhouse.ts';
import { parseSink } from '../../../etl/src/sink/clickhouse-url.ts';
import { type ClickHouseCluster, startClickHouseCluster } from '../../../etl/src/testing/clickhouse.ts';
import { dashboardSpecs, topMarketSpecs } from '../../server/src/clickhouse/testing/dashboard-specs.ts';
import { type QueryServer, startQueryServer } from '../../server/src/index.ts';
import { ensureBenchExtract } from './extracts.ts';
import { percentile } from './report.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    rounds: { type: 'string', default: '3' },
    clicks: { type: 'string', default: '20' },
    shards: { type: 'string', default: '1,2' },
    'reuse-extracts': { type: 'boolean', default: false },
    'etl-memory-limit': { type: 'string' },
    'timeout-ms': { type: 'string', default: '10000' },
  },
});
const rows = Number(values.rows);
const rounds = Number(values.rounds);
const clicks = Number(values.clicks);
const shardCounts = values.shards.split(',').map(Number);
const timeoutMs = Number(values['timeout-ms']);
const etlMemory = values['etl-memory-limit'] === undefined ? undefined : Number(values['etl-memory-limit']);
if (
  !Number.isInteger(rows) ||
  rows <= 0 ||
  !(rounds >= 1) ||
  !(clicks >= 1) ||
  shardCounts.some((n) => !Number.isInteger(n) || n < 1) ||
  (etlMemory !== undefined && !(Number.isInteger(etlMemory) && etlMemory > 0)) ||
  !(Number.isInteger(timeoutMs) && timeoutMs > 0)
) {
  process.stderr.write(
    'usage: pnpm bench:server [--rows N] [--rounds N] [--clicks N] [--shards 1,2] [--reuse-extracts] [--etl-memory-limit MB] [--timeout-ms N]\n',
  );
  process.exit(2);
}

/**
 * The browser replica at 10M rows, as last recorded (docs/benchmarks.md, "4 Dec 2026: the insights' grain…", the
 * 08:24 UTC run): running `pnpm bench:browser` here too would add its page build and a 10M-row browser session.
 */
const BROWSER = {
  when: '4 Dec 2026 08:24 UTC (docs/benchmarks.md)',
  rows: 10_000_000,
  engineReadyMs: 1900,
  firstChartMs: 430,
  allTilesMs: 3980,
  clickP50Ms: 6.6,
  clickP95Ms: 9.8,
};
/** The service's per-reader limit on running queries (429 beyond): a click's queries go at most this many at once. */
const CONCURRENT = 8;
const DB = 'atliq_bench';

const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const started = performance.now();
let t = performance.now();
let published = false;
const extracts = await ensureBenchExtract(
  rows,
  (line) => {
    published ||= line.startsWith('publishing');
    log(line);
  },
  values['reuse-extracts'],
  etlMemory,
);
const publishMs = performance.now() - t;
const manifestText = await readFile(join(extracts, 'manifest.json'), 'utf8');
const manifest: Manifest = parseManifest(JSON.parse(manifestText));
const snapshotDir = join(extracts, 'v', manifest.snapshot_id);
const extractBytes = await bytesUnder(snapshotDir);
const asOf = snapshotDays(manifest)!.to;
log(
  `extract: ${manifest.quality.rows_published.toLocaleString('en')} rows, ${mb(extractBytes)} on disk, newest day ${asOf}` +
    (published ? `, published in ${seconds(publishMs)}` : ' (cached)'),
);

interface Figures {
  name: string;
  loadMs?: number;
  bytes?: number;
  firstChartMs: number;
  query: number[];
  click: number[];
  /** The click queries the service stopped at its time limit (the click then took at least that long). */
  stopped: number;
}

/** Every query's answer reduced to what the engines must agree on: its row count and its revenue total. */
type Signature = { rows: number; revenue: number | null };
const signature = (answer: readonly Row[]): Signature => {
  let revenue: number | null = null;
  for (const row of answer) if (typeof row['revenue'] === 'number') revenue = (revenue ?? 0) + row['revenue'];
  return { rows: answer.length, revenue };
};

const REVENUE_BY_MARKET: QuerySpec = { measures: ['revenue'], dimensions: ['market'], filters: {} };
let dashboard: QuerySpec[] = [];
let clickSets: QuerySpec[][] = [];
let expected: Signature[] | undefined;

const results: Figures[] = [];
// The DuckDB server first: its answers are the reference, and the markets clicked are its markets.
results.push(await measure('DuckDB server (@duckdb/node-api)', () => startQueryServer({ extracts, timeoutMs })));
for (const shards of shardCounts) {
  let cluster: ClickHouseCluster | undefined;
  try {
    t = performance.now();
    cluster = await startClickHouseCluster({ shards });
    const startMs = performance.now() - t;
    const memory = await memoryLimit(cluster);
    const nodes = cluster.nodes.map((n) => `${n.host}:${n.http}`).join(',');
    const sink = await sinkToClickHouse({
      spec: parseSink(`clickhouse://${nodes}/${DB}`, {}),
      snapshotDir,
      manifest,
      manifestText,
      retention: DEFAULT_RETENTION,
    });
    const loadMs = sink.seconds * 1000;
    let bytes = 0;
    for (const node of cluster.nodes) bytes += await bytesUnder(join(node.dir, 'data', 'data', DB));
    log(
      `ClickHouse, ${shards} shard${shards > 1 ? 's' : ''}: started in ${seconds(startMs)} (per-query memory ${memory / 1e9} GB), sink loaded ${sink.rows.toLocaleString('en')} rows ` +
        `(${sink.rowsPerShard.map((n) => n.toLocaleString('en')).join(' + ')}) in ${seconds(loadMs)}, ${mb(bytes)} on disk`,
    );
    const url = cluster.nodes[0]!.url;
    const figures = await measure(`ClickHouse 18.16, ${shards} shard${shards > 1 ? 's' : ''}`, () =>
      startQueryServer({ engine: { kind: 'clickhouse', url, database: DB }, timeoutMs }),
    );
    results.push({ ...figures, loadMs, bytes });
  } finally {
    await cluster?.stop();
  }
}
const totalMs = performance.now() - started;

log(`\nQuery service, ${rows.toLocaleString('en')} rows, ${new Date().toISOString()}; bench took ${seconds(totalMs)}.`);
log(
  `${dashboard.length} dashboard queries × ${rounds} rounds each sent alone; ${clicks} clicks of ${clickSets[0]!.length} queries ` +
    `(≤ ${CONCURRENT} at once); the service's time limit ${timeoutMs} ms; answers checked equal across engines (row counts and revenue of every query).\n`,
);
log(table(results));
log(
  `\nBrowser replica at ${BROWSER.rows.toLocaleString('en')} rows — from ${BROWSER.when}, not this run: engine ready ` +
    `${BROWSER.engineReadyMs} ms, first chart ${BROWSER.firstChartMs} ms, all tiles ${BROWSER.allTilesMs} ms, ` +
    `click p50 ${BROWSER.clickP50Ms} ms / p95 ${BROWSER.clickP95Ms} ms (click to every tile re-rendered, 0 engine queries).`,
);
log('');
for (const line of await hundredMillion()) log(line);

/** One engine behind a cold query service: first chart, the answers checked, then the timed queries and clicks. */
async function measure(name: string, start: () => Promise<QueryServer>): Promise<Figures> {
  const t0 = performance.now();
  const server = await start();
  try {
    const served = await fetch(`${server.url}/manifest.json`);
    if (!served.ok) throw new Error(`${name}: GET /manifest.json answered ${served.status}`);
    const { query_service } = (await served.json()) as Manifest;
    const connector = await connectService(new URL(query_service!, `${server.url}/`).href);
    await connector.querySpec!(REVENUE_BY_MARKET);
    const firstChartMs = performance.now() - t0;

    if (!expected) {
      // The dashboard as the parity tests send it, cross-filtered by the top market and zone; clicks through every
      // market in name order (round after round until `--clicks`).
      dashboard = await topMarketSpecs(asOf, (spec) => connector.querySpec!(spec));
      const markets = (
        (await connector.querySpec!({ measures: [], dimensions: ['market'], sort: [{ field: 'market' }] })) as {
          market: string;
        }[]
      ).map((r) => r.market);
      clickSets = Array.from({ length: clicks }, (_, i) => clickQueries(markets[i % markets.length]!));
    }
    // Each distinct query once (the clicks repeat markets after the first round).
    const checked = [...new Map([...dashboard, ...clickSets.flat()].map((s) => [JSON.stringify(s), s])).values()];
    const got: Signature[] = [];
    for (const spec of checked) got.push(signature(await connector.querySpec!(spec)));
    if (!expected) expected = got;
    else agree(name, checked, got, expected);

    const query: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const spec of dashboard) {
        const q0 = performance.now();
        await connector.querySpec!(spec);
        query.push(performance.now() - q0);
      }
    }
    const click: number[] = [];
    let stopped = 0;
    // A query past the service's time limit is refused (504), as a page's tile would show it: counted, not fatal.
    const answerOrStop = (spec: QuerySpec) =>
      connector.querySpec!(spec).catch((error: Error) => {
        if (!/ran longer than/.test(error.message)) throw error;
        stopped++;
      });
    for (const set of clickSets) {
      const c0 = performance.now();
      await pool(set, answerOrStop);
      click.push(performance.now() - c0);
    }
    log(
      `${name}: measured in ${seconds(performance.now() - t0)}` +
        (stopped
          ? `; ${stopped} of ${clickSets.flat().length} click queries stopped at the ${timeoutMs} ms limit`
          : ''),
    );
    return { name, firstChartMs, query, click, stopped };
  } finally {
    await server.close();
  }
}

/**
 * The queries a click on `market`'s bar sends: the dashboard's charts, KPIs and insights with the market added to
 * their filters (the block `dashboardSpecs` lists for its market cross-filter).
 */
function clickQueries(market: string): QuerySpec[] {
  const all = dashboardSpecs(asOf, market, 'North');
  const perCross = (all.length - 6) / 4;
  return all.slice(6 + perCross, 6 + 2 * perCross);
}

function agree(name: string, specs: readonly QuerySpec[], got: readonly Signature[], want: readonly Signature[]) {
  specs.forEach((spec, i) => {
    const [g, w] = [got[i]!, want[i]!];
    const sameRevenue =
      g.revenue === w.revenue ||
      (g.revenue !== null &&
        w.revenue !== null &&
        Math.abs(g.revenue - w.revenue) <= 1e-9 * Math.max(1, Math.abs(w.revenue)));
    if (g.rows !== w.rows || !sameRevenue) {
      throw new Error(
        `${name} disagrees with the DuckDB server on ${JSON.stringify(spec)}: ${g.rows} rows, revenue ${g.revenue}; ` +
          `DuckDB ${w.rows} rows, revenue ${w.revenue}. Not timing wrong answers.`,
      );
    }
  });
}

async function pool<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT, items.length) }, worker));
}

function table(figures: readonly Figures[]): string {
  const base = figures[0]!;
  const ms = (v: number) => (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
  const vs = (v: number, b: number, what: string) => `${ms(v)} (${ratio(v, b)} ${what})`;
  const header = ['engine', 'load', 'on disk', 'first chart', 'query p50', 'query p95', 'click p50', 'click p95'];
  const body = figures.map((f) => {
    const q50 = percentile(f.query, 50);
    const q95 = percentile(f.query, 95);
    const c50 = percentile(f.click, 50);
    const c95 = percentile(f.click, 95);
    const isBase = f === base;
    const server = (v: number, b: number) => (isBase ? ms(v) : vs(v, b, 'DuckDB'));
    return [
      f.name,
      f.loadMs === undefined ? '—' : seconds(f.loadMs),
      f.bytes === undefined ? mb(extractBytes) : mb(f.bytes),
      `${server(f.firstChartMs, base.firstChartMs)}; ${ratio(f.firstChartMs, BROWSER.firstChartMs)} browser`,
      server(q50, percentile(base.query, 50)),
      server(q95, percentile(base.query, 95)),
      server(c50, percentile(base.click, 50)),
      `${server(c95, percentile(base.click, 95))}; ${ratio(c95, BROWSER.clickP95Ms)} browser` +
        (f.stopped ? `; ${f.stopped} queries stopped at the ${timeoutMs / 1000} s limit` : ''),
    ];
  });
  const browser = [
    `browser replica (${BROWSER.rows / 1e6}M, from ${BROWSER.when.slice(0, 10)}, not this run)`,
    '—',
    rows === BROWSER.rows ? `${mb(extractBytes)} (downloads ~84 MB of it cold)` : '—',
    ms(BROWSER.firstChartMs),
    '—',
    '—',
    ms(BROWSER.clickP50Ms),
    ms(BROWSER.clickP95Ms),
  ];
  return [header, header.map(() => '---'), browser, ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** What 100M rows would take here, extrapolated linearly from this run (unless this run was at least that big). */
async function hundredMillion(): Promise<string[]> {
  if (rows >= 100_000_000) return [];
  const k = 100_000_000 / rows;
  const { bavail, bsize } = await statfs(extracts);
  const free = bavail * bsize;
  const clickhouse = results.filter((f) => f.bytes !== undefined);
  const diskNeeded = extractBytes * k + Math.max(0, ...clickhouse.map((f) => f.bytes! * k));
  // Publishing runs at ~245k rows/s here (docs/benchmarks.md, ETL benchmark) when this run did not publish.
  const publishEstimate = published ? publishMs * k : (100_000_000 / 245_000) * 1000;
  const loads = clickhouse.reduce((s, f) => s + f.loadMs! * k, 0);
  const measuring = (totalMs - (published ? publishMs : 0) - clickhouse.reduce((s, f) => s + f.loadMs!, 0)) * k;
  return [
    `100M rows, extrapolated ×${k.toLocaleString('en', { maximumFractionDigits: 0 })} from this run (not run): extract ${gb(extractBytes * k)}, ClickHouse ` +
      `${clickhouse.map((f) => gb(f.bytes! * k)).join(' / ')} (one cluster at a time) — ${gb(diskNeeded)} at most ` +
      `of ${gb(free)} free;`,
    `  time: publish ~${minutes(publishEstimate)}${published ? '' : " (at the ETL bench's 245k rows/s)"}, sink loads ` +
      `~${minutes(loads)}, queries ~${minutes(measuring)} if they scale linearly: ~${minutes(publishEstimate + loads + measuring)} ` +
      'in all. Run it with --rows 100000000.',
  ];
}

/**
 * The per-query memory limit of the cluster's first node: the harness's (2 GB), a small server's. The sink loads in
 * INSERTs of at most a million lines, which fit in it at any size (one INSERT of 10M lines did not: error 241).
 */
async function memoryLimit(cluster: ClickHouseCluster): Promise<number> {
  const sql = "SELECT value FROM system.settings WHERE name = 'max_memory_usage'";
  return Number((await (await fetch(`${cluster.nodes[0]!.url}/?query=${encodeURIComponent(sql)}`)).text()).trim());
}

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** `v` as a multiple of `b`, to two significant digits. */
function ratio(v: number, b: number): string {
  const r = v / b;
  return `${r >= 100 ? Math.round(r) : r.toPrecision(2).replace(/\.0$/, '')}×`;
}
function mb(bytes: number): string {
  return `${Math.round(bytes / 1e6)} MB`;
}
function gb(bytes: number): string {
  return `${(bytes / 1e9).toFixed(1)} GB`;
}
function minutes(ms: number): string {
  return `${Math.round(ms / 60_000)} min`;
}
