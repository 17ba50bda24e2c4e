import type { Row } from '@atliq/sdk';
import { rowsOf } from '@atliq/sdk/node';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';

/** Thrown when a query ran past its time limit and was interrupted. */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}

/** One published snapshot's `sales.duckdb`, attached read-only; each query on a connection of its own. */
export interface Snapshot {
  readonly id: string;
  run(sql: string, params: readonly unknown[], timeoutMs: number): Promise<Row[]>;
  close(): void;
}

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Opens `dbPath` read-only in DuckDB (`@duckdb/node-api`). Queries run concurrently, each on its own connection, so
 * a slow one neither blocks the others nor can be interrupted with them: past `timeoutMs` it is interrupted alone.
 */
export async function openSnapshot(id: string, dbPath: string): Promise<Snapshot> {
  const instance = await DuckDBInstance.create(':memory:');
  const setup = await instance.connect();
  await setup.run(`ATTACH ${literal(dbPath)} AS atliq (READ_ONLY)`);
  setup.closeSync();
  return {
    id,
    async run(sql, params, timeoutMs) {
      const connection = await instance.connect();
      await connection.run('USE atliq');
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        connection.interrupt();
      }, timeoutMs);
      try {
        return rowsOf(await connection.runAndReadAll(sql, params as DuckDBValue[]));
      } catch (error) {
        if (timedOut) throw new QueryTimeoutError(`the query ran longer than ${timeoutMs} ms and was stopped`);
        throw error;
      } finally {
        clearTimeout(timer);
        connection.closeSync();
      }
    },
    close() {
      instance.closeSync();
    },
  };
}
