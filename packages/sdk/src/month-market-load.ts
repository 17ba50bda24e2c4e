import {
  DAY_MARKET_COLUMNS,
  type DayMarketRow,
  type Manifest,
  MONTH_MARKET_COLUMNS,
  MONTH_MARKET_SUMS,
  type MonthMarketRow,
  TABLES,
} from './contract.ts';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown, nullable = false): boolean => typeof v === 'string' || (nullable && v === null);

export const areSums = (sums: unknown[]) =>
  sums.every(
    (s, i) => isNumber(s) || (s === null && TABLES.agg_sales_month_market.columns[MONTH_MARKET_SUMS[i]!].nullable),
  );

function isRow(v: unknown): v is MonthMarketRow {
  if (!Array.isArray(v) || v.length !== MONTH_MARKET_COLUMNS.length) return false;
  const [year, month, market, zone, ...sums] = v;
  return isNumber(year) && isNumber(month) && isText(market) && isText(zone, true) && areSums(sums);
}

function isDayRow(v: unknown): v is DayMarketRow {
  if (!Array.isArray(v) || v.length !== DAY_MARKET_COLUMNS.length) return false;
  const [day, market, zone, ...sums] = v;
  return (
    typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) && isText(market) && isText(zone, true) && areSums(sums)
  );
}

async function sha256(bytes: ArrayBuffer): Promise<string | null> {
  // Only secure contexts (https, localhost) have SubtleCrypto; a plain-http intranet page checks size and shape.
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The parsed JSON of a file the manifest lists with its size and checksum, or null when it is not exactly that file
 * (missing, another size, another checksum) or not JSON.
 */
export async function fetchListed(
  manifestUrl: string,
  listed: { path: string; bytes: number; sha256: string } | undefined,
  fetchFn: typeof fetch,
): Promise<unknown> {
  if (!listed) return null;
  try {
    const response = await fetchFn(new URL(listed.path, manifestUrl).href);
    if (!response.ok) return null;
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength !== listed.bytes) return null;
    const digest = await sha256(bytes);
    if (digest !== null && digest !== listed.sha256) return null;
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return null;
  }
}

/** A JSON file the manifest lists with its size, row count and checksum, and the columns and rows it must hold. */
async function loadListed<R>(
  manifestUrl: string,
  listed: { path: string; rows: number; bytes: number; sha256: string } | undefined,
  columns: readonly string[],
  isRowOf: (v: unknown) => v is R,
  fetchFn: typeof fetch,
): Promise<R[] | null> {
  const file = (await fetchListed(manifestUrl, listed, fetchFn)) as { columns?: unknown; rows?: unknown } | null;
  if (!file || typeof file !== 'object') return null;
  const columnsMatch = JSON.stringify(file.columns) === JSON.stringify(columns);
  if (!columnsMatch || !Array.isArray(file.rows) || file.rows.length !== listed!.rows) return null;
  return file.rows.every(isRowOf) ? (file.rows as R[]) : null;
}

/**
 * The snapshot's month × market rows, or null when the manifest lists none (an older ETL) or the file is not exactly
 * what the manifest describes (checksum, size, rows, shape). Null is never an error: the engine answers instead.
 */
export function loadMonthMarket(
  manifestUrl: string,
  manifest: Manifest,
  fetchFn: typeof fetch = fetch,
): Promise<MonthMarketRow[] | null> {
  return loadListed(manifestUrl, manifest.month_market, MONTH_MARKET_COLUMNS, isRow, fetchFn);
}

/** The snapshot's day × market rows of the months the manifest lists, or null as {@link loadMonthMarket}. */
export function loadDayMarket(
  manifestUrl: string,
  manifest: Manifest,
  fetchFn: typeof fetch = fetch,
): Promise<DayMarketRow[] | null> {
  return loadListed(manifestUrl, manifest.day_market, DAY_MARKET_COLUMNS, isDayRow, fetchFn);
}
