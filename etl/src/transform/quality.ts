import type { QualityReport, RejectReason } from '@atliq/sdk/contract';
import type { DuckDBConnection } from '@duckdb/node-api';
import { EtlError } from '../errors.ts';
import { WARNINGS_TABLE } from '../source/schema-drift.ts';
import { completeness } from './completeness.ts';
import { STAGED_COUNT_TABLE } from './facts.ts';

async function rows<T>(db: DuckDBConnection, sql: string): Promise<T[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS() as T[];
}

/** For a scope's report: its lines are those it publishes and quarantines; `aggregate` names no customer or product. */
export interface QualityScope {
  detail: 'full' | 'aggregate';
}

/**
 * Counts what happened to every source row and reports unknown members, gaps and the run's warnings. Throws
 * before anything is published if the counts do not reconcile (read = published + rejected): a run that lost a
 * row must not replace a good extract. `rowsReused` counts rows copied from the previous snapshot, not staged.
 * With `scope`, the report covers the tables of a scope (publish/scope-build.ts) and nothing outside it: the lines
 * read are its published and quarantined ones.
 */
export async function qualityReport(
  db: DuckDBConnection,
  rowsReused = 0,
  scope?: QualityScope,
): Promise<QualityReport> {
  const staged = scope
    ? '(SELECT count(*) FROM fact_sales) + (SELECT count(*) FROM rejects)'
    : `(SELECT n FROM ${STAGED_COUNT_TABLE})`;
  const [c] = await rows<{ read: bigint; published: bigint; rejected: bigint }>(
    db,
    `SELECT ${staged} AS read, (SELECT count(*) FROM fact_sales) AS published,
            (SELECT count(*) FROM rejects) AS rejected`,
  );
  // Rows an incremental run copied from the previous snapshot were read by the run that made it.
  const read = Number(c!.read) + rowsReused;
  const published = Number(c!.published);
  const rejected = Number(c!.rejected);
  if (read !== published + rejected) {
    throw new EtlError(`rows do not reconcile: read ${read} ≠ published ${published} + rejected ${rejected}`, {
      phase: 'verify',
    });
  }
  const byReason = await rows<{ reason: RejectReason; n: bigint }>(
    db,
    'SELECT reason, count(*) AS n FROM rejects GROUP BY reason ORDER BY reason',
  );
  const unknown = await rows<{
    dimension: 'market' | 'customer' | 'product';
    code: string;
    n: bigint;
    revenue: number;
  }>(
    db,
    `SELECT dimension, code, count(*) AS n, sum(revenue) AS revenue FROM (
       SELECT 'market' AS dimension, f.market_code AS code, f.revenue FROM fact_sales f
         JOIN dim_market d USING (market_code) WHERE NOT d.known
       UNION ALL SELECT 'customer', f.customer_code, f.revenue FROM fact_sales f
         JOIN dim_customer d USING (customer_code) WHERE NOT d.known
       UNION ALL SELECT 'product', f.product_code, f.revenue FROM fact_sales f
         JOIN dim_product d USING (product_code) WHERE NOT d.known)
     GROUP BY dimension, code ORDER BY dimension, code`,
  );
  // The schema check records its warnings here; a run that skipped it simply has none.
  await db.run(`CREATE TABLE IF NOT EXISTS ${WARNINGS_TABLE} (message VARCHAR NOT NULL)`);
  const warnings = await rows<{ message: string }>(db, `SELECT message FROM ${WARNINGS_TABLE} ORDER BY rowid`);
  return {
    rows_read: read,
    rows_published: published,
    rows_rejected: rejected,
    rejected_by_reason: Object.fromEntries(byReason.map((r) => [r.reason, Number(r.n)])),
    unknown_members: unknown
      .filter((u) => scope?.detail !== 'aggregate' || u.dimension === 'market')
      .map((u) => ({
        dimension: u.dimension,
        code: u.code,
        rows: Number(u.n),
        revenue: u.revenue,
      })),
    ...(await completeness(db)),
    warnings: warnings.map((w) => w.message),
  };
}
