import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The bytes of a small `sales.duckdb` written by this workspace's `@duckdb/node-api` in `storageVersion` (e.g.
 * `v1.5.0`, newer than the browser engine reads): what a page gets when someone republishes the extract with a
 * newer DuckDB instead of this project's ETL. Imported lazily, so the native module loads only when asked for.
 */
export async function newerStorageDb(storageVersion: string): Promise<Uint8Array> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const dir = await mkdtemp(join(tmpdir(), 'atliq-storage-'));
  const path = join(dir, 'sales.duckdb');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH '${path}' AS newer (STORAGE_VERSION '${storageVersion}')`);
    await connection.run(
      `CREATE TABLE newer.fact_sales AS
       SELECT DATE '2020-01-01' + CAST(i % 365 AS INTEGER) AS order_date, 'Mark001' AS market_code, i * 1.5 AS revenue
       FROM range(1000) t(i)`,
    );
    await connection.run('DETACH newer');
    return new Uint8Array(await readFile(path));
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}
