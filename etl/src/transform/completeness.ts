import type { QualityReport } from '@atliq/sdk/contract';
import type { DuckDBConnection } from '@duckdb/node-api';

type Completeness = Required<Pick<QualityReport, 'missing_months' | 'duplicate_market_names'>>;

async function rows<T>(db: DuckDBConnection, sql: string): Promise<T[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS() as T[];
}

/**
 * Gaps a chart would otherwise hide: for every market with published rows, the months between the snapshot's
 * first and last order month in which it has none; and market names the source lists under more than one code
 * (the real data has "Bhopal" twice), which charts grouping by name add together. Needs fact_sales and dim_market.
 */
export async function completeness(db: DuckDBConnection): Promise<Completeness> {
  const gaps = await rows<{ market_code: string; market_name: string; months: string[] }>(
    db,
    `WITH months AS (
       SELECT strftime(m, '%Y-%m') AS ym FROM (
         SELECT unnest(generate_series(date_trunc('month', min(order_date)), date_trunc('month', max(order_date)),
                                       INTERVAL 1 MONTH)) AS m
         FROM fact_sales)),
     markets AS (SELECT DISTINCT market_code FROM fact_sales),
     seen AS (SELECT DISTINCT market_code, strftime(order_date, '%Y-%m') AS ym FROM fact_sales)
     SELECT mk.market_code, d.market_name, list(mo.ym ORDER BY mo.ym) AS months
     FROM markets mk CROSS JOIN months mo JOIN dim_market d USING (market_code)
     WHERE NOT EXISTS (SELECT 1 FROM seen s WHERE s.market_code = mk.market_code AND s.ym = mo.ym)
     GROUP BY ALL ORDER BY mk.market_code`,
  );
  const duplicates = await rows<{ name: string; codes: string[] }>(
    db,
    `SELECT market_name AS name, list(market_code ORDER BY market_code) AS codes
     FROM dim_market WHERE known GROUP BY market_name HAVING count(*) > 1 ORDER BY market_name`,
  );
  return {
    missing_months: gaps.map((g) => ({
      market_code: g.market_code,
      market_name: g.market_name,
      months: [...g.months],
    })),
    duplicate_market_names: duplicates.map((d) => ({ name: d.name, codes: [...d.codes] })),
  };
}
