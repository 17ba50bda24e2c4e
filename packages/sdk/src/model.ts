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

export interface MeasureDef {
  readonly label: string;
  /** Aggregate SQL over fact_sales columns. */
  readonly sql: string;
  /** How components format the value. */
  readonly format: 'currency' | 'number';
}

export interface DimensionDef {
  readonly label: string;
  readonly table: DimensionTable;
  readonly column: string;
}

const sum = (column: ColumnName<'fact_sales'>) => `sum(fact_sales.${column})`;
const dim = <T extends DimensionTable>(label: string, table: T, column: ColumnName<T>): DimensionDef => ({
  label,
  table,
  column,
});

export const MEASURES = {
  revenue: { label: 'Revenue', sql: sum('revenue'), format: 'currency' },
  quantity: { label: 'Quantity', sql: sum('sales_qty'), format: 'number' },
  transactions: { label: 'Transactions', sql: 'count(*)', format: 'number' },
} as const satisfies Record<string, MeasureDef>;

export const DIMENSIONS = {
  /** By name, not code: the source lists one market name under two codes, and people mean the city. */
  market: dim('Market', 'dim_market', 'market_name'),
  zone: dim('Zone', 'dim_market', 'zone'),
  customer: dim('Customer', 'dim_customer', 'customer_name'),
  customer_type: dim('Customer type', 'dim_customer', 'customer_type'),
  product: dim('Product', 'dim_product', 'product_code'),
  product_type: dim('Product type', 'dim_product', 'product_type'),
  year: dim('Year', 'dim_date', 'year'),
  month: dim('Month', 'dim_date', 'year_month'),
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
