import { type Manifest, MONTH_MARKET_COLUMNS, MONTH_MARKET_SUMS, type MonthMarketRow, TABLES } from './contract.ts';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown, nullable = false): boolean => typeof v === 'string' || (nullable && v === null);

function isRow(v: unknown): v is MonthMarketRow {
  if (!Array.isArray(v) || v.length !== MONTH_MARKET_COLUMNS.length) return false;
  const [year, month, market, zone, ...sums] = v;
  const columns = TABLES.agg_sales_month_market.columns;
  return (
    isNumber(year) &&
    isNumber(month) &&
    isText(market) &&
    isText(zone, true) &&
    sums.every((s, i) => isNumber(s) || (s === null && columns[MONTH_MARKET_SUMS[i]!].nullable))
  );
}

async function sha256(bytes: ArrayBuffer): Promise<string | null> {
  // Only secure contexts (https, localhost) have SubtleCrypto; a plain-http intranet page checks size and shape.
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The snapshot's month × market rows, or null when the manifest lists none (an older ETL) or the file is not exactly
 * what the manifest describes (checksum, size, rows, shape). Null is never an error: the engine answers instead.
 */
export async function loadMonthMarket(
  manifestUrl: string,
  manifest: Manifest,
  fetchFn: typeof fetch = fetch,
): Promise<MonthMarketRow[] | null> {
  const listed = manifest.month_market;
  if (!listed) return null;
  try {
    const response = await fetchFn(new URL(listed.path, manifestUrl).href);
    if (!response.ok) return null;
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength !== listed.bytes) return null;
    const digest = await sha256(bytes);
    if (digest !== null && digest !== listed.sha256) return null;
    const file = JSON.parse(new TextDecoder().decode(bytes)) as { columns?: unknown; rows?: unknown };
    const columnsMatch = JSON.stringify(file.columns) === JSON.stringify(MONTH_MARKET_COLUMNS);
    if (!columnsMatch || !Array.isArray(file.rows) || file.rows.length !== listed.rows) return null;
    return file.rows.every(isRow) ? (file.rows as MonthMarketRow[]) : null;
  } catch {
    return null;
  }
}
