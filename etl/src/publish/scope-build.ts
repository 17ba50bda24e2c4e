import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BROWSER_DB_FILE,
  type Manifest,
  type QualityReport,
  SCOPES_DIR,
  SNAPSHOTS_DIR,
  type TableName,
} from '@atliq/sdk/contract';
import type { DuckDBConnection } from '@duckdb/node-api';
import { columnList, createTableSql } from '../contract-ddl.ts';
import type { Scope } from '../scopes.ts';
import { WARNINGS_TABLE } from '../source/schema-drift.ts';
import { type ProfitReading, profitCheck } from '../transform/profit-reading.ts';
import { qualityReport } from '../transform/quality.ts';
import { scopeReconciliation } from '../transform/reconcile.ts';
import { buildRollups } from '../transform/rollups.ts';
import { writeExtractFiles } from './extract-files.ts';
import { scopeCondition, unmatchedSql } from './scope-filter.ts';

/** The run's own tables, while a scope's are built in a database of their own. */
const RUN = 'memory.main';
/** The in-memory database a scope's tables are built in; the connection USEs it meanwhile. */
const SCOPE_DB = 'scope_build';

/** What every scope of a run shares with the full extract's manifest. */
export type ManifestBase = Pick<
  Manifest,
  'contract_version' | 'snapshot_id' | 'generated_at' | 'source' | 'reporting_currency' | 'fx_rates' | 'measures'
>;

export interface ScopeRun {
  out: string;
  base: ManifestBase;
  /** The full extract's quality block: only its status and schema warnings are carried over. */
  quality: QualityReport;
  refreshMode: 'full' | 'incremental';
  withProfit: boolean;
  profit: ProfitReading | null;
  warn: (message: string) => void;
}

export interface BuiltScope {
  /** `<out>/scopes/<name>`: receives `manifest.json` and `v/<snapshot-id>/`. */
  root: string;
  tmpDir: string;
  finalDir: string;
  manifest: Manifest;
}

export const scopeRoot = (out: string, name: string) => join(out, SCOPES_DIR, name);

/**
 * Builds one scope from the run's cleaned tables (same snapshot, no second read of the source) and writes its
 * snapshot folder `<out>/scopes/<name>/v/.tmp-<id>`; the caller renames it into place and writes its manifest.
 * Facts are filtered first; dimensions (only the members those facts use), dates, rollups, month_market.json and the
 * quality block are derived from them by the same functions as the full extract's, over a database holding nothing
 * else, so a query that named a table the scope lacks fails instead of reading the run's. Rejects: the scope's lines
 * whose codes name members in scope (a line with a missing or unknown code cannot be shown to be in scope: left out).
 * `aggregate`: the market × month rollup, dim_market and dim_date only; facts, customers, products, the detailed
 * rollup and rejects stay empty.
 */
export async function buildScope(db: DuckDBConnection, scope: Scope, run: ScopeRun): Promise<BuiltScope> {
  const root = scopeRoot(run.out, scope.name);
  const tmpDir = join(root, SNAPSHOTS_DIR, `.tmp-${run.base.snapshot_id}`);
  await warnUnmatched(db, scope, run.warn);
  await db.run(`ATTACH ':memory:' AS ${SCOPE_DB}`);
  try {
    return await buildIn(db, scope, run, root, tmpDir);
  } catch (err) {
    await rm(tmpDir, { recursive: true, force: true });
    throw err;
  } finally {
    await db.run('USE memory');
    await db.run(`DETACH ${SCOPE_DB}`);
  }
}

/** The scope's tables, quality block and files, in the database {@link SCOPE_DB} (attached by buildScope). */
async function buildIn(
  db: DuckDBConnection,
  scope: Scope,
  run: ScopeRun,
  root: string,
  tmpDir: string,
): Promise<BuiltScope> {
  const id = run.base.snapshot_id;
  await db.run(`USE ${SCOPE_DB}`);
  await fillTables(db, scope);
  const quality = await scopeQuality(db, scope, run);
  // Before an aggregate scope's facts are emptied: its days are what its periods are planned from.
  const days = await orderDays(db);
  if (scope.detail === 'aggregate') {
    for (const table of ['fact_sales', 'dim_customer', 'dim_product', 'agg_sales_month'] as const) {
      await db.run(`DELETE FROM ${table}`);
    }
  }
  if (quality.rows_published === 0) run.warn(`scope "${scope.name}" holds no rows: its extract is empty`);
  await mkdir(tmpDir, { recursive: true });
  const prefix = `${SNAPSHOTS_DIR}/${id}`;
  const factRows = scope.detail === 'aggregate' ? 0 : quality.rows_published;
  const { files, monthMarket, dayMarket, bridgeGrain } = await writeExtractFiles(db, tmpDir, prefix, factRows);
  const manifest: Manifest = {
    ...run.base,
    browser_db: `${prefix}/${BROWSER_DB_FILE}`,
    files,
    quality,
    // The full extract's row counts (reused rows) are not the scope's to know.
    refresh: { mode: run.refreshMode },
    month_market: monthMarket,
    ...(dayMarket ? { day_market: dayMarket } : {}),
    ...(bridgeGrain ? { bridge_grain: bridgeGrain } : {}),
    scope: { name: scope.name, detail: scope.detail, ...(days ? { days } : {}) },
  };
  return { root, tmpDir, finalDir: join(root, SNAPSHOTS_DIR, id), manifest };
}

/** The first and newest order day of the scope's facts; undefined without sales. */
async function orderDays(db: DuckDBConnection): Promise<{ from: string; to: string } | undefined> {
  const reader = await db.runAndReadAll(
    `SELECT strftime(min(order_date), '%Y-%m-%d') AS "from", strftime(max(order_date), '%Y-%m-%d') AS "to" FROM fact_sales`,
  );
  const [row] = reader.getRowObjectsJS() as { from: string | null; to: string | null }[];
  return row?.from && row.to ? { from: row.from, to: row.to } : undefined;
}

/** The scope's tables in the current database, from the run's ({@link RUN}). */
async function fillTables(db: DuckDBConnection, scope: Scope): Promise<void> {
  const create = async (table: TableName, select: string) => {
    await db.run(createTableSql(table));
    await db.run(`INSERT INTO ${table} (${columnList(table)}) ${select}`);
  };
  const facts = columnList('fact_sales');
  await create(
    'fact_sales',
    `SELECT ${facts} FROM ${RUN}.fact_sales f WHERE ${scopeCondition(scope, RUN, (c) => `f.${c}`)}
     ORDER BY order_date, market_code, customer_code, product_code`,
  );
  // Rejects keep the source's text: their codes are cleaned (the `clean` macro of buildFacts) before matching.
  const rejects = scope.detail === 'aggregate' ? 'false' : scopeCondition(scope, RUN, (c) => `clean(r.${c})`);
  await create('rejects', `SELECT ${columnList('rejects')} FROM ${RUN}.rejects r WHERE ${rejects}`);
  for (const [table, code] of [
    ['dim_market', 'market_code'],
    ['dim_customer', 'customer_code'],
    ['dim_product', 'product_code'],
  ] as const) {
    await create(
      table,
      `SELECT ${columnList(table)} FROM ${RUN}.${table} WHERE ${code} IN (SELECT ${code} FROM fact_sales)`,
    );
  }
  await create(
    'dim_date',
    `SELECT ${columnList('dim_date')} FROM ${RUN}.dim_date
     WHERE date BETWEEN (SELECT min(order_date) FROM fact_sales) AND (SELECT max(order_date) FROM fact_sales)
     ORDER BY date`,
  );
  await buildRollups(db);
  // Schema warnings name source columns, never rows: every reader should see them.
  await db.run(`CREATE TABLE ${WARNINGS_TABLE} AS SELECT * FROM ${RUN}.${WARNINGS_TABLE}`);
}

/** The scope's own counts, checks and account; nothing of the full extract but its reconciliation status. */
async function scopeQuality(db: DuckDBConnection, scope: Scope, run: ScopeRun): Promise<QualityReport> {
  const quality = await qualityReport(db, 0, scope);
  if (run.profit) quality.profit_check = await profitCheck(db, run.profit);
  const status = run.quality.reconciliation?.status;
  if (status === 'matched') quality.reconciliation = await scopeReconciliation(db, run.withProfit, run.profit);
  else if (status) quality.reconciliation = { status };
  return quality;
}

/** A filter value that names no member of the snapshot is likely a typo: the scope is then narrower (or empty). */
async function warnUnmatched(db: DuckDBConnection, scope: Scope, warn: (message: string) => void): Promise<void> {
  const sql = unmatchedSql(scope, RUN);
  if (!sql) return;
  for (const [dimension, value] of (await db.runAndReadAll(sql)).getRowsJS() as [string, string][]) {
    warn(`scope "${scope.name}": ${dimension} "${value}" names no member of this snapshot`);
  }
}
