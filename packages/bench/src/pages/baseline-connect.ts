import type { Connect } from '@atliq/sdk';
// The SDK's own DuckDB-WASM connector, so engine start and ATTACH are identical on both pages and only the query
// path differs.
import { connectWasm } from '@atliq/sdk/wasm';

/**
 * The rollups' names, shadowed by temporary views over every fact row: the compiled SQL then aggregates the full
 * fact table, as plain per-chart queries would. Temporary objects come first in DuckDB's name resolution. Each
 * fact row stands for one order (`orders` = 1) and the date parts come from its order date.
 */
const columns = `year(order_date)::SMALLINT AS year, month(order_date)::SMALLINT AS month, market_code,
  revenue, sales_qty::BIGINT AS sales_qty, 1::BIGINT AS orders, profit, cost`;
const VIEWS = [
  `CREATE TEMP VIEW agg_sales_month_market AS SELECT ${columns} FROM fact_sales`,
  `CREATE TEMP VIEW agg_sales_month AS SELECT ${columns}, customer_code, product_code FROM fact_sales`,
];

export const baselineConnect: Connect = async (dbUrl) => {
  const connector = await connectWasm(dbUrl);
  for (const sql of VIEWS) await connector.query(sql, []);
  // A rollup has far fewer rows than the facts: equal counts prove the views, not the rollups, answer.
  const [row] = await connector.query(
    'SELECT (SELECT count(*) FROM agg_sales_month_market) = (SELECT count(*) FROM fact_sales) AS shadowed',
    [],
  );
  if (row?.['shadowed'] !== true) throw new Error('baseline: the views do not shadow the rollups');
  return connector;
};
