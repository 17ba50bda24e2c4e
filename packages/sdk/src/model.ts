import type { ColumnName } from './contract.ts';

/**
 * The semantic model: every measure and dimension a component may ask for, declared once over the contract's
 * tables. The compiler takes identifiers only from here, so no string from a page ever becomes SQL.
 */

type DimensionTable = 'dim_market' | 'dim_customer' | 'dim_product' | 'dim_date';

/** How each dimension table joins the fact table (LEFT JOIN: a fact never disappears from a total). */
export const JOINS: { readonly [T in DimensionTable]: { dim: ColumnName<T>; fact: ColumnName<'fact_sales'> } } = {
  dim_market: { dim: 'market_code', fact: 'market_code' },
  dim_customer: { dim: 'customer_code', fact: 'customer_code' },
  dim_product: { dim: 'product_code', fact: 'product_code' },
  dim_date: { dim: 'date', fact: 'order_date' },
};

/** Fact columns that the rollups store summed under the same name. */
export type SummedColumn = 'revenue' | 'sales_qty' | 'profit';

/**
 * What a measure computes, independent of the table it is read from: the compiler renders it over the fact table
 * or over a rollup (where rows are already sums, so a count becomes a sum of `orders`).
 */
export type Aggregate =
  | { readonly kind: 'sum'; readonly column: SummedColumn }
  | { readonly kind: 'count' }
  /** 100 × sum(numerator) / sum(denominator). */
  | { readonly kind: 'ratio'; readonly numerator: SummedColumn; readonly denominator: SummedColumn }
  /** 100 × this group's sum / the sum over every group of the query. */
  | { readonly kind: 'share'; readonly column: SummedColumn };

export interface MeasureDef {
  readonly label: string;
  readonly aggregate: Aggregate;
  /** Aggregate SQL over fact_sales columns (what the compiler emits when it reads the fact table). */
  readonly sql: string;
  /** How components format the value: `percent` values are already multiplied by 100. */
  readonly format: 'currency' | 'number' | 'percent';
  /** An optional source column the measure needs; the manifest's `measures` says whether the extract has it. */
  readonly requires?: 'profit';
}

export interface DimensionDef {
  readonly label: string;
  readonly table: DimensionTable;
  readonly column: string;
  /**
   * The same value computed from the own `year` and `month` columns of the rollup `table`, for date parts (rollups
   * have no order_date to join dim_date on). Absent for `day`, which only the fact table can answer.
   */
  readonly rollup?: (table: string) => string;
}

/** Renders an aggregate over the columns of `table`: fact_sales, or a rollup of it. */
export function aggregateSql(aggregate: Aggregate, table: string): string {
  const sum = (column: SummedColumn) => `sum(${table}.${column})`;
  switch (aggregate.kind) {
    case 'sum':
      return sum(aggregate.column);
    case 'count':
      // coalesce: over no rows count(*) is 0 but a sum is NULL, and both tables must give the same answer.
      return table === 'fact_sales' ? 'count(*)' : `coalesce(sum(${table}.orders), 0)`;
    case 'ratio':
      // nullif: a margin of nothing is unknown, not a division error or infinity.
      return `100 * ${sum(aggregate.numerator)} / nullif(${sum(aggregate.denominator)}, 0)`;
    case 'share':
      return `100 * ${sum(aggregate.column)} / nullif(sum(${sum(aggregate.column)}) OVER (), 0)`;
  }
}

const measure = (
  label: string,
  aggregate: Aggregate,
  format: MeasureDef['format'],
  requires?: 'profit',
): MeasureDef => ({
  label,
  aggregate,
  sql: aggregateSql(aggregate, 'fact_sales'),
  format,
  ...(requires ? { requires } : {}),
});

export const MEASURES = {
  revenue: measure('Revenue', { kind: 'sum', column: 'revenue' }, 'currency'),
  quantity: measure('Quantity', { kind: 'sum', column: 'sales_qty' }, 'number'),
  /** Published transaction lines (fact rows). */
  orders: measure('Orders', { kind: 'count' }, 'number'),
  profit: measure('Profit', { kind: 'sum', column: 'profit' }, 'currency', 'profit'),
  margin: measure('Margin', { kind: 'ratio', numerator: 'profit', denominator: 'revenue' }, 'percent', 'profit'),
  /** Each group's share of the revenue of all groups the query returns (before any limit). */
  revenue_share: measure('Revenue share', { kind: 'share', column: 'revenue' }, 'percent'),
  profit_share: measure('Profit share', { kind: 'share', column: 'profit' }, 'percent', 'profit'),
} as const satisfies Record<string, MeasureDef>;

const dim = <T extends DimensionTable>(
  label: string,
  table: T,
  column: ColumnName<T>,
  rollup?: (table: string) => string,
): DimensionDef => ({ label, table, column, ...(rollup ? { rollup } : {}) });

export const DIMENSIONS = {
  /** By name, not code: the source lists one market name under two codes, and people mean the city. */
  market: dim('Market', 'dim_market', 'market_name'),
  zone: dim('Zone', 'dim_market', 'zone'),
  customer: dim('Customer', 'dim_customer', 'customer_name'),
  customer_type: dim('Customer type', 'dim_customer', 'customer_type'),
  product: dim('Product', 'dim_product', 'product_code'),
  product_type: dim('Product type', 'dim_product', 'product_type'),
  year: dim('Year', 'dim_date', 'year', (t) => `${t}.year`),
  /** `YYYY-MM`. */
  month: dim('Month', 'dim_date', 'year_month', (t) => `printf('%04d-%02d', ${t}.year, ${t}.month)`),
  /** 1–12, for a month slicer across years. */
  month_of_year: dim('Month of year', 'dim_date', 'month', (t) => `${t}.month`),
  /** `YYYY-MM-DD`. */
  day: dim('Day', 'dim_date', 'date'),
} as const satisfies Record<string, DimensionDef>;

export type MeasureName = keyof typeof MEASURES;
export type DimensionName = keyof typeof DIMENSIONS;

export function isMeasure(name: string): name is MeasureName {
  return Object.hasOwn(MEASURES, name);
}

export function isDimension(name: string): name is DimensionName {
  return Object.hasOwn(DIMENSIONS, name);
}
