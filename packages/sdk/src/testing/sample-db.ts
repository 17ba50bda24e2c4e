import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { BROWSER_DB_STORAGE_VERSION, TABLES } from '../contract.ts';

/** Rows per table, as SQL value lists in contract column order. */
export type SampleRows = Partial<Record<keyof typeof TABLES, string[]>>;

/** The code columns of each rollup; written here independently of the ETL, as the rollups' definition says. */
const ROLLUP_CODES = {
  agg_sales_month: 'market_code, customer_code, product_code',
  agg_sales_month_market: 'market_code',
};

/**
 * Writes a small `sales.duckdb` with every contract table (DDL generated from the contract, so a renamed column
 * breaks the tests that use it) in the storage version the browser engine reads. Rollups not given are computed from `fact_sales`. Returns its path.
 */
export async function createSampleDb(rows: SampleRows): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'atliq-sdk-')), 'sales.duckdb');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await DuckDBConnection.create(instance);
  await connection.run(`ATTACH '${path}' AS sample (STORAGE_VERSION '${BROWSER_DB_STORAGE_VERSION}')`);
  await connection.run('USE sample');
  for (const [table, spec] of Object.entries(TABLES)) {
    const columns = Object.entries(spec.columns).map(
      ([name, c]) => `${name} ${c.type}${c.nullable ? '' : ' NOT NULL'}`,
    );
    await connection.run(`CREATE TABLE ${table} (${columns.join(', ')})`);
    const values = rows[table as keyof typeof TABLES] ?? [];
    if (values.length > 0)
      await connection.run(`INSERT INTO ${table} VALUES ${values.map((v) => `(${v})`).join(', ')}`);
  }
  for (const [table, codes] of Object.entries(ROLLUP_CODES)) {
    if (rows[table as keyof typeof TABLES]) continue;
    const measures = 'sum(revenue), sum(sales_qty), count(*), sum(profit), sum(cost)';
    await connection.run(
      `INSERT INTO ${table} SELECT year(order_date), month(order_date), ${codes}, ${measures} FROM fact_sales GROUP BY ALL`,
    );
  }
  await connection.run('USE memory');
  await connection.run('DETACH sample');
  connection.closeSync();
  instance.closeSync();
  return path;
}

/**
 * Markets with one name under two codes (Delhi NCR) and an international market without a zone, plus facts whose
 * revenue by market name is easy to add up by hand: Delhi NCR 600, Chennai 250, New York 75.
 */
export const SAMPLE_ROWS: SampleRows = {
  dim_market: [
    `'Mark001', 'Chennai', 'South', true`,
    `'Mark004', 'Delhi NCR', 'North', true`,
    `'Mark015', 'Delhi NCR', 'North', true`,
    `'Mark097', 'New York', NULL, true`,
  ],
  dim_date: [`DATE '2019-03-05', 2019, 3, 'March', '2019-03'`, `DATE '2020-01-10', 2020, 1, 'January', '2020-01'`],
  fact_sales: [
    `DATE '2019-03-05', 'Mark004', 'Cus001', 'Prod001', 2, 100, 'INR', 100, NULL, NULL`,
    `DATE '2019-03-05', 'Mark015', 'Cus001', 'Prod001', 1, 500, 'INR', 500, NULL, NULL`,
    `DATE '2019-03-05', 'Mark001', 'Cus002', 'Prod002', 3, 250, 'INR', 250, NULL, NULL`,
    `DATE '2020-01-10', 'Mark097', 'Cus003', 'Prod002', 1, 75, 'USD', 1, NULL, NULL`,
  ],
};
