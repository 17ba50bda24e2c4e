import type { DuckDBConnection } from '@duckdb/node-api';
import { EtlError } from './errors.ts';
import type { MonthSkip, SourceSnapshot, SourceTableName } from './source/source.ts';
import { TsvSpool } from './stage-spool.ts';
import { encodeRows } from './stage-tsv.ts';

/** Called after every staged batch with the running total of a table. */
export type StageProgress = (table: SourceTableName, rows: number) => void;

const quote = (id: string) => `"${id.replaceAll('"', '""')}"`;

/**
 * Copies one source table into `stg_<table>` exactly as read: every column as VARCHAR (so a value that will
 * not parse is kept for the rejects table instead of failing the load) plus `_row`, its position in the stream.
 * The rows pass through TSV files in `spoolDir` (see stage-tsv.ts), each deleted once DuckDB has loaded it.
 * `skip` leaves out the months an incremental run copies from the previous snapshot.
 */
export async function stageTable(
  db: DuckDBConnection,
  snapshot: SourceSnapshot,
  table: SourceTableName,
  columns: readonly string[],
  spoolDir: string,
  progress?: StageProgress,
  skip?: MonthSkip,
): Promise<number> {
  const target = quote(`stg_${table}`);
  const ddl = [...columns.map((c) => `${quote(c)} VARCHAR`), '_row INTEGER'].join(', ');
  await db.run(`CREATE OR REPLACE TABLE ${target} (${ddl})`);
  const spool = new TsvSpool(db, target, columns, spoolDir, `stg_${table}`);
  let rowNo = 0;
  try {
    const streamed = await snapshot.streamTable(
      table,
      columns,
      (rows) => {
        const text = encodeRows(rows, rowNo);
        rowNo += rows.length;
        progress?.(table, rowNo);
        return spool.write(text);
      },
      skip,
    );
    await spool.finish();
    // Counted in the table, not in the stream: a row the TSV round trip lost or split would show here.
    const reader = await db.runAndReadAll(`SELECT count(*)::INTEGER FROM ${target}`);
    const staged = reader.getRowsJS()[0]![0] as number;
    if (streamed !== rowNo || staged !== rowNo) {
      throw new EtlError(`source reported ${streamed} rows of ${table}, ${rowNo} were streamed, ${staged} staged`, {
        table,
      });
    }
    return rowNo;
  } catch (err) {
    await spool.abandon();
    throw err;
  }
}
