import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureTestExtracts } from '@atliq/devserver';
import type { Manifest } from '@atliq/sdk/contract';
import { connectNode } from '@atliq/sdk/node';
import type { TestProject } from 'vitest/node';
import { parquetList } from './parquet.ts';
import { type PeriodTruth, periodTruth } from './period-truth.ts';
import { type ProfitTruth, profitTruth } from './profit-truth.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Revenue per market name of the test extract, largest first, computed in Node from the Parquet files. */
    revenueByMarket: { market: string; revenue: number }[];
    /** Revenue and quantity per `YYYY-MM` month, in month order. */
    byMonth: { month: string; revenue: number; quantity: number }[];
    /** Revenue per customer name, largest first (ties by name). */
    revenueByCustomer: { name: string; revenue: number }[];
    /** Revenue per product code, largest first (ties by code). */
    revenueByProduct: { name: string; revenue: number }[];
    /**
     * Drilled truth: the top market's revenue by customer, and the top customer's revenue by product within that
     * market (largest first, ties by name).
     */
    drill: {
      market: string;
      customers: { name: string; revenue: number }[];
      customer: string;
      products: { name: string; revenue: number }[];
    };
    /** Distinct zones of dim_market (null for markets without one), for the filter bar. */
    zones: (string | null)[];
    /** Each market name's zone (null for markets without one), from dim_market. */
    marketZones: Record<string, string | null>;
    /** The published manifest, as the ETL wrote it. */
    manifest: Manifest;
    /** Margins and shares of the extract published with profit columns (served under `/extracts-profit/`). */
    profit: ProfitTruth;
    /** Product type by product code, from dim_product (unknown codes have the type "Unknown"). */
    productTypes: Record<string, string>;
    /** Like-for-like periods of the test extract, and of the one with profit columns. */
    periods: PeriodTruth;
    profitPeriods: PeriodTruth;
  }
}

/**
 * Builds (or reuses) the test extract the browser tests load, and computes the numbers they must show
 * independently of the code under test: another engine (DuckDB in Node), other files (the published Parquet, not
 * the browser's sales.duckdb) and hand-written SQL instead of the SDK's compiler.
 */
export default async function setup(project: TestProject): Promise<void> {
  const withProfit = await ensureTestExtracts(undefined, { withProfit: true });
  project.provide('profit', await profitTruth(withProfit));
  project.provide('profitPeriods', await periodsOf(withProfit));
  const dir = await ensureTestExtracts();
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const parquet = (table: string) => parquetList(dir, manifest, table);
  // The connector attaches the browser's file, but the query below reads only the Parquet files.
  const db = await connectNode(join(dir, manifest.browser_db));
  const f = parquet('fact_sales');
  const named = async (sql: string, params: unknown[] = []) =>
    (await db.query(sql, params)).map((r) => ({ name: String(r.name), revenue: Number(r.revenue) }));
  try {
    const markets = await named(
      `SELECT m.market_name AS name, sum(f.revenue) AS revenue
       FROM read_parquet(${f}) f JOIN read_parquet(${parquet('dim_market')}) m USING (market_code)
       GROUP BY m.market_name ORDER BY revenue DESC, name`,
    );
    project.provide(
      'revenueByMarket',
      markets.map((m) => ({ market: m.name, revenue: m.revenue })),
    );
    const months = await db.query(
      `SELECT strftime(order_date, '%Y-%m') AS month, sum(revenue) AS revenue, sum(sales_qty) AS quantity
       FROM read_parquet(${f}) GROUP BY month ORDER BY month`,
      [],
    );
    project.provide(
      'byMonth',
      months.map((r) => ({ month: String(r.month), revenue: Number(r.revenue), quantity: Number(r.quantity) })),
    );
    project.provide(
      'revenueByCustomer',
      await named(
        `SELECT c.customer_name AS name, sum(f.revenue) AS revenue
         FROM read_parquet(${f}) f JOIN read_parquet(${parquet('dim_customer')}) c USING (customer_code)
         GROUP BY c.customer_name ORDER BY revenue DESC, name`,
      ),
    );
    project.provide(
      'revenueByProduct',
      await named(
        `SELECT product_code AS name, sum(revenue) AS revenue FROM read_parquet(${f})
         GROUP BY product_code ORDER BY revenue DESC, name`,
      ),
    );
    const market = markets[0]!.name;
    const customers = await named(
      `SELECT c.customer_name AS name, sum(f.revenue) AS revenue
       FROM read_parquet(${f}) f JOIN read_parquet(${parquet('dim_market')}) m USING (market_code)
       JOIN read_parquet(${parquet('dim_customer')}) c USING (customer_code)
       WHERE m.market_name = ?
       GROUP BY c.customer_name ORDER BY revenue DESC, name`,
      [market],
    );
    const customer = customers[0]!.name;
    const products = await named(
      `SELECT f.product_code AS name, sum(f.revenue) AS revenue
       FROM read_parquet(${f}) f JOIN read_parquet(${parquet('dim_market')}) m USING (market_code)
       JOIN read_parquet(${parquet('dim_customer')}) c USING (customer_code)
       WHERE m.market_name = ? AND c.customer_name = ?
       GROUP BY f.product_code ORDER BY revenue DESC, name`,
      [market, customer],
    );
    project.provide('drill', { market, customers, customer, products });
    const zones = await db.query(
      `SELECT DISTINCT zone FROM read_parquet(${parquet('dim_market')}) ORDER BY zone NULLS LAST`,
      [],
    );
    project.provide(
      'zones',
      zones.map((r) => (r.zone === null ? null : String(r.zone))),
    );
    const marketZones = await db.query(`SELECT market_name, zone FROM read_parquet(${parquet('dim_market')})`, []);
    project.provide(
      'marketZones',
      Object.fromEntries(marketZones.map((r) => [String(r.market_name), r.zone === null ? null : String(r.zone)])),
    );
    project.provide('manifest', manifest);
    const types = await db.query(`SELECT product_code, product_type FROM read_parquet(${parquet('dim_product')})`, []);
    project.provide(
      'productTypes',
      Object.fromEntries(types.map((r) => [String(r.product_code), String(r.product_type)])),
    );
    project.provide(
      'periods',
      await periodTruth(db, `read_parquet(${f})`, {
        market: `read_parquet(${parquet('dim_market')})`,
        customer: `read_parquet(${parquet('dim_customer')})`,
      }),
    );
  } finally {
    await db.close();
  }
}

async function periodsOf(dir: string): Promise<PeriodTruth> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const db = await connectNode(join(dir, manifest.browser_db));
  try {
    const parquet = (table: string) => `read_parquet(${parquetList(dir, manifest, table)})`;
    return await periodTruth(db, parquet('fact_sales'), {
      market: parquet('dim_market'),
      customer: parquet('dim_customer'),
    });
  } finally {
    await db.close();
  }
}
