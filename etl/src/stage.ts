import type { DuckDBConnection } from '@duckdb/node-api';
import { EtlError } from './errors.ts';
import type { MonthSkip, SourceSnapshot, SourceTableName } from './source/source.ts';

/** Called after every staged batch with the running total of a table. */
export type StageProgress = (table: SourceTableName, rows: number) => void;

const quote = (id: string) => `"${id.replaceAll('"', '""')}"`;

/**
 * Copies one source table into `stg_<table>` exactly as read: every column as VARCHAR (so a value that will
 * not parse is kept for the rejects table instead of failing the load) plus `_row`, its position in the stream.
 * `skip` leaves out the months an incremental run copies from the previous snapshot.
 */
export async function stageTable(
  db: DuckDBConnection,
  snapshot: SourceSnapshot,
  table: SourceTableName,
  columns: readonly string[],
  progress?: StageProgress,
  skip?: MonthSkip,
): Promise<number> {
  const target = `stg_${table}`;
  const ddl = [...columns.map((c) => `${quote(c)} VARCHAR`), '_row INTEGER'].join(', ');
  await db.run(`CREATE OR REPLACE TABLE ${quote(target)} (${ddl})`);
  const appender = await db.createAppender(target);
  let rowNo = 0;
  try {
    const streamed = await snapshot.streamTable(
      table,
      columns,
      (rows) => {
        for (const row of rows) {
          for (const value of row) {
            if (value === null || value === undefined) appender.appendNull();
            else appender.appendVarchar(typeof value === 'string' ? value : String(value));
          }
          appender.appendInteger(rowNo++);
          appender.endRow();
        }
        progress?.(table, rowNo);
      },
      skip,
    );
    appender.flushSync();
    if (streamed !== rowNo) {
      throw new EtlError(`source reported ${streamed} rows of ${table} but ${rowNo} were staged`, { table });
    }
    return rowNo;
  } finally {
    appender.closeSync();
  }
}
