/**
 * The period side of the real-data acceptance test: what the SDK's period model asks of a published extract (the
 * year to the newest order day against the same days a year earlier, and the same by fiscal year from April) run on
 * the published `sales.duckdb`, against the same sums computed by MySQL's own date arithmetic on the source's clean
 * rows (`truth_clean`, see real-data-truth.ts).
 */
import { compile, type QuerySpec } from '@atliq/sdk/compile';
import type { Manifest } from '@atliq/sdk/contract';
import { connectNode } from '@atliq/sdk/node';
import { asOfDay, comparePeriods } from '@atliq/sdk/period';
import type mysql from 'mysql2/promise';

export interface PeriodSums {
  label: string;
  current: { revenue: number; profit: number | null };
  baseline: { revenue: number; profit: number | null };
}

/** Revenue (and profit) of the clean source rows between two MySQL date expressions. */
async function sourceSums(conn: mysql.Connection, from: string, to: string, profit: boolean) {
  const [[row]] = (await conn.query(
    `SELECT SUM(inr) AS revenue, ${profit ? 'SUM(profit)' : 'NULL'} AS profit FROM truth_clean
     WHERE order_date BETWEEN ${from} AND ${to}`,
  )) as unknown as [{ revenue: unknown; profit: unknown }[]];
  return { revenue: Number(row!.revenue), profit: row!.profit === null ? null : Number(row!.profit) };
}

/** The year (from January, then from April) to the newest order day, and the same days a year earlier, in MySQL. */
export async function sourcePeriods(conn: mysql.Connection, profit: boolean): Promise<PeriodSums[]> {
  const last = '(SELECT MAX(order_date) FROM truth_clean)';
  const jan = `MAKEDATE(YEAR(${last}), 1)`;
  const apr = `MAKEDATE(YEAR(${last}) - IF(MONTH(${last}) >= 4, 0, 1), 1) + INTERVAL 3 MONTH`;
  const sums = async (label: string, start: string) => ({
    label,
    current: await sourceSums(conn, start, last, profit),
    baseline: await sourceSums(conn, `${start} - INTERVAL 1 YEAR`, `${last} - INTERVAL 1 YEAR`, profit),
  });
  return [await sums('year to date', jan), await sums('fiscal year to date', apr)];
}

/** The same two comparisons as the SDK plans and compiles them, run on the published browser database. */
export async function publishedPeriods(dbFile: string, manifest: Manifest, profit: boolean): Promise<PeriodSums[]> {
  const db = await connectNode(dbFile);
  const measures = profit ? ['revenue', 'profit'] : ['revenue'];
  const sum = async (filters: NonNullable<QuerySpec['filters']>) => {
    const { sql, params } = compile({ measures, filters });
    const [row] = await db.query(sql, params);
    return { revenue: Number(row!['revenue']), profit: profit ? Number(row!['profit']) : null };
  };
  try {
    const asOf = asOfDay(manifest)!;
    const out: PeriodSums[] = [];
    for (const [label, fiscalYearStart] of [
      ['year to date', 1],
      ['fiscal year to date', 4],
    ] as const) {
      const c = comparePeriods({}, { asOf, fiscalYearStart })!;
      out.push({ label, current: await sum(c.filters.current), baseline: await sum(c.filters.baseline) });
    }
    return out;
  } finally {
    await db.close();
  }
}
