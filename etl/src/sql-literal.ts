/** A DuckDB string literal of `s` (paths in COPY, ATTACH and read_parquet, which take no bound parameters). */
export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;
