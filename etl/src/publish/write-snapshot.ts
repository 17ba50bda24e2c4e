import { join } from 'node:path';
import { BROWSER_DB_FILE, BROWSER_DB_STORAGE_VERSION, TABLES, type TableName } from '@atliq/sdk/contract';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createTableSql } from '../contract-ddl.ts';
import { EtlError } from '../errors.ts';
import { sqlString } from '../sql-literal.ts';

const DIMENSIONS = ['dim_market', 'dim_customer', 'dim_product', 'dim_date'] as const;

/**
 * Writes the published tables of the staging database into `dir`: Parquet for every table (facts partitioned by
 * year) and `sales.duckdb`, the browser replica, in a storage version the pinned DuckDB-WASM can ATTACH.
 */
export async function writeSnapshot(db: DuckDBConnection, dir: string): Promise<void> {
  await db.run(
    `COPY (SELECT *, year(order_date)::SMALLINT AS year FROM fact_sales ORDER BY order_date)
     TO ${sqlString(join(dir, 'fact_sales'))}
     (FORMAT parquet, PARTITION_BY (year), COMPRESSION zstd, FILENAME_PATTERN 'part-{i}')`,
  );
  for (const table of [...DIMENSIONS, 'rejects'] as const) {
    await db.run(`COPY ${table} TO ${sqlString(join(dir, `${table}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
  }

  await db.run(
    `ATTACH ${sqlString(join(dir, BROWSER_DB_FILE))} AS pub (STORAGE_VERSION '${BROWSER_DB_STORAGE_VERSION}')`,
  );
  try {
    for (const table of Object.keys(TABLES) as TableName[]) {
      await db.run(createTableSql(table, `pub.${table}`));
      const order = table === 'fact_sales' ? ' ORDER BY order_date' : '';
      await db.run(`INSERT INTO pub.${table} SELECT * FROM ${table}${order}`);
    }
    await db.run('CHECKPOINT pub');
  } finally {
    await db.run('DETACH pub');
  }
  await verifyBrowserDb(db, join(dir, BROWSER_DB_FILE));
}

/** Re-opens the written replica read-only and checks it holds exactly the staged rows of every table. */
async function verifyBrowserDb(db: DuckDBConnection, file: string): Promise<void> {
  await db.run(`ATTACH ${sqlString(file)} AS chk (READ_ONLY)`);
  try {
    for (const table of Object.keys(TABLES) as TableName[]) {
      const reader = await db.runAndReadAll(
        `SELECT (SELECT count(*) FROM chk.${table}) AS written, (SELECT count(*) FROM ${table}) AS staged`,
      );
      const [written, staged] = reader.getRowsJS()[0] as [bigint, bigint];
      if (written !== staged) {
        throw new EtlError(`${BROWSER_DB_FILE}: ${table} holds ${written} rows, expected ${staged}`, {
          phase: 'verify',
          table,
        });
      }
    }
  } finally {
    await db.run('DETACH chk');
  }
}
