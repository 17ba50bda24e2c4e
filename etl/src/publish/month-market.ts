import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Manifest, MONTH_MARKET_COLUMNS, MONTH_MARKET_FILE, type MonthMarketFile } from '@atliq/sdk/contract';
import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Writes {@link MONTH_MARKET_FILE} into the snapshot directory `dir` from the staged rollup and dimension, and
 * describes it for the manifest (`prefix`: the directory's path relative to the manifest). Market names that span
 * several codes are added together here, as the charts group them.
 */
export async function writeMonthMarket(
  db: DuckDBConnection,
  dir: string,
  prefix: string,
): Promise<NonNullable<Manifest['month_market']>> {
  const reader = await db.runAndReadAll(`
    SELECT a.year::INTEGER, a.month::INTEGER, m.market_name, m.zone, sum(a.revenue), sum(a.sales_qty)::DOUBLE,
      sum(a.orders)::DOUBLE, sum(a.profit)
    FROM agg_sales_month_market a JOIN dim_market m USING (market_code)
    GROUP BY ALL ORDER BY ALL`);
  const file: MonthMarketFile = {
    columns: MONTH_MARKET_COLUMNS,
    rows: reader.getRowsJS() as MonthMarketFile['rows'],
  };
  const text = `${JSON.stringify(file)}\n`;
  await writeFile(join(dir, MONTH_MARKET_FILE), text);
  return {
    path: `${prefix}/${MONTH_MARKET_FILE}`,
    rows: file.rows.length,
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}
