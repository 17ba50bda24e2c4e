/**
 * The text format in which staged rows reach DuckDB: tab-separated lines that `read_csv` parses back value for
 * value. One N-API call per value (the appender) cost ~3 CPU-s per 1M transactions; building this text costs
 * ~0.8 s and DuckDB parses it on its own threads, in parallel with the stream.
 *
 * NULL is an empty unquoted field; an empty string is `""` (`allow_quoted_nulls = false` keeps the two apart).
 * A value holding a tab, a line break or a quote is quoted with quotes doubled, so the feed's 'INR\r' and any
 * other control character arrive byte for byte.
 */

import type { SourceValue } from './source/source.ts';
import { sqlString } from './sql-literal.ts';

const NEEDS_QUOTES = /[\t\n\r"]/;

/**
 * `rows` as TSV lines, each ending with its stream position (`firstRow`, `firstRow + 1`, …) as a last field.
 * Numbers are written as `String(n)`, as staging always stored them.
 */
export function encodeRows(rows: readonly (readonly SourceValue[])[], firstRow: number): string {
  let text = '';
  let rowNo = firstRow;
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (v === null || v === undefined) text += '\t';
      else if (typeof v !== 'string') text += `${v}\t`;
      else if (v === '' || NEEDS_QUOTES.test(v)) text += `"${v.replaceAll('"', '""')}"\t`;
      else text += `${v}\t`;
    }
    text += `${rowNo++}\n`;
  }
  return text;
}

/**
 * A `read_csv` call reading a file of `encodeRows` lines as `columns` (all VARCHAR) and `_row`, nothing guessed.
 * Its default buffer is 32 MB, a quarter of the staging database's memory: 4 MB parsed 1M rows as fast.
 */
export function readTsvSql(path: string, columns: readonly string[]): string {
  const types = [...columns.map((c) => `${sqlString(c)}: 'VARCHAR'`), `'_row': 'INTEGER'`].join(', ');
  return `read_csv(${sqlString(path)}, columns = {${types}}, header = false, auto_detect = false, delim = '\t',
    quote = '"', escape = '"', new_line = '\\n', nullstr = '', allow_quoted_nulls = false, strict_mode = true, buffer_size = 4194304)`;
}
