import { TABLES } from '@atliq/sdk/contract';
import { isStored, storedSql } from '@atliq/sdk/model';
import type { DuckDBConnection } from '@duckdb/node-api';
import { columnList, createTableSql } from '../contract-ddl.ts';

/** A rollup column over fact_sales: a stored column as the SDK's model declares it, or a grain column. */
const columnSql = (column: string) =>
  isStored(column) ? storedSql(column) : column === 'year' || column === 'month' ? `${column}(order_date)` : column;

/**
 * Pre-aggregates fact_sales for the browser: charts grouped by month, market, customer or product read a few
 * thousand rollup rows instead of scanning every transaction.
 */
export async function buildRollups(db: DuckDBConnection): Promise<void> {
  for (const table of ['agg_sales_month', 'agg_sales_month_market'] as const) {
    const columns = Object.keys(TABLES[table].columns);
    const grain = columns.flatMap((c, i) => (isStored(c) ? [] : [i + 1]));
    await db.run(createTableSql(table));
    await db.run(`
      INSERT INTO ${table} (${columnList(table)})
      SELECT ${columns.map(columnSql).join(', ')}
      FROM fact_sales GROUP BY ALL ORDER BY ${grain.join(', ')}`);
  }
}
