import {
  originalColumn,
  SOURCE_TABLES,
  type SourceColumn,
  type SourceConnection,
  type SourceTableName,
  type SourceValue,
} from '../source/source.ts';
import { totalsOf } from '../source/totals.ts';

export interface MemorySourceOptions {
  /** Column names of `transactions` (typed as in the original dumps), e.g. to add the profit columns. */
  transactionColumns?: string[];
  /** Columns as `columns()` reports them, per table: for schema-drift tests. Wins over `transactionColumns`. */
  schema?: Partial<Record<SourceTableName, SourceColumn[]>>;
  /** Streaming this table fails after its rows, like a server dying mid-read. */
  failOn?: SourceTableName;
  /** Without totals, like a source that cannot compute them (the run is then not reconciled). */
  noTotals?: boolean;
}

/**
 * A source over rows held in memory, for tests of the transform and publish logic that need exact control
 * over every input row. Rows are handed over as given, whatever columns are asked for.
 */
export function memorySource(
  tables: Partial<Record<SourceTableName, SourceValue[][]>>,
  options: MemorySourceOptions = {},
): SourceConnection {
  const columnsOf = (table: SourceTableName): SourceColumn[] =>
    options.schema?.[table] ??
    (table === 'transactions' && options.transactionColumns
      ? options.transactionColumns
      : [...SOURCE_TABLES[table]]
    ).map((name) => originalColumn(table, name));
  return {
    info: { kind: 'sample', server: null, database: null },
    withSnapshot: (fn) =>
      fn({
        snapshotAt: new Date('2020-06-27T00:00:00Z'),
        columns: async (table) => columnsOf(table),
        streamTable: async (table, _columns, onRows) => {
          const rows = tables[table] ?? [];
          await onRows(rows);
          if (options.failOn === table) throw new Error(`connection lost while reading ${table}`);
          return rows.length;
        },
        ...(options.noTotals
          ? {}
          : {
              totals: async (withProfit: boolean) =>
                totalsOf(
                  [tables.transactions ?? []],
                  options.transactionColumns ?? SOURCE_TABLES.transactions,
                  withProfit,
                ),
            }),
      }),
    close: async () => {},
  };
}
