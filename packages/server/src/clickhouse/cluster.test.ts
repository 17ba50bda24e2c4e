import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureTestExtracts, TEST_EXTRACT_ROWS } from '@atliq/devserver';
import { type Manifest, type QuerySpec, type Row, snapshotDays } from '@atliq/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sinkToClickHouse } from '../../../../etl/src/sink/clickhouse.ts';
import { parseSink } from '../../../../etl/src/sink/clickhouse-url.ts';
import { type ClickHouseCluster, startClickHouseCluster } from '../../../../etl/src/testing/clickhouse.ts';
import { QueryTimeoutError } from '../engine.ts';
import { type QueryServer, startQueryServer } from '../server.ts';
import { openClickHouse } from './engine.ts';
import { identifier, stringLiteral } from './escape.ts';
import { type ChdbWide, chdbWide } from './testing/chdb-wide.ts';
import { dashboardSpecs, EDGE_SPECS, topMarketSpecs } from './testing/dashboard-specs.ts';
import { expectSameRows } from './testing/same-rows.ts';
import { createWideTable } from './testing/wide-table.ts';

/**
 * The query service on a two-shard ClickHouse 18.16 cluster (Debian's clickhouse-server): the sink's layout is
 * built here from the published extract (the wide rows made once in chdb, half on each shard's MergeTree table, a
 * Distributed table over them, a row in atliq_publishes), and every query of the default dashboard must answer the
 * DuckDB query service's rows on the same snapshot.
 */

const DB = 'atliq_test';
let extracts: string;
let manifest: Manifest;
let cluster: ClickHouseCluster;
let wide: ChdbWide;
let duckdbServer: QueryServer;
let clickhouseServer: QueryServer;
/** The service on the tables the ETL's ClickHouse sink loaded (Decimal money, its own shard key and names). */
let sinkServer: QueryServer;

/** Runs `sql` on a node over HTTP, with `body` after it (data to insert). */
async function run(url: string, sql: string, body = ''): Promise<string> {
  const response = await fetch(`${url}/?query=${encodeURIComponent(sql)}`, { method: 'POST', body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${sql.slice(0, 200)}: ${text}`);
  return text;
}

/** Publishes `snapshot`'s wide rows (those `where` keeps) as the sink lays them out, half on each shard. */
async function publishSnapshot(snapshot: string, where = '1', at = '2026-12-04 10:00:00'): Promise<void> {
  const local = identifier(`fact_sales_local_${snapshot}`);
  const distributed = identifier(`fact_sales_${snapshot}`);
  for (const [i, node] of cluster.nodes.entries()) {
    await run(node.url, createWideTable(`${DB}.${local}`));
    await run(node.url, createWideTable(`${DB}.${distributed}`, `Distributed(${cluster.cluster}, ${DB}, ${local})`));
    const rows = wide.session.query(
      `SELECT * FROM ${wide.table} WHERE (${where}) AND cityHash64(customer_code, order_date) % ${cluster.nodes.length} = ${i}`,
      'JSONEachRow',
    );
    await run(node.url, `INSERT INTO ${DB}.${local} FORMAT JSONEachRow`, rows);
  }
  const published = { ...manifest, snapshot_id: snapshot };
  const count = JSON.parse(wide.session.query(`SELECT count() AS n FROM ${wide.table} WHERE ${where}`, 'JSONEachRow'));
  await run(
    cluster.nodes[0]!.url,
    `INSERT INTO ${DB}.atliq_publishes VALUES (${stringLiteral(snapshot)}, ${stringLiteral(at)}, ${stringLiteral(JSON.stringify(published))}, ${Number(count.n)})`,
  );
}

const post = async (server: QueryServer, spec: QuerySpec, user?: string): Promise<Row[]> => {
  const response = await fetch(`${server.url}/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(user ? { 'X-Remote-User': user } : {}) },
    body: JSON.stringify({ spec }),
  });
  const answer = (await response.json()) as { rows?: Row[]; error?: string };
  if (!answer.rows) throw new Error(`HTTP ${response.status} for ${JSON.stringify(spec)}: ${answer.error}`);
  return answer.rows;
};

beforeAll(async () => {
  extracts = await ensureTestExtracts(TEST_EXTRACT_ROWS, { withProfit: true });
  manifest = JSON.parse(await readFile(join(extracts, 'manifest.json'), 'utf8')) as Manifest;
  [cluster, wide] = await Promise.all([startClickHouseCluster({ shards: 2 }), chdbWide(extracts, manifest)]);
  for (const node of cluster.nodes) await run(node.url, `CREATE DATABASE ${DB}`);
  await run(
    cluster.nodes[0]!.url,
    `CREATE TABLE ${DB}.atliq_publishes (snapshot String, published_at DateTime, manifest String, rows UInt64) ENGINE = MergeTree() ORDER BY published_at`,
  );
  await publishSnapshot(manifest.snapshot_id);
  duckdbServer = await startQueryServer({ extracts });
  clickhouseServer = await startQueryServer({
    engine: { kind: 'clickhouse', url: cluster.nodes[0]!.url, database: DB },
    // A zone reader, to check that the scope is applied on this engine too; everyone else sees everything.
    scopeOf: (user) => (user === 'north' ? { name: 'north', filter: { zone: ['North'] } } : 'all'),
  });
  const nodes = cluster.nodes.map((n) => `127.0.0.1:${n.http}`).join(',');
  await sinkToClickHouse({
    spec: parseSink(`clickhouse://${nodes}/atliq_sink`, {}),
    snapshotDir: join(extracts, 'v', manifest.snapshot_id),
    manifest,
    manifestText: await readFile(join(extracts, 'manifest.json'), 'utf8'),
    retention: { keep: 3, keepForMs: 3_600_000 },
  });
  sinkServer = await startQueryServer({
    engine: { kind: 'clickhouse', url: cluster.nodes[0]!.url, database: 'atliq_sink' },
  });
}, 120_000);

afterAll(async () => {
  await Promise.all([duckdbServer?.close(), clickhouseServer?.close(), sinkServer?.close()]);
  await Promise.all([cluster?.stop(), wide?.close()]);
});

describe('the query service on a two-shard ClickHouse 18.16 cluster', () => {
  it('serves the published manifest from atliq_publishes, without month or day files', async () => {
    const served = (await (await fetch(`${clickhouseServer.url}/manifest.json`)).json()) as Manifest;
    expect(served.snapshot_id).toBe(manifest.snapshot_id);
    expect(served.query_service).toBe('query');
    expect(served.month_market).toBeUndefined();
    expect(await run(cluster.nodes[0]!.url, 'SELECT version()')).toMatch(/^18\.16\./);
  });

  it('spreads the facts over both shards', async () => {
    for (const node of cluster.nodes) {
      const n = Number(
        await run(node.url, `SELECT count() FROM ${DB}.${identifier(`fact_sales_local_${manifest.snapshot_id}`)}`),
      );
      expect(n).toBeGreaterThan(TEST_EXTRACT_ROWS / 4);
    }
  });

  it("answers every query of the default dashboard with the DuckDB service's rows", async () => {
    const specs = await topMarketSpecs(snapshotDays(manifest)!.to, (spec) => post(duckdbServer, spec));
    for (const spec of specs) {
      expectSameRows(await post(clickhouseServer, spec), await post(duckdbServer, spec), JSON.stringify(spec));
    }
  }, 120_000);

  it.each(EDGE_SPECS)("answers the DuckDB service's rows: %s", async (what, spec) => {
    expectSameRows(await post(clickhouseServer, spec), await post(duckdbServer, spec), what);
  });

  it('finds no rows and no error for hostile filter values', async () => {
    const hostile = [
      "' OR 1=1 --",
      "\\' OR 1=1 --",
      '\\',
      "x') OR ('1'='1",
      "'; DROP TABLE atliq_publishes; --",
      'a\u0000b\n',
    ];
    for (const dimension of ['market', 'customer', 'zone']) {
      expect(
        await post(clickhouseServer, {
          measures: ['orders'],
          dimensions: [dimension],
          filters: { [dimension]: hostile },
        }),
      ).toEqual([]);
    }
  });

  it("narrows a zone reader to the zone, whatever the client's filters", async () => {
    const spec = { measures: ['revenue', 'orders'], dimensions: ['market', 'zone'] };
    const asked = await post(clickhouseServer, { ...spec, filters: { zone: ['North', 'South'] } }, 'north');
    expectSameRows(asked, await post(duckdbServer, { ...spec, filters: { zone: ['North'] } }), 'north');
    expect(new Set(asked.map((r) => r['zone']))).toEqual(new Set(['North']));
  });

  it('reads every hostile string back unchanged from its literal', async () => {
    const hostile = ["' OR 1=1 --", "\\' OR 1=1 --", '\\', "\\'", 'a\u0000b', 'x\ny\r\tz', '\u007f`"', 'देहली ₹'];
    for (const value of hostile) {
      const answer = await run(cluster.nodes[0]!.url, `SELECT ${stringLiteral(value)} AS v FORMAT JSONEachRow`);
      expect((JSON.parse(answer) as { v: string }).v).toBe(value);
    }
  });

  it('stops a query past the time limit: 504 in time, and nothing left running on the cluster', async () => {
    // A snapshot whose table is a view that sleeps on every row: ~3 s for a full scan (measured).
    const slow = '20990101T000000Z-slow';
    const source = `${DB}.${identifier(`fact_sales_local_${manifest.snapshot_id}`)}`;
    await run(
      cluster.nodes[0]!.url,
      `CREATE VIEW ${DB}.${identifier(`fact_sales_${slow}`)} AS SELECT * FROM ${source} WHERE sleepEachRow(0.0003) = 0`,
    );
    const engine = openClickHouse({ url: cluster.nodes[0]!.url, database: DB });
    const started = performance.now();
    await expect(engine.snapshot(slow).answer({ measures: ['orders'] }, 1_000)).rejects.toThrow(QueryTimeoutError);
    expect(performance.now() - started).toBeLessThan(2_500);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const running = await run(
      cluster.nodes[0]!.url,
      "SELECT count() FROM system.processes WHERE query LIKE '%sleepEachRow%' AND query NOT LIKE '%system.processes%'",
    );
    expect(Number(running)).toBe(0);
  });

  it('switches to a newer publication on the next query', async () => {
    const before = await post(clickhouseServer, { measures: ['orders'], dimensions: ['year'] });
    await publishSnapshot('20990101T000000Z-second', "year_month <= '2018-12'", '2099-01-01 00:00:00');
    const after = await post(clickhouseServer, { measures: ['orders'], dimensions: ['year'] });
    expect(after).toEqual(before.filter((r) => Number(r['year']) <= 2018));
    const served = (await (await fetch(`${clickhouseServer.url}/manifest.json`)).json()) as Manifest;
    expect(served.snapshot_id).toBe('20990101T000000Z-second');
  });
});

describe("the query service on the ETL's ClickHouse sink (18.16, two shards)", () => {
  it("answers every query of the default dashboard and the edge cases with the DuckDB service's rows", async () => {
    const served = (await (await fetch(`${sinkServer.url}/manifest.json`)).json()) as Manifest;
    expect(served.snapshot_id).toBe(manifest.snapshot_id);
    const specs = [
      ...dashboardSpecs(snapshotDays(manifest)!.to, 'Delhi NCR', 'North'),
      ...EDGE_SPECS.map(([, spec]) => spec),
    ];
    for (const spec of specs) {
      expectSameRows(await post(sinkServer, spec), await post(duckdbServer, spec), JSON.stringify(spec));
    }
  }, 120_000);
});
