import { SOURCE_TABLES, type SourceConnection, type SourceTableName, type SourceValue } from '../source/source.ts';

/**
 * A source over rows held in memory, for tests of the transform and publish logic that need exact control
 * over every input row. `failOn` makes streaming that table fail after its rows, like a server dying mid-read.
 */
export function memorySource(
  tables: Partial<Record<SourceTableName, SourceValue[][]>>,
  options: { transactionColumns?: string[]; failOn?: SourceTableName } = {},
): SourceConnection {
  return {
    info: { kind: 'sample', server: null, database: null },
    withSnapshot: (fn) =>
      fn({
        snapshotAt: new Date('2020-06-27T00:00:00Z'),
        columns: async (table) =>
          table === 'transactions' && options.transactionColumns
            ? options.transactionColumns
            : [...SOURCE_TABLES[table]],
        streamTable: async (table, _columns, onRows) => {
          const rows = tables[table] ?? [];
          await onRows(rows);
          if (options.failOn === table) throw new Error(`connection lost while reading ${table}`);
          return rows.length;
        },
      }),
    close: async () => {},
  };
}
