/**
 * Opens every file of a published scope folder and lists every value in it that the scope may not show: a market,
 * customer or product code outside the allowed ones (found anywhere in a text value), or the exact name of a market
 * or customer outside them. Parquet: every text column's values, and every column chunk's min/max statistics
 * (`parquet_metadata()`); sales.duckdb: every text column of every table (and no table beyond the contract's);
 * JSON (manifest.json, month_market.json, day_market.json): every string and key, read as text.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { TABLES } from '@atliq/sdk/contract';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface Allowed {
  /** Market, customer and product codes the scope may show. */
  codes: ReadonlySet<string>;
  /** Market and customer names the scope may show. */
  names: ReadonlySet<string>;
}

export interface Universe {
  /** Every market and customer name the source holds. */
  names: ReadonlySet<string>;
}

const CODE = /(?:Mark|Cus|Prod)\d{3}/g;

/** What in `values` the scope may not show, each prefixed with where it was found. */
export function violations(where: string, values: Iterable<string>, allowed: Allowed, universe: Universe): string[] {
  const found = new Set<string>();
  for (const value of values) {
    for (const code of value.match(CODE) ?? []) if (!allowed.codes.has(code)) found.add(`${where}: code ${code}`);
    const name = value.trim();
    if (universe.names.has(name) && !allowed.names.has(name)) found.add(`${where}: name ${name}`);
  }
  return [...found];
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

async function strings(db: DuckDBConnection, sql: string): Promise<string[]> {
  return ((await db.runAndReadAll(sql)).getRowsJS() as unknown[][])
    .flat()
    .filter((v): v is string => typeof v === 'string');
}

/** Every text value of `relation` (a table or read_parquet(…)), all its VARCHAR columns together. */
async function textValues(db: DuckDBConnection, relation: string): Promise<string[]> {
  const columns = (await db.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`)).getRowObjectsJS() as {
    column_name: string;
    column_type: string;
  }[];
  const text = columns.filter((c) => c.column_type === 'VARCHAR').map((c) => `"${c.column_name}"`);
  if (text.length === 0) return [];
  return strings(db, `SELECT DISTINCT unnest([${text.join(', ')}]) FROM ${relation}`);
}

export interface ScannedFile {
  path: string;
  kind: 'parquet' | 'duckdb' | 'json';
}

/** Scans every file under `root` (a scope folder); returns the files opened and what they should not hold. */
export async function scanScope(
  root: string,
  allowed: Allowed,
  universe: Universe,
): Promise<{ files: ScannedFile[]; leaks: string[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const files: ScannedFile[] = [];
  const leaks: string[] = [];
  try {
    for (const path of (await listFiles(root)).sort()) {
      const rel = relative(root, path);
      if (path.endsWith('.parquet')) {
        files.push({ path: rel, kind: 'parquet' });
        leaks.push(...violations(rel, await textValues(db, `read_parquet(${quote(path)})`), allowed, universe));
        const stats = await strings(
          db,
          `SELECT unnest([stats_min, stats_max, stats_min_value, stats_max_value]) FROM parquet_metadata(${quote(path)})`,
        );
        leaks.push(...violations(`${rel} statistics`, stats, allowed, universe));
      } else if (path.endsWith('.duckdb')) {
        files.push({ path: rel, kind: 'duckdb' });
        await db.run(`ATTACH ${quote(path)} AS scoped (READ_ONLY)`);
        try {
          const tables = await strings(db, "SELECT table_name FROM duckdb_tables() WHERE database_name = 'scoped'");
          const extra = tables.filter((t) => !Object.hasOwn(TABLES, t));
          if (extra.length) leaks.push(`${rel}: tables outside the contract: ${extra.join(', ')}`);
          for (const table of tables) {
            leaks.push(...violations(`${rel} ${table}`, await textValues(db, `scoped.${table}`), allowed, universe));
          }
        } finally {
          await db.run('DETACH scoped');
        }
      } else if (path.endsWith('.json')) {
        files.push({ path: rel, kind: 'json' });
        const values: string[] = [];
        JSON.parse(await readFile(path, 'utf8'), (key, value) => {
          values.push(key);
          if (typeof value === 'string') values.push(value);
          return value;
        });
        leaks.push(...violations(rel, values, allowed, universe));
      } else {
        leaks.push(`${rel}: a file the scan does not know how to open`);
      }
    }
  } finally {
    db.closeSync();
    instance.closeSync();
  }
  return { files, leaks };
}
