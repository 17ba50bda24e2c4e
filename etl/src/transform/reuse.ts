import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { columnList } from '../contract-ddl.ts';
import { sqlString } from '../sql-literal.ts';
import { STRAY_CHARS } from './facts.ts';

// The month of a published row and of a reject's raw date, both equal to the source's
// DATE_FORMAT(order_date, '%Y-%m') for every row whose date is valid (the only rows a reuse can cover).
const FACT_MONTH = "strftime(order_date, '%Y-%m')";
// (Before buildFacts, so its `clean` macro may not exist yet: the same trim, spelled out.)
const REJECT_MONTH = `strftime(TRY_CAST(trim(order_date, ${STRAY_CHARS}) AS DATE), '%Y-%m')`;

const factFiles = (dir: string) => sqlString(join(dir, 'fact_sales', '*', '*.parquet'));
const rejectFile = (dir: string) => sqlString(join(dir, 'rejects.parquet'));

async function setMonths(db: DuckDBConnection, months: readonly string[]): Promise<void> {
  await db.run('CREATE OR REPLACE TEMP TABLE t_reuse (month VARCHAR PRIMARY KEY)');
  const appender = await db.createAppender('t_reuse');
  for (const month of months) {
    appender.appendVarchar(month);
    appender.endRow();
  }
  appender.closeSync();
}

/** Rows (published + quarantined) the snapshot in `dir` holds for each of `months`. */
export async function monthRows(
  db: DuckDBConnection,
  dir: string,
  months: readonly string[],
): Promise<Map<string, number>> {
  await setMonths(db, months);
  const reader = await db.runAndReadAll(`
    SELECT m, count(*)::INTEGER AS n FROM (
      SELECT ${FACT_MONTH} AS m FROM read_parquet(${factFiles(dir)}, hive_partitioning = false)
      UNION ALL SELECT ${REJECT_MONTH} FROM read_parquet(${rejectFile(dir)}))
    WHERE m IN (SELECT month FROM t_reuse) GROUP BY m`);
  return new Map(reader.getRowsJS().map(([m, n]) => [m as string, n as number]));
}

/**
 * Appends the published and quarantined rows of `months` from the snapshot in `dir` to `fact_sales` and
 * `rejects` (which buildFacts created for the months read from the source). Returns the rows copied.
 */
export async function copyMonths(db: DuckDBConnection, dir: string, months: readonly string[]): Promise<number> {
  if (months.length === 0) return 0;
  await setMonths(db, months);
  const facts = columnList('fact_sales');
  const rejects = columnList('rejects');
  const before = await db.runAndReadAll('SELECT (SELECT count(*) FROM fact_sales) + (SELECT count(*) FROM rejects)');
  await db.run(`
    INSERT INTO fact_sales (${facts}) SELECT ${facts}
    FROM read_parquet(${factFiles(dir)}, hive_partitioning = false)
    WHERE ${FACT_MONTH} IN (SELECT month FROM t_reuse)`);
  await db.run(`
    INSERT INTO rejects (${rejects}) SELECT ${rejects} FROM read_parquet(${rejectFile(dir)})
    WHERE ${REJECT_MONTH} IN (SELECT month FROM t_reuse)`);
  const after = await db.runAndReadAll('SELECT (SELECT count(*) FROM fact_sales) + (SELECT count(*) FROM rejects)');
  return Number(after.getRowsJS()[0]![0]) - Number(before.getRowsJS()[0]![0]);
}
