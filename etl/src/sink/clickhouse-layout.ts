/**
 * The ClickHouse layout of a published snapshot: the contract the query service compiles against. Every statement
 * here runs on ClickHouse 18.16 (Debian's) and on current releases.
 *
 * Per snapshot id S (its non-alphanumerics turned into `_`), in database DB on every node of the cluster `atliq`:
 * - `fact_sales_local_S`: MergeTree, that node's shard of the wide fact table;
 * - `fact_sales_S`: `Distributed(atliq, DB, fact_sales_local_S, SHARD_KEY)`, what queries read;
 * - `atliq_publishes` (MergeTree): one row per switched snapshot; the current one is
 *   `SELECT argMax(snapshot, published_at) FROM DB.atliq_publishes` (published_at strictly increases).
 */

export const CLUSTER = 'atliq';
export const PUBLISHES_TABLE = 'atliq_publishes';
/** Spreads the lines evenly: by customer alone, 1M sample lines split 655k / 333k (a few customers buy most). */
export const SHARD_KEY = 'cityHash64(customer_code, product_code, order_date)';

/** A snapshot id as it appears in table names and in `atliq_publishes.snapshot`. */
export const snapshotSuffix = (snapshotId: string): string => snapshotId.replace(/[^A-Za-z0-9]/g, '_');
export const factTable = (suffix: string): string => `fact_sales_${suffix}`;
export const localTable = (suffix: string): string => `fact_sales_local_${suffix}`;

/** The snapshot suffix a table of ours belongs to, or undefined for someone else's table. */
export function suffixOf(table: string): string | undefined {
  const m = /^fact_sales_(?:local_)?([A-Za-z0-9_]+)$/.exec(table);
  return m?.[1];
}

/**
 * The wide fact table's columns in load order: the extract's fact_sales, then the dimension attributes under the
 * dimension tables' own column names (`DIMENSIONS[…].column` in the SDK's model). Money is Decimal(18, scale).
 */
export function factColumns(scale: number): [name: string, type: string][] {
  const money = `Decimal(18, ${scale})`;
  return [
    ['order_date', 'Date'],
    ['market_code', 'String'],
    ['customer_code', 'String'],
    ['product_code', 'String'],
    ['sales_qty', 'Int32'],
    ['revenue', money],
    ['currency', 'String'],
    ['sales_amount', money],
    ['profit', `Nullable(${money})`],
    ['cost', `Nullable(${money})`],
    ['market_name', 'String'],
    ['zone', 'Nullable(String)'],
    ['customer_name', 'String'],
    ['customer_type', 'String'],
    ['product_type', 'Nullable(String)'],
    ['date', 'Date'],
    ['year', 'UInt16'],
    ['month', 'UInt8'],
    ['month_name', 'String'],
    ['year_month', 'String'],
  ];
}

export const q = (db: string, table: string): string => `${db}.${table}`;

export const createPublishesSql = (db: string): string =>
  `CREATE TABLE IF NOT EXISTS ${q(db, PUBLISHES_TABLE)} (snapshot String, published_at DateTime, manifest String, ` +
  'rows UInt64) ENGINE = MergeTree ORDER BY published_at';

export const createLocalSql = (db: string, suffix: string, scale: number): string =>
  `CREATE TABLE ${q(db, localTable(suffix))} (${factColumns(scale)
    .map(([n, t]) => `${n} ${t}`)
    .join(', ')}) ENGINE = MergeTree PARTITION BY toYear(order_date) ` +
  'ORDER BY (order_date, market_code, customer_code, product_code)';

export const createDistributedSql = (db: string, suffix: string): string =>
  `CREATE TABLE ${q(db, factTable(suffix))} AS ${q(db, localTable(suffix))} ` +
  `ENGINE = Distributed(${CLUSTER}, ${db}, ${localTable(suffix)}, ${SHARD_KEY})`;

/** A ClickHouse string literal: backslash and quote escaped (ClickHouse reads C-style escapes in literals). */
export const chString = (s: string): string => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
