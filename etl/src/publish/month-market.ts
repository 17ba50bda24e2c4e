import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DAY_MARKET_COLUMNS,
  DAY_MARKET_FILE,
  type DayMarketFile,
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

/** `YYYY-MM` of the month `back` months before `month` (`YYYY-MM`). */
function monthsBefore(month: string, back: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - back;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The months {@link DAY_MARKET_FILE} holds for a newest order day in `month`: that month a year, a quarter and a
 * month earlier — where a like-for-like baseline of the year, quarter or month to date is cut short.
 */
export function cutMonths(month: string): string[] {
  return [12, 3, 1].map((back) => monthsBefore(month, back)).sort();
}

/**
 * Writes {@link DAY_MARKET_FILE} into the snapshot directory `dir`: every day of {@link cutMonths} of the facts'
 * newest order day, by day and market name, from the staged facts; and describes it for the manifest. Null for
 * facts without rows (an aggregate scope has market × month totals only: it cannot say anything of days).
 */
export async function writeDayMarket(
  db: DuckDBConnection,
  dir: string,
  prefix: string,
): Promise<NonNullable<Manifest['day_market']> | null> {
  const newest = (
    await db.runAndReadAll(`SELECT strftime(max(order_date), '%Y-%m') FROM fact_sales`)
  ).getRowsJS()[0]![0];
  if (typeof newest !== 'string') return null;
  const months = cutMonths(newest);
  const sums = MONTH_MARKET_SUMS.map((c) => (c === 'orders' ? 'count(*)::DOUBLE' : `sum(f.${c})::DOUBLE`));
  const reader = await db.runAndReadAll(`
    SELECT strftime(f.order_date, '%Y-%m-%d'), m.market_name, m.zone, ${sums.join(', ')}
    FROM fact_sales f JOIN dim_market m USING (market_code)
    WHERE strftime(f.order_date, '%Y-%m') IN (${months.map((m) => `'${m}'`).join(', ')})
    GROUP BY ALL ORDER BY ALL`);
  const file: DayMarketFile = {
    columns: DAY_MARKET_COLUMNS,
    rows: reader.getRowsJS() as unknown as DayMarketFile['rows'],
  };
  const text = `${JSON.stringify(file)}\n`;
  await writeFile(join(dir, DAY_MARKET_FILE), text);
  return {
    path: `${prefix}/${DAY_MARKET_FILE}`,
    rows: file.rows.length,
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
    months,
  };
}
