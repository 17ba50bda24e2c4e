/**
 * `pnpm bench:etl [--rows N] [--rss-rows N] [--gentle-rate N[,N…]] [--repeat N] [--scopes N[,N…]]`: the ETL against its ceiling and
 * against the naive pipeline, side by side on one private MariaDB (see README "Benchmarks"). Not a test: it prints
 * figures and ratios, it asserts nothing. The bare stream, our full-speed publish and the naive pipeline run
 * `--repeat` times each (default 3): the median is printed with the range, and the highest peak RSS.
 *
 * 1. bare mysql2 streaming with no sink (rowsAsArray, 'result' events) — the ceiling;
 * 2. our `publish` (the CLI in a child process under /usr/bin/time, for its peak RSS), with a writer timing
 *    INSERTs during the extract and, before it, alone and during bare streams (the floor of any full-speed reader);
 * 3. the naive pipeline: `mariadb --batch` into a TSV file, DuckDB `read_csv` → `COPY … TO parquet`;
 * 4. optionally our publish again at `--rss-rows` (e.g. 10M) to show peak RSS stays flat;
 * 5. the reconciliation's aggregate scan alone (seconds and server CPU, `--repeat` times) and our publish with
 *    `--reconcile off` (`--repeat` times at `--rows`, once at `--rss-rows`).
 * Our publish also runs again with `--max-rows-per-second` at each `--gentle-rate` (default 150k), for what the
 * writer's p99 costs in speed.
 *
 * `--scopes 0,1,4,16` instead runs only our publish with that many scoped extracts (scopes-cost.ts), `--repeat`
 * times each.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seedDatabase } from '../src/seed.ts';
import { startMariaDB } from '../test/mariadb.ts';
import { bareStream, naivePipeline, type Server, type Timed, waitForCleanBufferPool } from './pipelines.ts';
import { cli, runPublish, TSX_CLI } from './publish-run.ts';
import { reconcileCost, type ScanCost } from './reconcile-cost.ts';
import { scopesBench } from './scopes-cost.ts';
import { startWriter } from './writer.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'rss-rows': { type: 'string' },
    'gentle-rate': { type: 'string', default: '150000' },
    repeat: { type: 'string', default: '3' },
    scopes: { type: 'string' },
  },
});
const rows = Number(values.rows);
const rssRows = values['rss-rows'] ? Number(values['rss-rows']) : undefined;
const gentleRates = values['gentle-rate'].split(',').map(Number);
/** Runs of the bare stream, our full-speed publish and the naive pipeline; the median is reported, with the range. */
const repeat = Math.max(1, Number(values.repeat));

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const log = (line: string) => process.stdout.write(`${line}\n`);
/** The median of `runs` by `key` (the upper one of an even count). */
const median = <T>(runs: readonly T[], key: (run: T) => number): T =>
  [...runs].sort((a, b) => key(a) - key(b))[Math.floor(runs.length / 2)]!;
/** `min–max` of `values`, formatted, when there is more than one run. */
const spread = (values: readonly number[], format: (n: number) => string) =>
  values.length > 1 ? `; ${format(Math.min(...values))}–${format(Math.max(...values))} over ${values.length} runs` : '';
const rowsPerSecond = (run: Timed) => run.rows / run.seconds;

/** The reconciliation's server scan `repeat` times: the median's seconds and server CPU, with the range. */
async function scanCost(s: Server, pid: number): Promise<string> {
  const runs: ScanCost[] = [];
  for (let i = 0; i < repeat; i++) runs.push(await reconcileCost(s, pid));
  const m = median(runs, (r) => r.seconds);
  const range = spread(
    runs.map((r) => r.seconds),
    (n) => `${n.toFixed(2)} s`,
  );
  return `${m.seconds.toFixed(2)} s, server CPU ${m.serverCpu.toFixed(2)} s, ${m.cells} cells${range}`;
}

/** `run` done `repeat` times in a row: every run, the one of median rows/s, and the range of rows/s as text. */
async function repeated<T extends Timed>(run: (i: number) => Promise<T>) {
  const runs: T[] = [];
  for (let i = 0; i < repeat; i++) runs.push(await run(i));
  return { runs, median: median(runs, rowsPerSecond), range: spread(runs.map(rowsPerSecond), fmt) };
}

if (values.scopes !== undefined) {
  await scopesBench(rows, values.scopes.split(',').map(Number), repeat, log);
  process.exit(0);
}

const server = await startMariaDB();
const work = await mkdtemp(join(tmpdir(), 'atliq-bench-'));
try {
  const { host, port, user, password } = server;
  const conn: Server = { host, port, user, password, database: 'bench' };
  const t = performance.now();
  await seedDatabase({ host, port, user, password }, { rows, database: 'bench' });
  log(`seeded ${fmt(rows)} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // The launcher bundles the CLI when its sources changed: now, so that no measured run includes it.
  execFileSync(process.execPath, [cli, '--help'], { stdio: 'ignore' });
  // Warm the buffer pool once so that no contender pays for the first read from disk.
  await bareStream(conn);
  const bares = await repeated(() => bareStream(conn));
  const bare = bares.median;
  log(`bare mysql2 stream: ${fmt(rowsPerSecond(bare))} rows/s (${bare.seconds.toFixed(2)} s${bares.range})`);

  // InnoDB writes the seeded pages out in the background for a while; a writer timed meanwhile measures that.
  const settled = await waitForCleanBufferPool(conn);
  log(`buffer pool flushed ${settled.toFixed(1)} s after the seed`);
  const writer = await startWriter(conn);
  await new Promise((r) => setTimeout(r, 5000));
  const alone = writer.sample();
  // The floor any full-speed reader imposes: the same writer while nothing but bare mysql2 streams run (repeated
  // for 5 s, so that its p99 rests on as many statements as the sample alone).
  const bareUntil = performance.now() + 5000;
  while (performance.now() < bareUntil) await bareStream(conn);
  const duringBare = writer.sample();
  const oursRuns = await repeated((i) => runPublish(conn, join(work, `out-${i}`), writer));
  const ours = oursRuns.median;
  const during = median(oursRuns.runs, (r) => r.writerDuringExtract.p99).writerDuringExtract;
  // The same run with the rate limit: what the writer's p99 costs in speed.
  const gentle = [];
  for (const rate of gentleRates) {
    const run = await runPublish(conn, join(work, `out-gentle-${rate}`), writer, ['--max-rows-per-second', `${rate}`]);
    gentle.push({ rate, run });
  }
  await writer.stop();
  const oursRate = rowsPerSecond(ours);
  const rss = oursRuns.runs.map((r) => r.maxRssMb);
  log(
    `our publish: ${fmt(oursRate)} rows/s end to end (${ours.seconds.toFixed(2)} s: ${ours.phases}${oursRuns.range}), ` +
      `peak RSS ${fmt(Math.max(...rss))} MB (the highest${spread(rss, fmt)})`,
  );
  log(
    `writer INSERT p99: alone ${alone.p99.toFixed(2)} ms (${alone.n} statements), during the extract ` +
      `${during.p99.toFixed(2)} ms (${during.n}) → ${(during.p99 / alone.p99).toFixed(2)}×` +
      spread(
        oursRuns.runs.map((r) => r.writerDuringExtract.p99 / alone.p99),
        (n) => `${n.toFixed(2)}×`,
      ),
  );

  log(
    `writer INSERT p99 during bare mysql2 streams (no ETL work at all): ${duringBare.p99.toFixed(2)} ms ` +
      `(${duringBare.n}) → ${(duringBare.p99 / alone.p99).toFixed(2)}×`,
  );

  for (const { rate, run } of gentle) {
    log(
      `our publish --max-rows-per-second ${fmt(rate)}: ${fmt(rowsPerSecond(run))} rows/s end to end, ` +
        `writer INSERT p99 during the extract ${run.writerDuringExtract.p99.toFixed(2)} ms ` +
        `(${run.writerDuringExtract.n}) → ${(run.writerDuringExtract.p99 / alone.p99).toFixed(2)}×`,
    );
  }

  log(`reconcile: the server's aggregate scan alone ${await scanCost(conn, server.pid)}`);
  const offs = await repeated((i) => runPublish(conn, join(work, `out-off-${i}`), undefined, ['--reconcile', 'off']));
  log(
    `our publish --reconcile off: ${fmt(rowsPerSecond(offs.median))} rows/s (${offs.median.seconds.toFixed(2)} s: ` +
      `${offs.median.phases}${offs.range}) against ${ours.seconds.toFixed(2)} s with it`,
  );

  const naives = await repeated(() => naivePipeline(conn, work));
  const naive = naives.median;
  log(
    `naive mariadb --batch → DuckDB read_csv → parquet: ${fmt(rowsPerSecond(naive))} rows/s (${naive.seconds.toFixed(2)} s${naives.range})`,
  );

  log('');
  log(`ours / bare  = ${(oursRate / rowsPerSecond(bare)).toFixed(2)} (target ≥ 0.67)`);
  log(`ours / naive = ${(oursRate / rowsPerSecond(naive)).toFixed(2)} (target ≥ 3)`);
  log(`writer p99 during / alone = ${(during.p99 / alone.p99).toFixed(2)} (target ≤ 1.2)`);
  log(`writer p99 during bare streams / alone = ${(duringBare.p99 / alone.p99).toFixed(2)} (what reading alone costs)`);

  if (rssRows) {
    await seedDatabase({ host, port, user, password }, { rows: rssRows, database: 'bench_rss' });
    const big = await runPublish({ ...conn, database: 'bench_rss' }, join(work, 'out-rss'));
    log(
      `our publish at ${fmt(rssRows)} rows: ${fmt(rowsPerSecond(big))} rows/s (${big.seconds.toFixed(1)} s: ${big.phases}), peak RSS ${fmt(big.maxRssMb)} MB (target ≤ 400, flat)`,
    );
    const rssConn = { ...conn, database: 'bench_rss' };
    log(`reconcile at ${fmt(rssRows)} rows: the server's aggregate scan alone ${await scanCost(rssConn, server.pid)}`);
    const bigOff = await runPublish(rssConn, join(work, 'out-rss-off'), undefined, ['--reconcile', 'off']);
    log(`our publish at ${fmt(rssRows)} rows --reconcile off: ${bigOff.seconds.toFixed(1)} s (${bigOff.phases})`);
    // The same run from the TypeScript sources through tsx: what the launcher's bundle saves.
    const viaTsx = await runPublish(
      { ...conn, database: 'bench_rss' },
      join(work, 'out-rss-tsx'),
      undefined,
      [],
      TSX_CLI,
    );
    log(
      `the same through tsx (src/cli.ts): ${fmt(rowsPerSecond(viaTsx))} rows/s (${viaTsx.seconds.toFixed(1)} s), peak RSS ${fmt(viaTsx.maxRssMb)} MB`,
    );
  }
} finally {
  await server.stop();
  await rm(work, { recursive: true, force: true });
}
