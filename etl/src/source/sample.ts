/**
 * The built-in sample source: the deterministic generator behind the `SourceConnection` interface, so the
 * ETL and the demo run with no database. Every snapshot yields the same rows; `transactions` is generated
 * while it streams, so even ten million rows never sit in memory.
 */
import { generateReferenceTables } from '../sample/reference-tables.ts';
import { transactionColumns, transactionRows } from '../sample/transactions.ts';
import {
  originalColumn,
  SOURCE_TABLES,
  type SourceConnection,
  type SourceSnapshot,
  type SourceTableName,
  type SourceValue,
} from './source.ts';
import { totalsOf } from './totals.ts';

export interface SampleSourceOptions {
  /** Transaction lines, duplicates included. Default 150 000. */
  rows?: number;
  /** Generator seed, an integer in [0, 2^32). Default 1. */
  seed?: number;
  /** Include the schema-v2 profit columns in `transactions`. Default false. */
  withProfit?: boolean;
}

/** The sample's "now": the day after its last order date, fixed so every run publishes identical output. */
export const SAMPLE_SNAPSHOT_AT = '2020-06-27T00:00:00.000Z';

const BATCH_ROWS = 10_000;

export function createSampleSource(options: SampleSourceOptions = {}): SourceConnection {
  const { rows, seed, withProfit = false } = options;
  let closed = false;

  const columnsOf = (table: SourceTableName): string[] =>
    table === 'transactions' ? transactionColumns(withProfit) : [...SOURCE_TABLES[table]];

  const batchesOf = (table: SourceTableName): Iterable<SourceValue[][]> =>
    table === 'transactions'
      ? transactionRows({ rows, seed, withProfit, batchSize: BATCH_ROWS })
      : [generateReferenceTables()[table]];

  const snapshot: SourceSnapshot = {
    snapshotAt: new Date(SAMPLE_SNAPSHOT_AT),
    columns: async (table) => columnsOf(table).map((name) => originalColumn(table, name)),
    async streamTable(table, columns, onRows) {
      const available = columnsOf(table);
      const picks = columns.map((column) => {
        const index = available.indexOf(column);
        if (index < 0) throw new Error(`sample source: table ${table} has no column ${column}`);
        return index;
      });
      const asIs = picks.length === available.length && picks.every((pick, i) => pick === i);
      let count = 0;
      for (const batch of batchesOf(table)) {
        await onRows(asIs ? batch : batch.map((row) => picks.map((pick) => row[pick])));
        count += batch.length;
      }
      return count;
    },
    // No server to ask: the generator runs again and its rows are summed as they come, apart from the run's read.
    totals: async (withProfit) =>
      totalsOf(
        transactionRows({ rows, seed, withProfit, batchSize: BATCH_ROWS }),
        transactionColumns(withProfit),
        withProfit,
      ),
  };

  return {
    info: { kind: 'sample', server: null, database: null },
    async withSnapshot(fn) {
      if (closed) throw new Error('sample source: already closed');
      return fn(snapshot);
    },
    async close() {
      closed = true;
    },
  };
}
