import type { DuckDBConnection } from '@duckdb/node-api';
import { columnList, createTableSql } from '../contract-ddl.ts';

/**
 * Pre-aggregates fact_sales for the browser: charts grouped by month, market, customer or product read a few
 * thousand rollup rows instead of scanning every transaction.
 */
export async function buildRollups(db: DuckDBConnection): Promise<void> {
  const measures = `sum(revenue), sum(sales_qty), count(*), sum(profit), sum(cost)`;
  await db.run(createTableSql('agg_sales_month'));
  await db.run(`
    INSERT INTO agg_sales_month (${columnList('agg_sales_month')})
    SELECT year(order_date), month(order_date), market_code, customer_code, product_code, ${measures}
    FROM fact_sales GROUP BY ALL ORDER BY 1, 2, 3, 4, 5`);
  await db.run(createTableSql('agg_sales_month_market'));
  await db.run(`
    INSERT INTO agg_sales_month_market (${columnList('agg_sales_month_market')})
    SELECT year(order_date), month(order_date), market_code, ${measures}
    FROM fact_sales GROUP BY ALL ORDER BY 1, 2, 3`);
}
