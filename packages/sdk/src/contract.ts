/**
 * The extract contract: what the ETL publishes and what the browser reads.
 *
 * Imported by both the writer (`@atliq/etl`) and the reader (`@atliq/sdk`), so the two can never disagree.
 * Table and column names are a public API (people point Spark or Power BI at the Parquet files): change them
 * only together with {@link CONTRACT_VERSION}.
 */

import type { QualityReport } from './contract-quality.ts';
import { BASE_MEASURES, type StoredColumn } from './model.ts';

/** Bumped on any incompatible change to the tables, columns or manifest below. */
export const CONTRACT_VERSION = 1;

/** The only mutable file of a published extract; replaced atomically. */
export const MANIFEST_FILE = 'manifest.json';
/** Snapshot directories live under `<out>/v/<snapshot-id>/`. */
export const SNAPSHOTS_DIR = 'v';
/** The browser replica inside a snapshot directory. */
export const BROWSER_DB_FILE = 'sales.duckdb';
/**
 * The storage version `sales.duckdb` is written in. The pinned DuckDB-WASM 1.32 (DuckDB 1.4) reads up to v1.4.0;
 * v1.2.0 also keeps the file readable by DuckDB 1.2 and 1.3 tools (storage-version.ts names a file it cannot read).
 */
export const BROWSER_DB_STORAGE_VERSION = 'v1.2.0';
/**
 * Beside `sales.duckdb`: the month × market rollup with market names, as JSON. A few hundred rows whatever the
 * extract's size, so the browser draws every chart at that grain before (and without) the engine.
 */
export const MONTH_MARKET_FILE = 'month_market.json';
/**
 * Beside `month_market.json`: every day of the months a like-for-like comparison cuts short, by day and market
 * name, as JSON (a few thousand rows whatever the extract's size). With the newest order day in month M, those are
 * M a year, a quarter and a month earlier: the baseline of the year to date (1 Jan–26 Jun 2019 is January–May from
 * the month file and 1–26 June from this one), of a quarter or a month to date. A full-detail extract only.
 */
export const DAY_MARKET_FILE = 'day_market.json';
/**
 * Beside `month_market.json`: the facts of the periods the insights split by customer and product on a page's first
 * load, summed by market, customer and product, with the attributes the insights split by — the default comparison
 * (the year to the newest order day and the same days a year earlier), and each unusual month the insights explain
 * with a bridge against the same month a year earlier (for its market, or all of them). What those splits read,
 * without the engine. A full-detail extract only.
 */
export const BRIDGE_GRAIN_FILE = 'bridge_grain.json';
/**
 * Scoped extracts (row-level security) live under `<out>/scopes/<name>/`, each a complete extract with its own
 * manifest and snapshot folders, published by the same run as the full one.
 */
export const SCOPES_DIR = 'scopes';
/** A scope's name: its folder under {@link SCOPES_DIR}, so lower-case letters, digits and hyphens only. */
export const SCOPE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
/**
 * Names a scope may not take because web servers use them: `all` for the full extract, `me` for "the scope of the
 * signed-in reader".
 */
export const RESERVED_SCOPE_NAMES: readonly string[] = ['all', 'me'];

/** Money is published in this currency; the original currency and amount stay as columns. */
export const REPORTING_CURRENCY = 'INR';

/** DuckDB column types used by the published tables. */
export type ColumnType = 'DATE' | 'VARCHAR' | 'INTEGER' | 'SMALLINT' | 'DOUBLE' | 'BOOLEAN' | 'BIGINT';

export interface ColumnSpec {
  readonly type: ColumnType;
  readonly nullable: boolean;
  readonly doc: string;
}

const col = (type: ColumnType, doc: string, nullable = false): ColumnSpec => ({ type, nullable, doc });

/** Every published table, its columns in order, and what each column means. */
export const TABLES = {
  fact_sales: {
    doc: 'One row per clean source transaction line (rejected lines are in `rejects`). Sorted by order_date.',
    columns: {
      order_date: col('DATE', 'Day of the order.'),
      market_code: col('VARCHAR', 'Source market code; join dim_market.'),
      customer_code: col('VARCHAR', 'Source customer code; join dim_customer.'),
      product_code: col('VARCHAR', 'Source product code; join dim_product (unknown codes have a member there).'),
      sales_qty: col('INTEGER', 'Units sold.'),
      revenue: col('DOUBLE', 'Sales amount converted to the reporting currency (INR) with the manifest fx_rates.'),
      currency: col('VARCHAR', 'Original currency code, trimmed (e.g. INR, USD).'),
      sales_amount: col('DOUBLE', 'Original amount in the original currency.'),
      profit: col('DOUBLE', 'Profit in INR; NULL when the source has no profit columns (see manifest measures).', true),
      cost: col('DOUBLE', 'Cost price in INR; NULL when the source has no cost column (see manifest measures).', true),
    },
  },
  dim_market: {
    doc: 'Markets. Names may repeat under two codes in the source; charts group by name.',
    columns: {
      market_code: col('VARCHAR', 'Source market code.'),
      market_name: col('VARCHAR', 'Market (city) name, trimmed.'),
      zone: col('VARCHAR', 'Sales zone (North, South, Central); NULL for markets without one (international).', true),
      known: col('BOOLEAN', 'false for a member created because facts reference a code the source table lacks.'),
    },
  },
  dim_customer: {
    doc: 'Customers (the source column is misspelt `custmer_name`; here it is customer_name).',
    columns: {
      customer_code: col('VARCHAR', 'Source customer code.'),
      customer_name: col('VARCHAR', 'Customer name, trimmed.'),
      customer_type: col('VARCHAR', 'Brick & Mortar or E-Commerce.'),
      known: col('BOOLEAN', 'false for a member created because facts reference a code the source table lacks.'),
    },
  },
  dim_product: {
    doc: 'Products, plus an explicit member for every product code the facts use but the source lacks.',
    columns: {
      product_code: col('VARCHAR', 'Source product code.'),
      product_type: col('VARCHAR', 'Own Brand, Distribution, or Unknown for unknown members.'),
      known: col('BOOLEAN', 'false for a member created because facts reference a code the source table lacks.'),
    },
  },
  dim_date: {
    doc: 'Every day from the first to the last order date.',
    columns: {
      date: col('DATE', 'The day.'),
      year: col('SMALLINT', 'Calendar year.'),
      month: col('SMALLINT', 'Month number 1–12.'),
      month_name: col('VARCHAR', 'English month name.'),
      year_month: col('VARCHAR', 'YYYY-MM.'),
    },
  },
  agg_sales_month: {
    doc: 'Rollup of fact_sales by month × market × customer × product, for the browser (sales.duckdb only).',
    columns: {
      year: col('SMALLINT', 'Calendar year.'),
      month: col('SMALLINT', 'Month number 1–12.'),
      market_code: col('VARCHAR', 'Join dim_market.'),
      customer_code: col('VARCHAR', 'Join dim_customer.'),
      product_code: col('VARCHAR', 'Join dim_product.'),
      revenue: col('DOUBLE', 'sum(revenue), INR.'),
      sales_qty: col('BIGINT', 'sum(sales_qty).'),
      orders: col('BIGINT', 'Number of fact rows.'),
      profit: col('DOUBLE', 'sum(profit), INR; NULL when profit is not available.', true),
      cost: col('DOUBLE', 'sum(cost), INR; NULL when cost is not available.', true),
    },
  },
  agg_sales_month_market: {
    doc: 'Rollup of fact_sales by month × market, the smallest table most charts can answer from (sales.duckdb only).',
    columns: {
      year: col('SMALLINT', 'Calendar year.'),
      month: col('SMALLINT', 'Month number 1–12.'),
      market_code: col('VARCHAR', 'Join dim_market.'),
      revenue: col('DOUBLE', 'sum(revenue), INR.'),
      sales_qty: col('BIGINT', 'sum(sales_qty).'),
      orders: col('BIGINT', 'Number of fact rows.'),
      profit: col('DOUBLE', 'sum(profit), INR; NULL when profit is not available.', true),
      cost: col('DOUBLE', 'sum(cost), INR; NULL when cost is not available.', true),
    },
  },
  rejects: {
    doc: 'Every quarantined source row with its original values (as text) and the reason.',
    columns: {
      reason: col('VARCHAR', 'Reason code, see REJECT_REASONS.'),
      source_table: col('VARCHAR', 'Source table the row came from.'),
      product_code: col('VARCHAR', 'Original value.', true),
      customer_code: col('VARCHAR', 'Original value.', true),
      market_code: col('VARCHAR', 'Original value.', true),
      order_date: col('VARCHAR', 'Original value.', true),
      sales_qty: col('VARCHAR', 'Original value.', true),
      sales_amount: col('VARCHAR', 'Original value.', true),
      currency: col('VARCHAR', 'Original value, control characters included.', true),
      // Added within contract version 1 (columns appended at the end; readers select columns by name), so an
      // `inconsistent_profit` reject keeps the values that made it one. NULL when the source has no profit columns.
      profit_margin_percentage: col('VARCHAR', 'Original value; NULL without profit columns.', true),
      profit_margin: col('VARCHAR', 'Original value; NULL without profit columns.', true),
      cost_price: col('VARCHAR', 'Original value; NULL without profit columns.', true),
    },
  },
} as const satisfies Record<string, { doc: string; columns: Record<string, ColumnSpec> }>;

export type TableName = keyof typeof TABLES;
export type ColumnName<T extends TableName> = keyof (typeof TABLES)[T]['columns'] & string;

/** Why a source row was quarantined instead of published. */
export const REJECT_REASONS = {
  non_positive_amount: 'sales_amount is zero or negative',
  unknown_currency: 'currency is not in the fx rate table',
  missing_code: 'product_code, customer_code or market_code is empty',
  invalid_date: 'order_date is missing or not a date',
  invalid_quantity: 'sales_qty is missing or not a positive integer',
  duplicate: 'exact duplicate of another row after normalisation (e.g. currency "INR" vs "INR\\r")',
  inconsistent_profit: 'profit_margin + cost_price differ from the amount by more than 0.01 in the profit reading used',
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;

/** Measures that depend on optional source columns. */
export interface MeasureAvailability {
  revenue: boolean;
  quantity: boolean;
  profit: boolean;
}

export interface ManifestFile {
  /** Path relative to the manifest's folder, with forward slashes. */
  path: string;
  /** Published table the file holds, or `browser_db` for `sales.duckdb`. */
  table: TableName | 'browser_db';
  rows: number;
  bytes: number;
  sha256: string;
  min_order_date: string | null;
  max_order_date: string | null;
}

/** How a snapshot was built: every source row read (`full`), or only the changed months (`incremental`). */
export interface RefreshInfo {
  mode: 'full' | 'incremental';
  /** Why a run asked to be incremental read everything (e.g. there was no previous snapshot). */
  reason?: string;
  /** The snapshot unchanged months were copied from. */
  from_snapshot?: string;
  /** Months of `transactions` read from the source, and copied from `from_snapshot`. */
  months_read?: number;
  months_reused?: number;
  /** Transactions (published + quarantined) copied from `from_snapshot`. */
  rows_reused?: number;
}

/** The columns of {@link MONTH_MARKET_FILE} that place a row: year, month (1–12), market name and its zone. */
export const MONTH_MARKET_KEYS = ['year', 'month', 'market', 'zone'] as const;

/**
 * The columns of agg_sales_month_market that {@link MONTH_MARKET_FILE} adds up by market name, after its keys: those
 * the model's base measures read (`revenue`, `sales_qty`, `orders`, `profit`), from which it computes every measure.
 */
export const MONTH_MARKET_SUMS: readonly StoredColumn[] = [...BASE_MEASURES.keys()];

/** The columns of {@link MONTH_MARKET_FILE}, in order; one row per month and market name. */
export const MONTH_MARKET_COLUMNS: readonly string[] = [...MONTH_MARKET_KEYS, ...MONTH_MARKET_SUMS];

/**
 * A row of {@link MONTH_MARKET_FILE}: its keys, then one sum per {@link MONTH_MARKET_SUMS} column (NULL where the
 * rollup's is).
 */
export type MonthMarketRow = readonly [
  year: number,
  month: number,
  market: string,
  zone: string | null,
  ...sums: (number | null)[],
];

/** {@link MONTH_MARKET_FILE}: sums by year, month (1–12) and market name (dim_market), as in agg_sales_month_market. */
export interface MonthMarketFile {
  columns: readonly string[];
  rows: MonthMarketRow[];
}

/** The columns of {@link DAY_MARKET_FILE} that place a row: the day (`YYYY-MM-DD`), market name and its zone. */
export const DAY_MARKET_KEYS = ['day', 'market', 'zone'] as const;

/** The columns of {@link DAY_MARKET_FILE}, in order; one row per day and market name with sales. */
export const DAY_MARKET_COLUMNS: readonly string[] = [...DAY_MARKET_KEYS, ...MONTH_MARKET_SUMS];

/** A row of {@link DAY_MARKET_FILE}: its keys, then the sums of {@link MONTH_MARKET_SUMS} (NULL where the facts'). */
export type DayMarketRow = readonly [day: string, market: string, zone: string | null, ...sums: (number | null)[]];

/** {@link DAY_MARKET_FILE}: sums by day and market name of every day of the months listed in the manifest. */
export interface DayMarketFile {
  columns: readonly string[];
  rows: DayMarketRow[];
}

/**
 * The columns of {@link BRIDGE_GRAIN_FILE}'s rows: the period (0 current, 1 baseline), each member as its index in
 * the file's `members` lists, then the sums of {@link MONTH_MARKET_SUMS}.
 */
export const BRIDGE_GRAIN_COLUMNS: readonly string[] = [
  'period',
  'market',
  'customer',
  'product',
  ...MONTH_MARKET_SUMS,
];

/** A row of {@link BRIDGE_GRAIN_FILE}: period and member indexes, then the sums (NULL where the facts'). */
export type BridgeGrainRow = readonly [
  period: number,
  market: number,
  customer: number,
  product: number,
  ...sums: (number | null)[],
];

/**
 * A period of {@link BRIDGE_GRAIN_FILE}: inclusive days and, for an unusual month of one market, that market's name
 * (the period's rows are then that market's only).
 */
export interface BridgeGrainPeriod {
  from: string;
  to: string;
  market?: string;
}

/**
 * {@link BRIDGE_GRAIN_FILE}: each member once, with the attribute that goes with it (a market's zone, a customer's
 * type, a product's type; NULL where a fact has no dimension row), and the rows that point at them.
 */
export interface BridgeGrainFile {
  columns: readonly string[];
  /** Each period, the default comparison's current and baseline first; the rows' `period` indexes this list. */
  periods: BridgeGrainPeriod[];
  members: {
    market: [market: string | null, zone: string | null][];
    customer: [customer: string | null, customer_type: string | null][];
    product: [product: string | null, product_type: string | null][];
  };
  rows: BridgeGrainRow[];
}

/**
 * What a scoped extract declares about itself. `detail`: `full` — facts, dimensions and rollups at every grain, for
 * the rows in scope; `aggregate` — market × month totals only: fact_sales, dim_customer, dim_product,
 * agg_sales_month and rejects are empty, and a query at customer or product grain is not available.
 */
export interface ManifestScope {
  name: string;
  detail: 'full' | 'aggregate';
  /**
   * The scope's first and newest order day (absent when it holds no sales): what an `aggregate` scope, whose
   * fact files are empty, has instead of their order-date statistics.
   */
  days?: { from: string; to: string };
}

export interface Manifest {
  contract_version: number;
  snapshot_id: string;
  /** ISO-8601 instant the ETL finished writing the snapshot. */
  generated_at: string;
  source: {
    kind: 'mysql' | 'sample';
    /** host:port for MySQL, never credentials. */
    server: string | null;
    database: string | null;
    /** ISO-8601 instant of the consistent read snapshot. */
    snapshot_at: string;
  };
  reporting_currency: string;
  /** Rate per unit of each original currency into the reporting currency. */
  fx_rates: Record<string, number>;
  measures: MeasureAvailability;
  /** Path of `sales.duckdb` relative to the manifest. */
  browser_db: string;
  /**
   * Set by a query service (`@atliq/server`) on the manifest it serves, never by the ETL: the URL of its query
   * endpoint, relative to the manifest. Sources then send it their queries as specs and download no database.
   */
  query_service?: string;
  files: ManifestFile[];
  quality: QualityReport;
  /** Added within contract version 1: absent in older manifests. */
  refresh?: RefreshInfo;
  /** {@link MONTH_MARKET_FILE} of this snapshot. Added within contract version 1: absent in older manifests. */
  month_market?: { path: string; rows: number; bytes: number; sha256: string };
  /**
   * {@link DAY_MARKET_FILE} of this snapshot and the months (`YYYY-MM`) whose every day it holds. Added within
   * contract version 1: absent in older manifests and in aggregate scopes.
   */
  day_market?: { path: string; rows: number; bytes: number; sha256: string; months: string[] };
  /**
   * {@link BRIDGE_GRAIN_FILE} of this snapshot and the periods it holds (the default comparison's first). Added
   * within contract version 1: absent in older manifests and in aggregate scopes.
   */
  bridge_grain?: { path: string; rows: number; bytes: number; sha256: string; periods: BridgeGrainPeriod[] };
  /** Present on a scoped extract (under {@link SCOPES_DIR}) only. Added within contract version 1. */
  scope?: ManifestScope;
}

export type { ProfitCheck, QualityReport, Reconciliation } from './contract-quality.ts';
export { ManifestError, parseManifest } from './manifest-validate.ts';
