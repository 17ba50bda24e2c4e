import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { BROWSER_DB_FILE, type ManifestFile, type TableName } from '@atliq/sdk/contract';
import type { DuckDBConnection } from '@duckdb/node-api';

/** sha256 and size of a file; fsyncs it on the way so a crash after this point cannot lose it. */
async function hashAndSync(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const tableOf = (rel: string): TableName | 'browser_db' =>
  rel === BROWSER_DB_FILE ? 'browser_db' : (rel.split('/')[0]!.replace(/\.parquet$/, '') as TableName);

/**
 * Describes every file of a written snapshot directory for the manifest. `prefix` is the directory's path
 * relative to the manifest. Row counts and date ranges are read back from the files themselves.
 */
export async function describeSnapshot(db: DuckDBConnection, dir: string, prefix: string): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const path of await listFiles(dir)) {
    const rel = relative(dir, path).split(sep).join('/');
    const table = tableOf(rel);
    const { sha256, bytes } = await hashAndSync(path);
    // The replica's row count and date range are those of its fact table, which writeSnapshot verified.
    const from = table === 'browser_db' ? 'fact_sales' : 'read_parquet($1)';
    const dates =
      table === 'fact_sales' || table === 'browser_db'
        ? 'min(order_date)::VARCHAR, max(order_date)::VARCHAR'
        : 'NULL, NULL';
    const r = await db.runAndReadAll(`SELECT count(*), ${dates} FROM ${from}`, table === 'browser_db' ? [] : [path]);
    const [n, min, max] = r.getRowsJS()[0] as [bigint, string | null, string | null];
    const rows = Number(n);
    files.push({ path: `${prefix}/${rel}`, table, rows, bytes, sha256, min_order_date: min, max_order_date: max });
  }
  return files;
}
