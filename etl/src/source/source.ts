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

/** One consistent, read-only view of the source. */
export interface SourceSnapshot {
  /** When the snapshot was taken, by the source's clock. */
  readonly snapshotAt: Date;
  /** Column names of a table as the source has them now (for schema-drift checks and optional columns). */
  columns(table: SourceTableName): Promise<string[]>;
  /**
   * Streams every row of `table`, values in `columns` order, in batches. The stream waits for the promise
   * `onRows` returns (back-pressure). Resolves with the number of rows streamed; rejects promptly if the
   * source fails mid-stream.
   */
  streamTable(
    table: SourceTableName,
    columns: readonly string[],
    onRows: (rows: SourceValue[][]) => void | Promise<void>,
  ): Promise<number>;
}

export interface SourceConnection {
  readonly info: SourceInfo;
  /** Runs `fn` inside one consistent, read-only snapshot and releases it afterwards, whatever happens. */
  withSnapshot<T>(fn: (snapshot: SourceSnapshot) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
