import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureTestExtracts } from '@atliq/devserver';
import type { Manifest } from '@atliq/sdk/contract';
import { connectNode } from '@atliq/sdk/node';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Revenue per market name of the test extract, largest first, computed in Node from the Parquet files. */
    revenueByMarket: { market: string; revenue: number }[];
  }
}

/**
 * Builds (or reuses) the test extract the browser tests load, and computes the numbers they must show
 * independently of the code under test: another engine (DuckDB in Node), other files (the published Parquet, not
 * the browser's sales.duckdb) and hand-written SQL instead of the SDK's compiler.
 */
export default async function setup(project: TestProject): Promise<void> {
  const dir = await ensureTestExtracts();
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const parquet = (table: string) =>
    `[${manifest.files
      .filter((f) => f.table === table && f.path.endsWith('.parquet'))
      .map((f) => `'${join(dir, f.path)}'`)
      .join(', ')}]`;
  // The connector attaches the browser's file, but the query below reads only the Parquet files.
  const db = await connectNode(join(dir, manifest.browser_db));
  try {
    const rows = await db.query(
      `SELECT m.market_name AS market, sum(f.revenue) AS revenue
       FROM read_parquet(${parquet('fact_sales')}) f
       JOIN read_parquet(${parquet('dim_market')}) m USING (market_code)
       GROUP BY m.market_name
       ORDER BY revenue DESC, market`,
      [],
    );
    project.provide(
      'revenueByMarket',
      rows.map((r) => ({ market: String(r.market), revenue: Number(r.revenue) })),
    );
  } finally {
    await db.close();
  }
}
