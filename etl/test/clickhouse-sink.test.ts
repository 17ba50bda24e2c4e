/**
 * `--sink clickhouse://…` against a real two-shard ClickHouse 18.16 cluster (testing/clickhouse.ts) and the real
 * MariaDB of the etl project: totals over the Distributed table equal SQL on the source, both shards hold rows, a
 * load that dies leaves the previous snapshot current, retention drops old tables. Needs Debian's clickhouse-server
 * (`bash .ci/setup test`); without it every test fails with that hint.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publish } from '../src/publish/publish.ts';
import { seedDatabase } from '../src/seed.ts';
import { type SinkOptions, type SinkResult, sinkToClickHouse } from '../src/sink/clickhouse.ts';
import { parseSink } from '../src/sink/clickhouse-url.ts';
import { MySqlSource } from '../src/source/mysql.ts';
import { type ClickHouseCluster, startClickHouseCluster } from '../src/testing/clickhouse.ts';
import { expectCliError } from './cli-errors.ts';
import { runCli } from './fault-support.ts';
import { CLEAN_SQL } from './reference-cleaning.ts';

const db = inject('mariadb');
const DATABASE = 'ch_sink_sales';
const CH_DB = 'atliq';
const ROWS = 30_000;
let cluster: ClickHouseCluster;
let conn: mysql.Connection;
let out: string;
let sinkUrl: string;

beforeAll(async () => {
  cluster = await startClickHouseCluster();
  console.info(`two-shard ClickHouse cluster ready in ${cluster.startMs.toFixed(0)} ms`);
  sinkUrl = `clickhouse://${cluster.nodes.map((n) => `${n.host}:${n.http}`).join(',')}/${CH_DB}`;
  conn = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  await seedDatabase(conn, { rows: ROWS, database: DATABASE, withProfit: true });
  await conn.query(`USE ${DATABASE}`);
  out = await mkdtemp(join(tmpdir(), 'atliq-ch-sink-'));
});
afterAll(async () => {
  await conn?.end();
  await cluster?.stop();
  if (out) await rm(out, { recursive: true, force: true });
});

/** One statement on one node (0 or 1) over HTTP, answered as TSV rows. */
async function ch(node: number, sql: string): Promise<string[][]> {
  const res = await fetch(`${cluster.nodes[node]!.url}/`, { method: 'POST', body: `${sql} FORMAT TabSeparated` });
  const text = await res.text();
  if (!res.ok) throw new Error(`node ${node + 1}: ${text}`);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
}

/** Runs a statement that answers nothing (DDL) on `node`. */
async function exec(node: number, sql: string): Promise<void> {
  const res = await fetch(`${cluster.nodes[node]!.url}/`, { method: 'POST', body: sql });
  if (!res.ok) throw new Error(`node ${node + 1}: ${await res.text()}`);
}

const currentOn = async (node: number) =>
  (await ch(node, `SELECT argMax(snapshot, published_at) FROM ${CH_DB}.atliq_publishes`))[0]![0]!;
const tablesOn = async (node: number) =>
  (await ch(node, `SELECT name FROM system.tables WHERE database = '${CH_DB}' ORDER BY name`)).map((r) => r[0]!);

/** Revenue (2 decimals) and lines by market name and month over the Distributed table, asked on `node`. */
async function clickhouseTotals(node: number, snapshot: string): Promise<string[][]> {
  return ch(
    node,
    `SELECT market_name, year_month, toString(sum(revenue)), toString(count())
     FROM ${CH_DB}.fact_sales_${snapshot} GROUP BY market_name, year_month ORDER BY market_name, year_month`,
  );
}

async function sourceTotals(): Promise<string[][]> {
  const [rows] = (await conn.query(
    `SELECT m.markets_name AS market, DATE_FORMAT(c.order_date, '%Y-%m') AS month, SUM(c.inr) AS revenue, COUNT(*) AS n
     FROM (${CLEAN_SQL}) c JOIN markets m ON m.markets_code = c.market_code
     GROUP BY m.markets_name, month ORDER BY market, month`,
  )) as unknown as [{ market: string; month: string; revenue: number; n: number }[]];
  return rows.map((r) => [r.market, r.month, Number(r.revenue).toFixed(2), String(r.n)]);
}

/** Sorted as ClickHouse sorts strings (bytes), whatever MariaDB's collation did. */
const byteOrder = (rows: string[][]) =>
  [...rows].sort((a, b) => (a[0] === b[0] ? (a[1]! < b[1]! ? -1 : 1) : a[0]! < b[0]! ? -1 : 1));

/**
 * One publish from MariaDB in this process, then the sink on its snapshot with `extra` options: the published run,
 * the snapshot's name in ClickHouse's tables, and the sink's result or the error it failed with.
 */
async function publishThenSink(extra: Partial<SinkOptions> = {}) {
  const source = await MySqlSource.create({ ...db, database: DATABASE });
  try {
    const result = await publish({ source, out });
    const outcome = await sinkToClickHouse({
      spec: parseSink(sinkUrl, {}),
      snapshotDir: result.snapshotDir,
      manifest: result.manifest,
      manifestText: await readFile(result.manifestPath, 'utf8'),
      retention: { keep: 3, keepForMs: 3_600_000 },
      ...extra,
    }).catch((err: Error) => err);
    return { result, suffix: result.manifest.snapshot_id.replace(/[^A-Za-z0-9]/g, '_'), outcome };
  } finally {
    await source.close();
  }
}

/** The parts of `publish --json`'s summary these tests read. */
interface Summary {
  snapshot_id: string;
  rows_published: number;
  sink: {
    snapshot: string;
    rows_per_shard: number[];
    previous: string | null;
    removed: string[];
    seconds: number;
  };
}

/** One publish through the real CLI with `--sink`; returns its JSON summary. */
async function publishCli(extra: string[] = []): Promise<Summary> {
  const args = ['publish', '--source', `mysql://${db.user}@${db.host}:${db.port}/${DATABASE}`, '--out', out];
  const run = await runCli([...args, '--sink', sinkUrl, '--json', ...extra], { MYSQL_PWD: db.password }).exited;
  expect(run.stderr, run.stderr).not.toMatch(/error/);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe('ClickHouse sink on a two-shard cluster', () => {
  let first: Summary;

  it('publishes totals per market and month equal to SQL on the source, over both shards', async () => {
    const started = performance.now();
    first = await publishCli();
    console.info(
      `publish ${ROWS} rows from MariaDB with --sink: ${((performance.now() - started) / 1000).toFixed(1)} s (sink ${first.sink.seconds.toFixed(2)} s)`,
    );
    const snapshot = first.sink.snapshot;
    expect(snapshot).toBe(first.snapshot_id.replace(/[^A-Za-z0-9]/g, '_'));
    expect(await currentOn(0)).toBe(snapshot);
    expect(await currentOn(1)).toBe(snapshot);

    const truth = byteOrder(await sourceTotals());
    expect(truth.length).toBeGreaterThan(50);
    // Asked on either node, the Distributed table gathers both shards.
    expect(await clickhouseTotals(1, snapshot)).toEqual(truth);
    expect(await clickhouseTotals(0, snapshot)).toEqual(truth);

    const perShard = await Promise.all(
      [0, 1].map(async (n) =>
        Number((await ch(n, `SELECT count() FROM ${CH_DB}.fact_sales_local_${snapshot}`))[0]![0]),
      ),
    );
    expect(perShard.every((n) => n > 0.3 * first.rows_published)).toBe(true);
    expect(perShard[0]! + perShard[1]!).toBe(first.rows_published);
    expect(first.sink.rows_per_shard).toEqual(perShard);

    // The switch row carries the published manifest, quality block and checksums included.
    const manifestFile = await readFile(join(out, 'manifest.json'), 'utf8');
    for (const node of [0, 1]) {
      const res = await fetch(`${cluster.nodes[node]!.url}/`, {
        method: 'POST',
        body: `SELECT manifest, rows FROM ${CH_DB}.atliq_publishes WHERE snapshot = '${snapshot}' FORMAT JSONEachRow`,
      });
      const { manifest: stored, rows } = JSON.parse(await res.text()) as { manifest: string; rows: string };
      const manifest = JSON.parse(stored);
      expect(manifest).toEqual(JSON.parse(manifestFile));
      expect(manifest.files.every((f: { sha256: string }) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
      expect(Number(rows)).toBe(first.rows_published);
    }
  });

  it('dimension attributes are denormalised as the extract joins them; money is exact Decimal', async () => {
    const snapshot = first.sink.snapshot;
    const [[types]] = (await ch(
      0,
      `SELECT arrayStringConcat(groupArray(concat(name, ' ', type)), ', ') FROM system.columns
       WHERE database = '${CH_DB}' AND table = 'fact_sales_${snapshot}'`,
    )) as [[string]];
    expect(types).toContain('revenue Decimal(18, 2)');
    expect(types).toContain('product_type Nullable(String)');
    expect(types).toContain('year_month String');
    // By zone and customer type from the source's own tables.
    const [byZone] = (await conn.query(
      `SELECT NULLIF(TRIM(m.zone), '') AS zone, ROUND(SUM(c.inr), 2) AS revenue FROM (${CLEAN_SQL}) c
       JOIN markets m ON m.markets_code = c.market_code GROUP BY 1 ORDER BY 1`,
    )) as unknown as [{ zone: string | null; revenue: number }[]];
    const zones = await ch(
      1,
      `SELECT zone, toString(sum(revenue)) FROM ${CH_DB}.fact_sales_${snapshot} GROUP BY zone ORDER BY zone`,
    );
    // NULL (international markets) prints as \N and sorts last in ClickHouse, first in MariaDB.
    const expected = byZone.map((r) => [r.zone ?? '\\N', Number(r.revenue).toFixed(2)]);
    expect(byteOrder(zones)).toEqual(byteOrder(expected));
  });

  it('a load whose shard dies mid-stream leaves the previous snapshot current with the same answers', async () => {
    const before = await currentOn(0);
    const answers = await clickhouseTotals(0, before);
    let sentAtKill: number | undefined;
    const {
      result,
      suffix: half,
      outcome,
    } = await publishThenSink({
      // The second shard's server crashes once the first MB of rows went out, before the last.
      onEvent: (e) => {
        if (e.type === 'sent' && sentAtKill === undefined) {
          sentAtKill = e.rows;
          void cluster.nodes[1]!.kill('SIGKILL');
        }
      },
    });
    const failed = outcome instanceof Error ? outcome.message : undefined;
    console.info(`shard 2 killed after ${sentAtKill} lines were sent; the load failed: ${failed}`);
    expect(failed).toMatch(/ClickHouse/);
    expect(sentAtKill).toBeGreaterThan(0);
    expect(sentAtKill).toBeLessThan(result.manifest.quality.rows_published);
    // The surviving node dropped its half of the failed load at once, and still serves the previous snapshot.
    expect((await tablesOn(0)).some((t) => t.includes(half))).toBe(false);
    expect(await currentOn(0)).toBe(before);
    await cluster.nodes[1]!.start();
    expect(await currentOn(1)).toBe(before);
    expect(await clickhouseTotals(0, before)).toEqual(answers);
    expect(await clickhouseTotals(1, before)).toEqual(answers);

    // The next publish sweeps what the dead node could not drop, and switches.
    const next = await publishCli();
    for (const node of [0, 1]) {
      expect((await tablesOn(node)).some((t) => t.includes(half))).toBe(false);
      expect(await currentOn(node)).toBe(next.sink.snapshot);
    }
    expect(next.sink.previous).toBe(before);
  });

  it('a sink that lists an unreachable shard fails the run (exit 1) and switches nothing', async () => {
    const before = await currentOn(0);
    const dead = `clickhouse://${cluster.nodes[0]!.host}:${cluster.nodes[0]!.http},127.0.0.1:1/${CH_DB}`;
    const source = `mysql://${db.user}@${db.host}:${db.port}/${DATABASE}`;
    await expectCliError(['publish', '--source', source, '--out', out, '--sink', dead], {
      code: 1,
      message: /^the extract in .* keeps serving its previous snapshot$/,
      env: { MYSQL_PWD: db.password },
    });
    expect(await currentOn(0)).toBe(before);
    expect(await currentOn(1)).toBe(before);
  });

  it('a switch the second node refuses is taken back on the first: every node keeps the previous snapshot', async () => {
    const before = await currentOn(0);
    const answers = await clickhouseTotals(0, before);
    // The second node's publish table loses its manifest column: its switch row is refused (unknown JSON field),
    // after the first node took its own.
    const table = `${CH_DB}.atliq_publishes`;
    await exec(1, `RENAME TABLE ${table} TO ${CH_DB}.atliq_publishes_kept`);
    await exec(
      1,
      `CREATE TABLE ${table} ENGINE = MergeTree ORDER BY published_at AS
       SELECT snapshot, published_at, rows FROM ${CH_DB}.atliq_publishes_kept`,
    );
    try {
      const { suffix: half, outcome } = await publishThenSink();
      expect(outcome instanceof Error ? outcome.message : undefined).toMatch(/manifest/);
      // At once, as the next reader asks: the first node names the previous snapshot again, and its tables are gone.
      expect(await currentOn(0)).toBe(before);
      expect(await ch(0, `SELECT count() FROM ${table} WHERE snapshot = '${half}'`)).toEqual([['0']]);
      expect((await tablesOn(0)).some((t) => t.includes(half))).toBe(false);
      expect(await clickhouseTotals(0, before)).toEqual(answers);
    } finally {
      await exec(1, `DROP TABLE ${table}`);
      await exec(1, `RENAME TABLE ${CH_DB}.atliq_publishes_kept TO ${table}`);
    }
    expect(await currentOn(1)).toBe(before);
  });

  it('retention drops the tables and publish rows of snapshots it does not keep', async () => {
    const options = ['--keep', '1', '--keep-for', '1s'];
    const k = await publishCli(options);
    // Older ones were replaced seconds ago and go; the one K replaced just now stays for --keep-for.
    expect(k.sink.removed.length).toBeGreaterThan(0);
    expect(k.sink.removed).not.toContain(k.sink.previous);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const l = await publishCli(options);
    expect(l.sink.removed).toEqual([k.sink.previous]);
    const kept = [k.sink.snapshot, l.sink.snapshot].sort();
    for (const node of [0, 1]) {
      const tables = (await tablesOn(node)).filter((t) => t.startsWith('fact_sales_'));
      expect(tables).toEqual([...kept.map((s) => `fact_sales_${s}`), ...kept.map((s) => `fact_sales_local_${s}`)]);
      // ALTER … DELETE is a mutation: applied in the background, within moments here.
      await expect
        .poll(async () => (await ch(node, `SELECT snapshot FROM ${CH_DB}.atliq_publishes ORDER BY snapshot`)).flat(), {
          timeout: 5_000,
        })
        .toEqual(kept);
    }
  });

  it('loads in INSERTs of a bounded number of lines, and the totals are still those of the source', async () => {
    const inserted: number[] = [];
    const { result, outcome } = await publishThenSink({
      rowsPerInsert: 5_000,
      onEvent: (e) => {
        if (e.type === 'inserted') inserted.push(e.rows);
      },
    });
    if (outcome instanceof Error) throw outcome;
    const sink: SinkResult = outcome;
    const published = result.manifest.quality.rows_published;
    // Each INSERT closes at the first DuckDB chunk (at most 2,048 rows) that reaches 5,000 lines; the last has the rest.
    expect(inserted.at(-1)).toBe(published);
    expect(inserted.length).toBeGreaterThanOrEqual(Math.ceil(published / (5_000 + 2_048)));
    const sizes = inserted.map((n, i) => n - (inserted[i - 1] ?? 0));
    for (const size of sizes.slice(0, -1)) {
      expect(size).toBeGreaterThanOrEqual(5_000);
      expect(size).toBeLessThan(5_000 + 2_048);
    }
    expect(await currentOn(0)).toBe(sink.snapshot);
    expect(await clickhouseTotals(1, sink.snapshot)).toEqual(byteOrder(await sourceTotals()));
  });

  it('a mistake in the sink URL is one line and exit 2', async () => {
    const base = ['publish', '--source', 'sample:100', '--out', out, '--sink'];
    await expectCliError([...base, 'clickhouse://127.0.0.1/atliq'], {
      code: 2,
      message: /^error: --sink "clickhouse:\/\/127\.0\.0\.1\/atliq": "127\.0\.0\.1" is not HOST:PORT/,
    });
    await expectCliError([...base, 'http://127.0.0.1:8123/atliq'], {
      code: 2,
      message: /^error: --sink "http:\/\/127\.0\.0\.1:8123\/atliq" is not a ClickHouse URL/,
    });
    const line = await expectCliError([...base, 'clickhouse://etl:secret@127.0.0.1:8123/atliq'], {
      code: 2,
      message: /a password in the URL/,
    });
    expect(line).not.toContain('secret');
    await expectCliError([...base, 'clickhouse://127.0.0.1:8123/at-liq'], {
      code: 2,
      message: /the database must be letters, digits and "_"/,
    });
  });
});
