/**
 * `--sink clickhouse://…`: loads a published snapshot (its `sales.duckdb`) into a ClickHouse cluster as one wide,
 * sharded fact table per snapshot, verifies it against the extract, then switches to it with one INSERT into
 * `atliq_publishes` on every node. A failure before the switch drops what it wrote and leaves the previous snapshot
 * current. See clickhouse-layout.ts for the tables.
 */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BROWSER_DB_FILE, type Manifest } from '@atliq/sdk/contract';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { EtlError } from '../errors.ts';
import type { Retention } from '../publish/retention.ts';
import { sqlString } from '../sql-literal.ts';
import { type ClickHouseEndpoint, chQuery, chRows } from './clickhouse-http.ts';
import {
  CLUSTER,
  chString,
  createDistributedSql,
  createLocalSql,
  createPublishesSql,
  factColumns,
  factTable,
  localTable,
  PUBLISHES_TABLE,
  q,
  snapshotSuffix,
  suffixOf,
} from './clickhouse-layout.ts';
import type { ClickHouseSinkSpec } from './clickhouse-url.ts';

export type SinkEvent =
  | { type: 'load'; table: string }
  /** Lines handed to the request body so far (about every MB of TSV). */
  | { type: 'sent'; rows: number }
  /** One INSERT of at most `rowsPerInsert` lines is in, on every shard; `rows` in all so far. */
  | { type: 'inserted'; rows: number }
  | { type: 'switched'; snapshot: string }
  | { type: 'warning'; message: string };

export interface SinkOptions {
  spec: ClickHouseSinkSpec;
  /** The published snapshot folder (holds `sales.duckdb`). */
  snapshotDir: string;
  manifest: Manifest;
  /** The published manifest.json as written, stored with the switch. */
  manifestText: string;
  retention: Retention;
  onEvent?: (event: SinkEvent) => void;
  now?: () => number;
  /**
   * Lines per INSERT (default 1,000,000). One INSERT of the whole snapshot held it all in the server's memory at
   * once: at 10M lines on two 18.16 shards it passed a 2 GB per-query limit (error 241, "would use 1.86 GiB").
   * The batches are loaded into the new version's own tables, so the switch stays one step after all of them.
   */
  rowsPerInsert?: number;
}

export interface SinkResult {
  /** The snapshot as named in ClickHouse (table suffix and `atliq_publishes.snapshot`). */
  snapshot: string;
  table: string;
  rows: number;
  /** Rows on each node's shard, in the order of the URL's nodes. */
  rowsPerShard: number[];
  /** The snapshot that was current before, if any. */
  previous: string | null;
  /** Snapshots whose tables retention dropped. */
  removed: string[];
  scale: number;
  seconds: number;
}

/** Money scales tried, smallest first: the first that holds every amount of the extract exactly is used. */
const SCALES = [2, 3, 4, 5, 6];
const MONEY = ['revenue', 'sales_amount', 'profit', 'cost'] as const;
/** About this many characters of TSV per write of the request body. */
const BATCH_CHARS = 1 << 20;
/** Lines per INSERT: a bounded memory on the server whatever the snapshot's size (see `rowsPerInsert`). */
const ROWS_PER_INSERT = 1_000_000;

export async function sinkToClickHouse(options: SinkOptions): Promise<SinkResult> {
  const started = performance.now();
  const { spec, manifest } = options;
  const emit = options.onEvent ?? (() => {});
  const warn = (message: string) => emit({ type: 'warning', message });
  const nodes: ClickHouseEndpoint[] = spec.nodes.map((url) => ({ url, user: spec.user, password: spec.password }));
  const db = spec.database;
  const suffix = snapshotSuffix(manifest.snapshot_id);

  await checkCluster(nodes);
  for (const node of nodes) {
    await chQuery(node, `CREATE DATABASE IF NOT EXISTS ${db}`);
    await chQuery(node, createPublishesSql(db));
  }
  const published = await publishedSnapshots(nodes, db);
  if (published.has(suffix)) throw new EtlError(`ClickHouse ${db} already holds snapshot ${suffix}`);
  const previous = current(published);
  // Tables of snapshots never switched to: an earlier run that failed where it could not clean up (a node down).
  await dropDebris(nodes, db, published, warn);

  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  let created = false;
  try {
    await duck.run(`ATTACH ${sqlString(join(options.snapshotDir, BROWSER_DB_FILE))} AS x (READ_ONLY)`);
    const scale = await moneyScale(duck);
    const expected = await extractTotals(duck, scale);
    if (expected.rows !== manifest.quality.rows_published) {
      throw new EtlError(
        `${BROWSER_DB_FILE} holds ${expected.rows} facts, the manifest publishes ${manifest.quality.rows_published}`,
      );
    }
    created = true;
    for (const node of nodes) await chQuery(node, createLocalSql(db, suffix, scale));
    for (const node of nodes) await chQuery(node, createDistributedSql(db, suffix));

    emit({ type: 'load', table: factTable(suffix) });
    await load(duck, nodes[0]!, db, suffix, scale, options.rowsPerInsert ?? ROWS_PER_INSERT, emit);

    const perShard = await shardTotals(nodes, db, suffix, scale);
    const rows = perShard.reduce((n, s) => n + s.rows, 0n);
    const minor = perShard.reduce((n, s) => n + s.revenueMinor, 0n);
    if (rows !== BigInt(expected.rows) || minor !== expected.revenueMinor) {
      throw new EtlError(
        `ClickHouse holds ${rows} rows and revenue ${formatMinor(minor, scale)} over ${nodes.length} shards, ` +
          `the extract ${expected.rows} and ${formatMinor(expected.revenueMinor, scale)}`,
        { phase: 'verify' },
      );
    }

    await switchTo(nodes, db, suffix, published, options, expected.rows);
    created = false;
    emit({ type: 'switched', snapshot: suffix });
    const removed = await applyRetention(nodes, db, suffix, published, options, warn);
    return {
      snapshot: suffix,
      table: factTable(suffix),
      rows: expected.rows,
      rowsPerShard: perShard.map((s) => Number(s.rows)),
      previous,
      removed,
      scale,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (err) {
    if (created) await dropSnapshotTables(nodes, db, suffix, warn);
    throw err;
  } finally {
    duck.closeSync();
    instance.closeSync();
  }
}

/** Every node must be a shard of the cluster `atliq` (one replica each), and every shard must be listed once. */
async function checkCluster(nodes: ClickHouseEndpoint[]): Promise<void> {
  const localShard = new Map<number, string>();
  for (const node of nodes) {
    const rows = await chRows(
      node,
      `SELECT shard_num, replica_num, is_local FROM system.clusters WHERE cluster = ${chString(CLUSTER)}`,
    );
    if (rows.length === 0) {
      throw new EtlError(`ClickHouse ${node.url} has no cluster "${CLUSTER}" in its remote_servers configuration`);
    }
    const shards = new Set(rows.map((r) => Number(r[0])));
    if (rows.some((r) => r[1] !== '1')) {
      throw new EtlError(`cluster "${CLUSTER}" has replicas: the sink supports one node per shard`);
    }
    if (shards.size !== nodes.length) {
      throw new EtlError(
        `cluster "${CLUSTER}" on ${node.url} has ${shards.size} shards but --sink lists ${nodes.length} nodes: ` +
          'list the HTTP endpoint of every shard',
      );
    }
    const local = rows.filter((r) => r[2] === '1').map((r) => Number(r[0]));
    if (local.length !== 1) {
      throw new EtlError(`ClickHouse ${node.url} is not one of cluster "${CLUSTER}"'s shards (none is local to it)`);
    }
    const other = localShard.get(local[0]!);
    if (other) throw new EtlError(`${other} and ${node.url} are the same shard ${local[0]} of cluster "${CLUSTER}"`);
    localShard.set(local[0]!, node.url);
  }
}

/** Snapshot → its publish time (s) over every node's `atliq_publishes` (the latest time where they disagree). */
async function publishedSnapshots(nodes: ClickHouseEndpoint[], db: string): Promise<Map<string, number>> {
  const published = new Map<string, number>();
  for (const node of nodes) {
    const rows = await chRows(
      node,
      `SELECT snapshot, toUInt32(max(published_at)) FROM ${q(db, PUBLISHES_TABLE)} GROUP BY snapshot`,
    );
    for (const [snapshot, at] of rows) published.set(snapshot!, Math.max(published.get(snapshot!) ?? 0, Number(at)));
  }
  return published;
}

const current = (published: Map<string, number>): string | null =>
  [...published].reduce<[string, number] | null>((best, e) => (!best || e[1] > best[1] ? e : best), null)?.[0] ?? null;

async function dropDebris(
  nodes: ClickHouseEndpoint[],
  db: string,
  published: Map<string, number>,
  warn: (m: string) => void,
): Promise<void> {
  for (const node of nodes) {
    const rows = await chRows(
      node,
      `SELECT name FROM system.tables WHERE database = ${chString(db)} AND startsWith(name, 'fact_sales_')`,
    );
    const debris = new Set(rows.map((r) => suffixOf(r[0]!)).filter((s): s is string => !!s && !published.has(s)));
    for (const s of debris) {
      warn(`dropping the tables of ${s} on ${node.url}: an earlier load that never switched`);
      await chQuery(node, `DROP TABLE IF EXISTS ${q(db, factTable(s))}`);
      await chQuery(node, `DROP TABLE IF EXISTS ${q(db, localTable(s))}`);
    }
  }
}

async function dropSnapshotTables(
  nodes: ClickHouseEndpoint[],
  db: string,
  suffix: string,
  warn: (m: string) => void,
): Promise<void> {
  for (const node of nodes) {
    try {
      await chQuery(node, `DROP TABLE IF EXISTS ${q(db, factTable(suffix))}`);
      await chQuery(node, `DROP TABLE IF EXISTS ${q(db, localTable(suffix))}`);
    } catch (err) {
      warn(`could not drop the half-written ${suffix} on ${node.url} (the next run does): ${(err as Error).message}`);
    }
  }
}

/** The smallest scale at which every money value of the extract is exact (to 1e-6 of a unit of that scale). */
async function moneyScale(duck: DuckDBConnection): Promise<number> {
  const misfits = SCALES.map(
    (s) =>
      `count(*) FILTER (WHERE ${MONEY.map((c) => `abs(${c} * 1e${s} - round(${c} * 1e${s})) > 1e-6 + abs(${c}) * 1e${s - 12}`).join(' OR ')})`,
  );
  const reader = await duck.runAndReadAll(`SELECT ${misfits.join(', ')} FROM x.fact_sales`);
  const counts = (reader.getRowsJS()[0] as bigint[]).map(Number);
  const i = counts.indexOf(0);
  if (i < 0) {
    throw new EtlError(
      `${counts.at(-1)} fact lines carry money with more than ${SCALES.at(-1)} decimals: ClickHouse's Decimal would ` +
        'round them (check the fx rates)',
    );
  }
  return SCALES[i]!;
}

async function extractTotals(duck: DuckDBConnection, scale: number): Promise<{ rows: number; revenueMinor: bigint }> {
  const reader = await duck.runAndReadAll(
    `SELECT count(*), coalesce(sum(round(revenue * 1e${scale})::HUGEINT), 0)::VARCHAR FROM x.fact_sales`,
  );
  const [rows, minor] = reader.getRowsJS()[0] as [bigint, string];
  return { rows: Number(rows), revenueMinor: BigInt(minor) };
}

/** One TSV line per fact, escaped for ClickHouse's TabSeparated (every column, `\N` for NULL). */
function wideSelect(scale: number): string {
  const text = (e: string) =>
    `coalesce(replace(replace(replace(replace(${e}, '\\', '\\\\'), chr(9), '\\t'), chr(10), '\\n'), chr(13), '\\r'), '\\N')`;
  const money = (e: string) => `coalesce(CAST(${e} AS DECIMAL(18, ${scale}))::VARCHAR, '\\N')`;
  const plain = (e: string) => `coalesce((${e})::VARCHAR, '\\N')`;
  const expr: Record<string, string> = {
    order_date: plain('f.order_date'),
    market_code: text('f.market_code'),
    customer_code: text('f.customer_code'),
    product_code: text('f.product_code'),
    sales_qty: plain('f.sales_qty'),
    revenue: money('f.revenue'),
    currency: text('f.currency'),
    sales_amount: money('f.sales_amount'),
    profit: money('f.profit'),
    cost: money('f.cost'),
    market_name: text('m.market_name'),
    zone: text('m.zone'),
    customer_name: text('c.customer_name'),
    customer_type: text('c.customer_type'),
    product_type: text('p.product_type'),
    date: plain('d.date'),
    year: plain('d.year'),
    month: plain('d.month'),
    month_name: text('d.month_name'),
    year_month: text('d.year_month'),
  };
  const columns = factColumns(scale).map(([name]) => expr[name]!);
  // LEFT JOINs, as the extract's readers join: a fact whose member is missing keeps NULL attributes (Nullable
  // columns take them; a NULL in a non-Nullable one fails the load instead of shifting columns).
  return `SELECT concat_ws(chr(9), ${columns.join(', ')}) FROM x.fact_sales f
    LEFT JOIN x.dim_market m USING (market_code)
    LEFT JOIN x.dim_customer c USING (customer_code)
    LEFT JOIN x.dim_product p USING (product_code)
    LEFT JOIN x.dim_date d ON d.date = f.order_date`;
}

/**
 * Streams the wide facts into the Distributed table on `node`, synchronously to every shard, in INSERTs of at most
 * `rowsPerInsert` lines each (DuckDB's chunks are not split, so a batch may run up to one chunk over).
 */
async function load(
  duck: DuckDBConnection,
  node: ClickHouseEndpoint,
  db: string,
  suffix: string,
  scale: number,
  rowsPerInsert: number,
  emit: (event: SinkEvent) => void,
): Promise<void> {
  const result = await duck.stream(wideSelect(scale));
  // The next chunk is read before an INSERT starts, so no INSERT is ever sent without rows.
  let next = await result.fetchChunk();
  let rows = 0;
  async function* batch(): AsyncGenerator<string> {
    let text = '';
    let inBatch = 0;
    while (next && next.rowCount > 0 && inBatch < rowsPerInsert) {
      text += `${(next.getColumnValues(0) as string[]).join('\n')}\n`;
      rows += next.rowCount;
      inBatch += next.rowCount;
      next = await result.fetchChunk();
      if (text.length >= BATCH_CHARS) {
        yield text;
        text = '';
        emit({ type: 'sent', rows });
      }
    }
    if (text) yield text;
    emit({ type: 'sent', rows });
  }
  const columns = factColumns(scale)
    .map(([n]) => n)
    .join(', ');
  while (next && next.rowCount > 0) {
    await chQuery(node, `INSERT INTO ${q(db, factTable(suffix))} (${columns}) FORMAT TabSeparated`, {
      body: Readable.from(batch()),
      // 18.16 takes no SETTINGS clause in an INSERT: as URL parameters. Synchronous: every shard has its rows (or the
      // INSERT failed) when the request returns.
      settings: { insert_distributed_sync: 1 },
      timeoutMs: 3_600_000,
    });
    emit({ type: 'inserted', rows });
  }
}

async function shardTotals(
  nodes: ClickHouseEndpoint[],
  db: string,
  suffix: string,
  scale: number,
): Promise<{ rows: bigint; revenueMinor: bigint }[]> {
  const totals = [];
  for (const node of nodes) {
    const [[rows, sum]] = (await chRows(
      node,
      `SELECT count(), toString(sum(revenue)) FROM ${q(db, localTable(suffix))}`,
    )) as [[string, string]];
    totals.push({ rows: BigInt(rows), revenueMinor: decimalToMinor(sum, scale) });
  }
  return totals;
}

/**
 * A Decimal as ClickHouse prints it, in units of 10^-scale: "1234.50" → 123450n at scale 2. 18.16 prints every
 * decimal of the scale, current releases drop trailing zeros ("1234.5"), so the fraction is padded.
 */
export function decimalToMinor(text: string, scale: number): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m || (m[3]?.length ?? 0) > scale)
    throw new EtlError(`ClickHouse answered "${text}" for a Decimal of scale ${scale}`);
  const minor = BigInt(m[2]! + (m[3] ?? '').padEnd(scale, '0'));
  return m[1] ? -minor : minor;
}

function formatMinor(minor: bigint, scale: number): string {
  const s = (minor < 0n ? -minor : minor).toString().padStart(scale + 1, '0');
  return `${minor < 0n ? '-' : ''}${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

/**
 * The switch: one row into `atliq_publishes` on every node, with a publish time after every earlier one (whole
 * seconds, so one more than the newest when runs come faster). A node that refuses it has the others' rows taken
 * back, so no node names a snapshot another does not.
 */
async function switchTo(
  nodes: ClickHouseEndpoint[],
  db: string,
  suffix: string,
  published: Map<string, number>,
  options: SinkOptions,
  rows: number,
): Promise<void> {
  const now = Math.floor((options.now?.() ?? Date.now()) / 1000);
  const at = Math.max(now, Math.max(0, ...published.values()) + 1);
  const row = JSON.stringify({ snapshot: suffix, published_at: at, manifest: options.manifestText, rows });
  const done: ClickHouseEndpoint[] = [];
  try {
    for (const node of nodes) {
      await chQuery(node, `INSERT INTO ${q(db, PUBLISHES_TABLE)} FORMAT JSONEachRow`, { body: `${row}\n` });
      done.push(node);
    }
  } catch (err) {
    for (const node of done) {
      await deletePublishRows(node, db, `snapshot = ${chString(suffix)}`).catch(() => {});
    }
    throw err;
  }
  published.set(suffix, at);
}

/**
 * Deletes publish rows on `node` and waits until they are gone. `ALTER … DELETE` is a mutation, run in the background
 * (18.16 has no `mutations_sync`): until it ends, readers still see the rows, e.g. a switch taken back, naming a
 * snapshot whose tables are then dropped.
 */
async function deletePublishRows(node: ClickHouseEndpoint, db: string, where: string, timeoutMs = 30_000) {
  await chQuery(node, `ALTER TABLE ${q(db, PUBLISHES_TABLE)} DELETE WHERE ${where}`);
  const pending =
    `SELECT count() FROM system.mutations WHERE database = ${chString(db)} ` +
    `AND table = ${chString(PUBLISHES_TABLE)} AND is_done = 0`;
  for (const deadline = Date.now() + timeoutMs; Number((await chQuery(node, pending)).trim()) > 0; ) {
    if (Date.now() > deadline) {
      throw new Error(`ClickHouse ${node.url}: publish rows still being deleted after ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The extract's retention rules over the switched snapshots: the newest `keep` (the current one included) and any
 * replaced less than `keepForMs` ago stay; the others lose their publish rows, then their tables, on every node.
 */
async function applyRetention(
  nodes: ClickHouseEndpoint[],
  db: string,
  served: string,
  published: Map<string, number>,
  options: SinkOptions,
  warn: (m: string) => void,
): Promise<string[]> {
  const { keep, keepForMs } = options.retention;
  const now = options.now?.() ?? Date.now();
  const order = [...published].sort((a, b) => a[1] - b[1]).map(([s]) => s);
  const newest = new Set(keep > 0 ? order.slice(-keep) : []);
  const drop: string[] = [];
  for (const [i, s] of order.entries()) {
    if (s === served || newest.has(s) || i === order.length - 1) continue;
    // Publish times are whole seconds: the replacement happened before the end of that second, never earlier.
    const replacedAt = Math.min((published.get(order[i + 1]!)! + 1) * 1000, now);
    if (now - replacedAt < keepForMs) continue;
    drop.push(s);
  }
  if (drop.length === 0) return [];
  const list = drop.map(chString).join(', ');
  for (const node of nodes) {
    try {
      await deletePublishRows(node, db, `snapshot IN (${list})`);
      for (const s of drop) {
        await chQuery(node, `DROP TABLE IF EXISTS ${q(db, factTable(s))}`);
        await chQuery(node, `DROP TABLE IF EXISTS ${q(db, localTable(s))}`);
      }
    } catch (err) {
      warn(`could not drop old snapshots on ${node.url}: ${(err as Error).message}`);
    }
  }
  return drop;
}
