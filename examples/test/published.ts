import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Rows of `sql` run straight on the published DuckDB file of the extract folder `extracts` (attached as `x`),
 * without the SDK: the independent truth the pages' figures are compared with.
 */
export async function queryPublished<T>(extracts: string, sql: string): Promise<T[]> {
  const manifest = JSON.parse(await readFile(join(extracts, 'manifest.json'), 'utf8'));
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    await db.run(`ATTACH '${join(extracts, manifest.browser_db)}' AS x (READ_ONLY)`);
    return (await db.runAndReadAll(sql)).getRowObjectsJS() as T[];
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
