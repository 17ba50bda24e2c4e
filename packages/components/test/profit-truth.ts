import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '@atliq/sdk/contract';
import { connectNode } from '@atliq/sdk/node';
import { parquetList } from './parquet.ts';

/** One member's margin and shares, in percent, as the profit chart must show them. */
export interface MarginTruth {
  name: string;
  margin: number;
  revenueShare: number;
  profitShare: number;
}

/** The numbers the profit tests must find on the extract published with profit columns. */
export interface ProfitTruth {
  /**
   * Every market with sales in the year to the newest order day (1 January to that day, what the chart shows when
   * no period is filtered), highest margin first (ties by name).
   */
  markets: MarginTruth[];
  /** Revenue and profit per `YYYY-MM` month, in month order (for the profit and margin KPIs). */
  byMonth: { month: string; revenue: number; profit: number }[];
  /**
   * The market with the most revenue (over all days), and its customers' margins and shares within it in the year to
   * the newest day (highest margin first).
   */
  drill: { market: string; customers: MarginTruth[] };
}

/**
 * Computes the profit truth from the published Parquet files of the with-profit extract in `dir`, with
 * hand-written SQL in DuckDB for Node — not the SDK's compiler, not the browser's sales.duckdb.
 */
export async function profitTruth(dir: string): Promise<ProfitTruth> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const parquet = (table: string) => parquetList(dir, manifest, table);
  const facts = `read_parquet(${parquet('fact_sales')}) f
    JOIN read_parquet(${parquet('dim_market')}) m USING (market_code)
    JOIN read_parquet(${parquet('dim_customer')}) c USING (customer_code)`;
  // The connector attaches the browser's file, but the queries below read only the Parquet files.
  const db = await connectNode(join(dir, manifest.browser_db));
  const margins = async (name: string, where: string, params: unknown[]): Promise<MarginTruth[]> =>
    (
      await db.query(
        `SELECT ${name} AS name, 100 * sum(f.profit) / sum(f.revenue) AS margin,
           100 * sum(f.revenue) / sum(sum(f.revenue)) OVER () AS revenue_share,
           100 * sum(f.profit) / sum(sum(f.profit)) OVER () AS profit_share
         FROM ${facts} WHERE ${where} GROUP BY ${name} ORDER BY margin DESC, name`,
        params,
      )
    ).map((r) => ({
      name: String(r.name),
      margin: Number(r.margin),
      revenueShare: Number(r.revenue_share),
      profitShare: Number(r.profit_share),
    }));
  try {
    const [top] = await db.query(
      `SELECT m.market_name AS name FROM ${facts} GROUP BY name ORDER BY sum(f.revenue) DESC, name LIMIT 1`,
      [],
    );
    const market = String(top!.name);
    const months = await db.query(
      `SELECT strftime(order_date, '%Y-%m') AS month, sum(revenue) AS revenue, sum(profit) AS profit
       FROM read_parquet(${parquet('fact_sales')}) GROUP BY month ORDER BY month`,
      [],
    );
    // The year to the newest order day, with DuckDB's own date arithmetic, not the SDK's period model.
    const ytd = `f.order_date BETWEEN (SELECT date_trunc('year', max(order_date)) FROM read_parquet(${parquet('fact_sales')}))
      AND (SELECT max(order_date) FROM read_parquet(${parquet('fact_sales')}))`;
    return {
      markets: await margins('m.market_name', ytd, []),
      byMonth: months.map((r) => ({ month: String(r.month), revenue: Number(r.revenue), profit: Number(r.profit) })),
      drill: { market, customers: await margins('c.customer_name', `${ytd} AND m.market_name = ?`, [market]) },
    };
  } finally {
    await db.close();
  }
}
