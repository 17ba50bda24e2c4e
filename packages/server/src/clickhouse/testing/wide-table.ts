import { DIMENSIONS } from '@atliq/sdk';
import { TABLES } from '@atliq/sdk/contract';
import { identifier } from '../escape.ts';

/**
 * The wide fact table the ClickHouse sink publishes per snapshot, for tests: fact_sales' columns, then each
 * dimension's attributes under the dimension table's own column names, Nullable where the LEFT JOIN can give NULL.
 * Types are ones ClickHouse 18.16 and current versions both have; money is Float64, the extract's DOUBLE.
 */
const FACT_TYPES: Readonly<Record<string, string>> = {
  DATE: 'Date',
  VARCHAR: 'String',
  INTEGER: 'Int32',
  SMALLINT: 'Int16',
  DOUBLE: 'Float64',
  BIGINT: 'Int64',
};

/** The dimension attributes the model reads, each with its table and ClickHouse type (Nullable: a LEFT JOIN's). */
function attributes(): [column: string, table: string, type: string][] {
  const seen = new Set(Object.keys(TABLES.fact_sales.columns));
  const out: [string, string, string][] = [];
  for (const def of Object.values(DIMENSIONS)) {
    if (seen.has(def.column)) continue;
    seen.add(def.column);
    const type = (TABLES[def.table].columns as Record<string, { type: string }>)[def.column]!.type;
    out.push([def.column, def.table, `Nullable(${FACT_TYPES[type]})`]);
  }
  return out;
}

/** `(name Type, …)` of the wide table. */
export function wideColumns(): [name: string, type: string][] {
  const facts = Object.entries(TABLES.fact_sales.columns).map(([name, c]): [string, string] => {
    const type = FACT_TYPES[c.type]!;
    return [name, c.nullable ? `Nullable(${type})` : type];
  });
  return [...facts, ...attributes().map(([name, , type]): [string, string] => [name, type])];
}

/** CREATE TABLE of a wide table (MergeTree, or the engine given, e.g. a Distributed one over it). */
export function createWideTable(table: string, engine = 'MergeTree() ORDER BY order_date'): string {
  const columns = wideColumns().map(([name, type]) => `${identifier(name)} ${type}`);
  return `CREATE TABLE ${table} (${columns.join(', ')}) ENGINE = ${engine}`;
}

/**
 * Fills `table` with the wide rows of a published extract's Parquet files (current ClickHouse: chdb), the dimensions
 * joined once as the DuckDB compiler joins them: LEFT JOIN on the model's join keys, NULL where a member is missing
 * (`join_use_nulls`). The SELECT is a subquery so that `file()` reads each file's own columns rather than taking the
 * insertion table's.
 */
export function insertWideFromParquet(table: string, files: (table: string) => string): string {
  const joins: Readonly<Record<string, [alias: string, dim: string, fact: string]>> = {
    dim_market: ['m', 'market_code', 'market_code'],
    dim_customer: ['c', 'customer_code', 'customer_code'],
    dim_product: ['p', 'product_code', 'product_code'],
    dim_date: ['d', 'date', 'order_date'],
  };
  const facts = Object.keys(TABLES.fact_sales.columns).map((c) => `f.${identifier(c)} AS ${identifier(c)}`);
  const attrs = attributes().map(
    ([column, table]) => `${joins[table]![0]}.${identifier(column)} AS ${identifier(column)}`,
  );
  const from = Object.entries(joins).map(
    ([table, [alias, dim, fact]]) =>
      `LEFT JOIN file(${files(table)}, 'Parquet') AS ${alias} ON ${alias}.${identifier(dim)} = f.${identifier(fact)}`,
  );
  const select = [
    `SELECT ${[...facts, ...attrs].join(', ')}`,
    `FROM file(${files('fact_sales')}, 'Parquet') AS f`,
    ...from,
  ].join('\n');
  return `INSERT INTO ${table} SELECT * FROM (${select}) SETTINGS join_use_nulls = 1`;
}
