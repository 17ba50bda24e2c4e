import { compile, type QuerySpec, type Row } from '@atliq/sdk';
import { rowsOf } from '@atliq/sdk/node';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';

/** Thrown when a query ran past its time limit and was interrupted. */
export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}

/** One published snapshot in an engine: answers a query spec (checked against the model) within a time limit. */
export interface Snapshot {
  readonly id: string;
  /** @throws {QueryTimeoutError} past `timeoutMs`. */
  answer(spec: QuerySpec, timeoutMs: number): Promise<Row[]>;
  close(): void;
}

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Opens one published snapshot's `sales.duckdb` at `dbPath` read-only in DuckDB (`@duckdb/node-api`), answering specs
 * compiled by the SDK's compiler. Queries run concurrently, each on its own connection, so a slow one neither blocks
 * the others nor can be interrupted with them: past `timeoutMs` it is interrupted alone.
 */
export async function openSnapshot(id: string, dbPath: string): Promise<Snapshot> {
  const instance = await DuckDBInstance.create(':memory:');
  const setup = await instance.connect();
  await setup.run(`ATTACH ${literal(dbPath)} AS atliq (READ_ONLY)`);
  setup.closeSync();
  return {
    id,
    async answer(spec, timeoutMs) {
      const { sql, params } = compile(spec);
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
