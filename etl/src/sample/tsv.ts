/**
 * Rows in the text format `LOAD DATA` reads by default: fields separated by tabs, lines ended by '\n',
 * backslash escapes, `\N` for NULL. Escaping matters here: the sample's dirt is carriage returns inside
 * values ('INR\r', 'Own Brand\r'), and they must arrive in the database byte for byte.
 */
import type { SourceValue } from '../source/source.ts';

/** The `LOAD DATA` clauses that match `encodeRows`, spelled out so a server's defaults cannot differ. */
export const TSV_FORMAT = "FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'";

const SPECIAL = /[\\\t\n\r\0]/;
const SPECIAL_ALL = /[\\\t\n\r\0]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

export function encodeField(value: SourceValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot store ${value} in a SQL column`);
    return String(value);
  }
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}

/** One buffer per batch: the MySQL protocol sends each as one packet, so keep batches well under 16 MiB. */
export function encodeRows(rows: readonly (readonly SourceValue[])[]): Buffer {
  let text = '';
  for (const row of rows) {
    let line = encodeField(row[0]);
    for (let i = 1; i < row.length; i++) line += `\t${encodeField(row[i])}`;
    text += `${line}\n`;
  }
  return Buffer.from(text);
}
