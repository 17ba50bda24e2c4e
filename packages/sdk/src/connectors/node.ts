import {
  DuckDBConnection,
  DuckDBInstance,
  type DuckDBResultReader,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { Connector, Row } from '../connector.ts';
import { isoDate, isoTimestamp, plainValue } from './values.ts';

/** SQL string literal for a local path (the only value that cannot be a bound parameter: ATTACH takes none). */
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A result's rows as plain JS values, as every connector answers them (DATE as `YYYY-MM-DD`, no bigint). */
export function rowsOf(reader: Pick<DuckDBResultReader, 'columnNames' | 'columnTypes' | 'getRowsJS'>): Row[] {
  const names = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.typeId);
  return reader.getRowsJS().map((values) => {
    const row: Row = {};
    values.forEach((v, i) => {
      const name = names[i]!;
      if (!(v instanceof Date)) row[name] = plainValue(v);
      else row[name] = types[i] === DuckDBTypeId.DATE ? isoDate(v.getTime()) : isoTimestamp(v.getTime());
    });
    return row;
  });
}

/**
 * The {@link Connector} over `@duckdb/node-api`, for Node: tests and ETL verification run the very SQL the browser
 * runs, against a local `sales.duckdb` attached read-only under the same unqualified table names.
 */
export async function connectNode(dbPath: string): Promise<Connector> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await DuckDBConnection.create(instance);
  await connection.run(`ATTACH ${literal(dbPath)} AS atliq (READ_ONLY)`);
  await connection.run('USE atliq');
  return {
    async query(sql, params) {
      return rowsOf(await connection.runAndReadAll(sql, params as DuckDBValue[]));
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
