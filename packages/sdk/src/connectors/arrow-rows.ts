import type { Row } from '../connector.ts';
import { isoDate, isoTimestamp, plainValue } from './values.ts';

/**
 * The part of an Apache Arrow table we read. Declared structurally because `apache-arrow` is DuckDB-WASM's
 * dependency, not ours: importing it would pin a second copy of Arrow into the bundle.
 */
export interface ArrowTable {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string; readonly type: ArrowType }[] };
  getChildAt(index: number): { get(index: number): unknown } | null;
}
interface ArrowType {
  readonly typeId: number;
  readonly unit?: number;
}

/** `Type.Date` and `DateUnit.DAY` of the Arrow spec (stable numbers of the format, not of the JS library). */
const ARROW_DATE = 8;
const DATE_UNIT_DAY = 0;

/**
 * Arrow DATE (day unit) values read as epoch-ms numbers; timestamps arrive as millisecond dates because the engine
 * is opened with `castTimestampToDate`. Everything else is already plain or a bigint.
 */
function converterFor(type: ArrowType): (v: unknown) => Row[string] {
  if (type.typeId !== ARROW_DATE) return plainValue;
  const format = type.unit === DATE_UNIT_DAY ? isoDate : isoTimestamp;
  return (v) => (typeof v === 'number' ? format(v) : plainValue(v));
}

/** Converts a result table to plain row objects, column by column. */
export function arrowToRows(table: ArrowTable): Row[] {
  const columns = table.schema.fields.map((field, i) => ({
    name: field.name,
    vector: table.getChildAt(i)!,
    convert: converterFor(field.type),
  }));
  const rows: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (const c of columns) row[c.name] = c.convert(c.vector.get(r));
    rows[r] = row;
  }
  return rows;
}
