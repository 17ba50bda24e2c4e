import { compile, type QuerySpec } from '@atliq/sdk';

/** A bound value written as a SQL literal, for reading and copying (never executed by us). */
function literal(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * The SQL a query spec compiles to, with its parameters written in: what "Show the math" offers to copy and run
 * against the published `sales.duckdb` (or the Parquet files, which have the same tables).
 */
export function readableSql(spec: QuerySpec): string {
  const { sql, params } = compile(spec);
  let i = 0;
  return `${sql.replace(/\?/g, () => literal(params[i++]))};`;
}
