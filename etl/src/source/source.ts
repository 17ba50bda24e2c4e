/**
 * What the ETL needs from a source database, and nothing more (CONVENTIONS §7): open one consistent,
 * read-only snapshot and stream whole tables out of it. mysql2 implements it (`mysql.ts`); so does the
 * built-in sample generator (`sample.ts`), which lets the demo run without any database.
 */

/** The tables of the Atliq `sales` OLTP schema, with their columns as the source spells them. */
export const SOURCE_TABLES = {
  transactions: ['product_code', 'customer_code', 'market_code', 'order_date', 'sales_qty', 'sales_amount', 'currency'],
  customers: ['customer_code', 'custmer_name', 'customer_type'],
  products: ['product_code', 'product_type'],
  markets: ['markets_code', 'markets_name', 'zone'],
  date: ['date', 'cy_date', 'year', 'month_name', 'date_yy_mmm'],
} as const;

/** Optional `transactions` columns of the schema's second version (`db_dump_version_2.sql`). */
export const PROFIT_COLUMNS = ['profit_margin_percentage', 'profit_margin', 'cost_price'] as const;

export type SourceTableName = keyof typeof SOURCE_TABLES;

/** A column's type, normalised across sources (MySQL's DATA_TYPE, the generator's, a test's). */
export type ColumnKind = 'text' | 'integer' | 'float' | 'decimal' | 'date' | 'datetime' | 'other';

export interface SourceColumn {
  name: string;
  type: ColumnKind;
}

const NUMBER: readonly ColumnKind[] = ['float', 'decimal', 'integer'];
const TEXT: readonly ColumnKind[] = ['text'];

/**
 * The types each known column may have without counting as drift; the first is the original dumps' type.
 * Amounts may be DOUBLE, DECIMAL or INT (all parse the same); codes must be text, dates DATE, quantities INT.
 */
export const COLUMN_KINDS: { readonly [T in SourceTableName]: Readonly<Record<string, readonly ColumnKind[]>> } = {
  transactions: {
    product_code: TEXT,
    customer_code: TEXT,
    market_code: TEXT,
    order_date: ['date'],
    sales_qty: ['integer'],
    sales_amount: NUMBER,
    currency: TEXT,
    profit_margin_percentage: NUMBER,
    profit_margin: NUMBER,
    cost_price: NUMBER,
  },
  customers: { customer_code: TEXT, custmer_name: TEXT, customer_type: TEXT },
  products: { product_code: TEXT, product_type: TEXT },
  markets: { markets_code: TEXT, markets_name: TEXT, zone: TEXT },
  date: { date: ['date'], cy_date: ['date'], year: ['integer'], month_name: TEXT, date_yy_mmm: TEXT },
};

/** A known column with its original type; `text` for a column the schema does not know. */
export function originalColumn(table: SourceTableName, name: string): SourceColumn {
  return { name, type: COLUMN_KINDS[table][name]?.[0] ?? 'text' };
}

/** Normalises a MySQL/MariaDB `information_schema.COLUMNS.DATA_TYPE`. */
export function columnKind(dataType: string): ColumnKind {
  const t = dataType.toLowerCase();
  if (/^(var)?char$|text$|^enum$|^set$/.test(t)) return 'text';
  if (/^(tiny|small|medium|big)?int(eger)?$/.test(t)) return 'integer';
  if (t === 'float' || t === 'double' || t === 'real') return 'float';
  if (t === 'decimal' || t === 'numeric') return 'decimal';
  if (t === 'date') return 'date';
  if (t === 'datetime' || t === 'timestamp') return 'datetime';
  return 'other';
}

/**
 * A source value as the text protocol delivers it: strings for text, DATE (as 'YYYY-MM-DD') and DECIMAL,
 * numbers for integer and floating columns, null for NULL.
 */
export type SourceValue = string | number | null;

/** Where the data came from, for the manifest. Never holds credentials. */
export interface SourceInfo {
  kind: 'mysql' | 'sample';
  /** host:port, or null for the sample generator. */
  server: string | null;
  database: string | null;
}

/**
 * One month of a table as the source itself counts it: rows and an order-free checksum of their values. `month` is
 * `YYYY-MM` of the partition column, or null for rows whose date is missing or invalid.
 */
export interface MonthFingerprint {
  month: string | null;
  rows: number;
  /** Sum of a per-row hash, as decimal text (it outgrows 2^53). Only ever compared with the same source's. */
  checksum: string;
}

/** Months of `column` whose rows a stream leaves out (an incremental run reuses them from the last snapshot). */
export interface MonthSkip {
  column: string;
  months: readonly string[];
}

/**
 * One cell of the source's own totals: lines of `transactions` with these raw values (bytes as stored, untrimmed)
 * of market_code and currency, in month `YYYY-MM` of order_date (null without a date), summed where they live.
 */
export interface SourceTotal {
  market: string | null;
  month: string | null;
  currency: string | null;
  lines: number;
  quantity: number;
  amount: number;
  /** Sum of profit_margin as stored; null when not asked for. */
  profit: number | null;
}

/** One consistent, read-only view of the source. */
export interface SourceSnapshot {
  /** When the snapshot was taken, by the source's clock. */
  readonly snapshotAt: Date;
  /**
   * The columns of a table as the source has them now, in table order, with normalised types (for the
   * schema-drift check and optional columns). An empty list means the table does not exist.
   */
  columns(table: SourceTableName): Promise<SourceColumn[]>;
  /**
   * Streams every row of `table`, values in `columns` order, in batches. The stream waits for the promise
   * `onRows` returns (back-pressure). Resolves with the number of rows streamed; rejects promptly if the
   * source fails mid-stream.
   */
  streamTable(
    table: SourceTableName,
    columns: readonly string[],
    onRows: (rows: SourceValue[][]) => void | Promise<void>,
    skip?: MonthSkip,
  ): Promise<number>;
  /**
   * Rows and checksum of `columns` per month of the date column `column`, computed where the data lives, so an
   * incremental run finds the months that changed without reading them. Sources without it (the sample
   * generator) are always read in full; `skip` is only ever passed to sources that have it.
   */
  monthFingerprints?(table: SourceTableName, column: string, columns: readonly string[]): Promise<MonthFingerprint[]>;
  /**
   * `transactions` totalled by market, month and currency by the source itself (one aggregate scan, no rows sent),
   * for the reconciliation of what a run published and quarantined (see transform/reconcile.ts). `withProfit` adds
   * the sum of profit_margin. Sources without it are reported as not reconciled.
   */
  totals?(withProfit: boolean): Promise<SourceTotal[]>;
}

export interface SourceConnection {
  readonly info: SourceInfo;
  /** Runs `fn` inside one consistent, read-only snapshot and releases it afterwards, whatever happens. */
  withSnapshot<T>(fn: (snapshot: SourceSnapshot) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
