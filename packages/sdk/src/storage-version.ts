import { BROWSER_DB_STORAGE_VERSION } from './contract.ts';

/**
 * Names a `sales.duckdb` whose storage format the page's engine cannot read. DuckDB says only "Trying to read a
 * database file with version number 68, but we can only read versions between 64 and 67": true, but it names
 * neither the DuckDB release behind either number nor what the person who sees it should do.
 *
 * A DuckDB file starts with an 8-byte checksum, the magic `DUCK` and the storage format number as a little-endian
 * uint64 (https://duckdb.org/internals/storage), so the first 16 bytes the probe reads hold it.
 */

/**
 * Format numbers the pinned engine (DuckDB-WASM 1.32, DuckDB 1.4) reads, as it says when it refuses a file; used
 * when its message does not say.
 */
const ENGINE_STORAGE_FORMATS = { lower: 64, upper: 67 } as const;

/**
 * The `STORAGE_VERSION` each format number is written for, measured with `@duckdb/node-api` 1.5 (`v1.0.0` and
 * `v1.1.0` write 64 as well, as every DuckDB from 0.9 to 1.1 does).
 */
const STORAGE_VERSIONS: Record<number, string> = {
  64: 'v1.0.0',
  65: 'v1.2.0',
  66: 'v1.3.0',
  67: 'v1.4.0',
  68: 'v1.5.0',
};
const NEWEST_KNOWN = 68;

const REFUSED = /version number (\d+), but we can only read versions between (\d+) and (\d+)/;

/** The storage format number in a DuckDB file's first 16 bytes, or null when they are too few. */
function storageFormat(head: Uint8Array): number | null {
  return head.length >= 16 ? new DataView(head.buffer, head.byteOffset, 16).getUint32(12, true) : null;
}

const versionName = (format: number) => STORAGE_VERSIONS[format] ?? `newer than ${STORAGE_VERSIONS[NEWEST_KNOWN]}`;

/**
 * Explains why the engine cannot read the database `url` starting with `head` when its format number is outside
 * what the engine reads (taken from `engineMessage` when it says), or returns null.
 */
export function explainStorageVersion(url: string, head: Uint8Array, engineMessage: string): string | null {
  const refused = REFUSED.exec(engineMessage);
  const format = storageFormat(head) ?? (refused ? Number(refused[1]) : null);
  const lower = refused ? Number(refused[2]) : ENGINE_STORAGE_FORMATS.lower;
  const upper = refused ? Number(refused[3]) : ENGINE_STORAGE_FORMATS.upper;
  if (format === null || (format >= lower && format <= upper)) return null;
  const newer = format > upper;
  const written = newer
    ? `was written by a newer DuckDB, in storage version ${versionName(format)} (format ${format})`
    : `was written by an older DuckDB, in storage format ${format}`;
  return (
    `${url} ${written}; this page's engine reads storage versions up to ${versionName(upper)} (formats ` +
    `${lower} to ${upper}). Republish the extract with this project's ETL, which writes storage version ` +
    `${BROWSER_DB_STORAGE_VERSION} (or, writing the file yourself, ATTACH it with STORAGE_VERSION ` +
    `'${BROWSER_DB_STORAGE_VERSION}')${newer ? ", or upgrade the page's @atliq bundle to one whose engine reads it" : ''}.`
  );
}
