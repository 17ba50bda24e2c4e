import { download } from './download.ts';

/** One CSV field: quoted when it holds a comma, quote or line break; formula-like text neutralised for spreadsheets. */
function field(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // A cell starting with = + - @ is run as a formula by Excel: prefix it so data can never execute.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends) of a header row and data rows: exactly what a chart shows, raw numbers. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n');
}

/** Offers CSV `text` as a file download named `filename`. */
export function downloadCsv(filename: string, text: string): void {
  download(filename, new Blob([text], { type: 'text/csv;charset=utf-8' }));
}
