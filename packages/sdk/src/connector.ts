import type { QuerySpec } from './compile.ts';

/** A result value as plain JS: never bigint, and DATE as `YYYY-MM-DD` (time-zone free). */
export type Value = string | number | boolean | null;

/** One result row keyed by column name. */
export type Row = Record<string, Value>;

/**
 * The engine behind a source, kept deliberately tiny so a server-side implementation can replace DuckDB-WASM
 * without touching the compiler or the components.
 */
export interface Connector {
  /** Runs `sql` with `params` bound to its `?` placeholders, in order. */
  query(sql: string, params: readonly unknown[]): Promise<Row[]>;
  /**
   * Present on an engine that takes the model's query specs rather than SQL (a query service, which validates,
   * scopes and compiles them itself): the source then sends it every query and cube as a spec, and no SQL.
   */
  querySpec?(spec: QuerySpec): Promise<Row[]>;
  /** Releases the connection and the attached database. */
  close(): Promise<void>;
}
