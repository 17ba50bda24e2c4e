/**
 * ClickHouse literals and identifiers. ClickHouse 18.16 has no bound parameters, so every value a client sends is
 * written into the SQL through these functions only. Inside quotes ClickHouse reads backslash escapes, so the
 * backslash and the quote are escaped, and every control character (NUL, newlines, tabs…) is written as `\xHH`: the
 * literal is then one line of plain text that reads back as exactly the string given, on 18.16 and current versions.
 */

/** Control characters: everything but printable ASCII and non-ASCII text (written as such, UTF-8). */
const CONTROL = /[^ -~\u0080-\uffff]/g;

const hex = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** A ClickHouse string literal holding exactly `value`. */
export function stringLiteral(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replace(CONTROL, hex)}'`;
}

/** A ClickHouse number literal; only finite numbers in plain decimal notation (no exponent, which could misparse). */
export function numberLiteral(value: number): string {
  const text = String(value);
  if (!Number.isFinite(value) || !/^-?\d+(\.\d+)?$/.test(text)) {
    throw new RangeError(`${text} cannot be written as a ClickHouse number literal`);
  }
  return text;
}

/** A quoted ClickHouse identifier (database, table or column name) naming exactly `name`. */
export function identifier(name: string): string {
  return `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replace(CONTROL, hex)}\``;
}
