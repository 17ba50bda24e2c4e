// Only types from contract.ts: the contract derives the month × market file's columns from this module.
import type { ColumnName, MeasureAvailability } from './contract.ts';

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

/** The columns both rollups store after their grain (the contract's agg_sales_month_market without its grain). */
export type StoredColumn = Exclude<ColumnName<'agg_sales_month_market'>, 'year' | 'month' | 'market_code'>;

/** How a rollup column is made from fact rows. */
export interface StoredDef {
  /** `sum`: the fact column of the same name, summed; `count`: the number of fact rows. */
  readonly kind: 'sum' | 'count';
  /** The manifest's `measures` flag that says whether the extract has the column's values (else they are NULL). */
  readonly requires?: keyof MeasureAvailability;
}

/**
 * How the rollups store the facts, declared once: the ETL builds agg_sales_month and agg_sales_month_market from
 * it, measures read their columns (and what those require) from it, and cubes and month_market.json carry the
 * columns measures read.
 */
export const STORED = {
  revenue: { kind: 'sum' },
  sales_qty: { kind: 'sum' },
  orders: { kind: 'count' },
  profit: { kind: 'sum', requires: 'profit' },
  cost: { kind: 'sum' },
} as const satisfies { readonly [C in StoredColumn]: StoredDef };

type SumColumn = { [C in StoredColumn]: (typeof STORED)[C]['kind'] extends 'sum' ? C : never }[StoredColumn];
type CountedColumn = Exclude<StoredColumn, SumColumn>;

/**
 * Stored columns that are a fact column summed and that sums, ratios and shares may read. Not `cost`: it is kept
 * for the extract's other readers, and the components' fiscal-year trend maps each of these to its sum measure
 * (`COLUMN_MEASURES` in `fiscal-trend.ts`), so a measure of cost needs that entry too.
 */
export type SummedColumn = Exclude<SumColumn, 'cost'>;

/** The stored column that counts fact rows, what the `count` aggregate reads from a rollup. */
export const COUNTED: CountedColumn = 'orders';

export const isStored = (column: string): column is StoredColumn => Object.hasOwn(STORED, column);

/** A stored column's SQL over fact_sales, grouped to a rollup's grain. */
export function storedSql(column: StoredColumn): string {
  return STORED[column].kind === 'count' ? 'count(*)' : `sum(${column})`;
}

/**
 * What a measure computes, independent of the table it is read from: the compiler renders it over the fact table
 * or over a rollup (where rows are already sums, so a count becomes a sum of `orders`).
 */
export type Aggregate =
  | { readonly kind: 'sum'; readonly column: SummedColumn }
  | { readonly kind: 'count' }
  /** scale × sum(numerator) / sum(denominator): 100 for a percentage, 1 for an average such as revenue per unit. */
  | {
      readonly kind: 'ratio';
      readonly numerator: SummedColumn;
      readonly denominator: SummedColumn;
      readonly scale: number;
    }
  /** 100 × this group's sum / the sum over every group of the query. */
  | { readonly kind: 'share'; readonly column: SummedColumn };

/** The stored columns an aggregate reads. */
export function columnsOf(aggregate: Aggregate): StoredColumn[] {
  switch (aggregate.kind) {
    case 'sum':
    case 'share':
      return [aggregate.column];
    case 'count':
      return [COUNTED];
    case 'ratio':
      return [aggregate.numerator, aggregate.denominator];
  }
}

export interface MeasureDef {
  readonly label: string;
  readonly aggregate: Aggregate;
  /** Aggregate SQL over fact_sales columns (what the compiler emits when it reads the fact table). */
  readonly sql: string;
  /** How components format the value: `percent` values are already multiplied by 100. */
  readonly format: 'currency' | 'number' | 'percent';
  /**
   * The optional source columns the measure needs (those of the stored columns it reads); the manifest's `measures`
   * says whether the extract has them.
   */
  readonly requires?: keyof MeasureAvailability;
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
  /** The engine returns numbers (a SMALLINT column), so a filter's members are cast to numbers as it casts them. */
  readonly numeric?: true;
}

/** Renders an aggregate over the columns of `table`: fact_sales, or a rollup of it. */
export function aggregateSql(aggregate: Aggregate, table: string): string {
  const sum = (column: SummedColumn) => `sum(${table}.${column})`;
  switch (aggregate.kind) {
    case 'sum':
      return sum(aggregate.column);
    case 'count':
      // coalesce: over no rows count(*) is 0 but a sum is NULL, and both tables must give the same answer.
      return table === 'fact_sales' ? 'count(*)' : `coalesce(sum(${table}.${COUNTED}), 0)`;
    case 'ratio': {
      const { numerator, denominator, scale } = aggregate;
      // nullif: a margin of nothing is unknown, not a division error or infinity.
      return `${scale === 1 ? '' : `${scale} * `}${sum(numerator)} / nullif(${sum(denominator)}, 0)`;
    }
    case 'share':
      return `100 * ${sum(aggregate.column)} / nullif(sum(${sum(aggregate.column)}) OVER (), 0)`;
  }
}

function measure(label: string, aggregate: Aggregate, format: MeasureDef['format']): MeasureDef {
  const requires = columnsOf(aggregate)
    .map((c): StoredDef => STORED[c])
    .find((c) => c.requires)?.requires;
  return { label, aggregate, sql: aggregateSql(aggregate, 'fact_sales'), format, ...(requires ? { requires } : {}) };
}

export const MEASURES = {
  revenue: measure('Revenue', { kind: 'sum', column: 'revenue' }, 'currency'),
  quantity: measure('Quantity', { kind: 'sum', column: 'sales_qty' }, 'number'),
  /** Published transaction lines (fact rows). */
  orders: measure('Orders', { kind: 'count' }, 'number'),
  profit: measure('Profit', { kind: 'sum', column: 'profit' }, 'currency'),
  margin: measure('Margin', { kind: 'ratio', numerator: 'profit', denominator: 'revenue', scale: 100 }, 'percent'),
  /** Revenue per unit sold. */
  avg_price: measure(
    'Average price',
    { kind: 'ratio', numerator: 'revenue', denominator: 'sales_qty', scale: 1 },
    'currency',
  ),
  /** Each group's share of the revenue of all groups the query returns (before any limit). */
  revenue_share: measure('Revenue share', { kind: 'share', column: 'revenue' }, 'percent'),
  profit_share: measure('Profit share', { kind: 'share', column: 'profit' }, 'percent'),
} as const satisfies Record<string, MeasureDef>;

const dim = <T extends DimensionTable>(
  label: string,
  table: T,
  column: ColumnName<T>,
  more: Pick<DimensionDef, 'rollup' | 'numeric'> = {},
): DimensionDef => ({ label, table, column, ...more });

export const DIMENSIONS = {
  /** By name, not code: the source lists one market name under two codes, and people mean the city. */
  market: dim('Market', 'dim_market', 'market_name'),
  zone: dim('Zone', 'dim_market', 'zone'),
  customer: dim('Customer', 'dim_customer', 'customer_name'),
  customer_type: dim('Customer type', 'dim_customer', 'customer_type'),
  product: dim('Product', 'dim_product', 'product_code'),
  product_type: dim('Product type', 'dim_product', 'product_type'),
  year: dim('Year', 'dim_date', 'year', { rollup: (t) => `${t}.year`, numeric: true }),
  /** `YYYY-MM`. */
  month: dim('Month', 'dim_date', 'year_month', { rollup: (t) => `printf('%04d-%02d', ${t}.year, ${t}.month)` }),
  /** 1–12, for a month slicer across years. */
  month_of_year: dim('Month of year', 'dim_date', 'month', { rollup: (t) => `${t}.month`, numeric: true }),
  /** `YYYY-MM-DD`. */
  day: dim('Day', 'dim_date', 'date'),
  /** One market code; `market` groups a name's codes ("Bhopal" has two). */
  market_code: dim('Market code', 'dim_market', 'market_code'),
  /** The customer's code: stable and unique where names are not (a key account, a row-level scope). */
  customer_code: dim('Customer code', 'dim_customer', 'customer_code'),
} as const satisfies Record<string, DimensionDef>;

export type MeasureName = keyof typeof MEASURES;
export type DimensionName = keyof typeof DIMENSIONS;

/**
 * The stored columns that are a plain sum measure's column (or the count's), each with that measure: cubes carry
 * these measures and month_market.json these columns, and every other measure is a ratio or share of them.
 */
export const BASE_MEASURES: ReadonlyMap<StoredColumn, MeasureName> = new Map(
  (Object.keys(MEASURES) as MeasureName[]).flatMap((m): [StoredColumn, MeasureName][] => {
    const { aggregate } = MEASURES[m];
    return aggregate.kind === 'sum' || aggregate.kind === 'count' ? [[columnsOf(aggregate)[0]!, m]] : [];
  }),
);

export function isMeasure(name: string): name is MeasureName {
  return Object.hasOwn(MEASURES, name);
}

export function isDimension(name: string): name is DimensionName {
  return Object.hasOwn(DIMENSIONS, name);
}
