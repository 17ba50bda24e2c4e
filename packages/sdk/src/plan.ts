import { DIMENSIONS, type DimensionName, JOINS } from './model.ts';

/** The tables a query can read its facts from, smallest first. */
export type FactTable = 'agg_sales_month_market' | 'agg_sales_month' | 'fact_sales';

/**
 * The smallest table that holds every dimension the query groups or filters by. Every measure of the model is a sum,
 * a count or a ratio of sums, which a rollup answers exactly from its stored sums; only the grain limits it:
 * agg_sales_month_market has month × market, agg_sales_month adds customer and product, `day` needs the facts.
 */
export function factTable(dimensions: Iterable<DimensionName>): FactTable {
  let table: FactTable = 'agg_sales_month_market';
  for (const d of dimensions) {
    const def = DIMENSIONS[d];
    if (def.table === 'dim_date' && !def.rollup) return 'fact_sales';
    if (def.table === 'dim_customer' || def.table === 'dim_product') table = 'agg_sales_month';
  }
  return table;
}

/** A dimension's SQL when the facts come from `table`. */
export function dimensionSql(d: DimensionName, table: FactTable): string {
  const def = DIMENSIONS[d];
  if (def.rollup && table !== 'fact_sales') return def.rollup(table);
  return `${def.table}.${def.column}`;
}

/** LEFT JOINs of the dimension tables the dimensions read (rollups compute date parts without dim_date). */
export function joinsSql(dimensions: Iterable<DimensionName>, table: FactTable): string[] {
  const needed = new Set<string>();
  for (const d of dimensions) {
    const def = DIMENSIONS[d];
    if (!(def.rollup && table !== 'fact_sales')) needed.add(def.table);
  }
  // Rollups keep the fact table's code columns under the same names, so one join list serves all three tables.
  return Object.entries(JOINS)
    .filter(([dim]) => needed.has(dim))
    .map(([dim, on]) => `LEFT JOIN ${dim} ON ${dim}.${on.dim} = ${table}.${on.fact}`);
}
