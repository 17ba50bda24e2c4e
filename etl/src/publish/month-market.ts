import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Manifest,
  MONTH_MARKET_COLUMNS,
  MONTH_MARKET_FILE,
  MONTH_MARKET_KEYS,
  MONTH_MARKET_SUMS,
  type MonthMarketFile,
} from '@atliq/sdk/contract';
import type { DuckDBConnection } from '@duckdb/node-api';

/** Each key column of the file, from the rollup `a` and dim_market `m`. */
const KEYS: Record<(typeof MONTH_MARKET_KEYS)[number], string> = {
  year: 'a.year::INTEGER',
  month: 'a.month::INTEGER',
  market: 'm.market_name',
  zone: 'm.zone',
};

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
  // Sums as DOUBLE: JSON numbers (a sum of integers would be a HUGEINT, a BigInt in JavaScript).
  const sums = MONTH_MARKET_SUMS.map((c) => `sum(a.${c})::DOUBLE`);
  const reader = await db.runAndReadAll(`
    SELECT ${[...MONTH_MARKET_KEYS.map((k) => KEYS[k]), ...sums].join(', ')}
    FROM agg_sales_month_market a JOIN dim_market m USING (market_code)
    GROUP BY ALL ORDER BY ALL`);
  const file: MonthMarketFile = {
    columns: MONTH_MARKET_COLUMNS,
    rows: reader.getRowsJS() as unknown as MonthMarketFile['rows'],
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
