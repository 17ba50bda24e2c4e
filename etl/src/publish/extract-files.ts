import { BROWSER_DB_FILE, type Manifest, type ManifestFile } from '@atliq/sdk/contract';
import type { DuckDBConnection } from '@duckdb/node-api';
import { EtlError } from '../errors.ts';
import { writeBridgeGrain } from './bridge-grain.ts';
import { writeDayMarket, writeMonthMarket } from './month-market.ts';
import { describeSnapshot } from './snapshot-files.ts';
import { writeSnapshot } from './write-snapshot.ts';

export interface ExtractFiles {
  files: ManifestFile[];
  monthMarket: NonNullable<Manifest['month_market']>;
  /** Null for an aggregate scope, whose facts are empty. */
  dayMarket: Manifest['day_market'] | null;
  /** Null for an aggregate scope, as `dayMarket`. */
  bridgeGrain: Manifest['bridge_grain'] | null;
}

/**
 * Writes the published tables of the connection's current database into the snapshot folder `dir` (the full
 * extract's, or a scope's), checks that Parquet and `sales.duckdb` each hold `factRows` facts, and describes the
 * files for the manifest (`prefix`: the folder's path relative to the manifest). `phase` hears write and verify.
 */
export async function writeExtractFiles(
  db: DuckDBConnection,
  dir: string,
  prefix: string,
  factRows: number,
  phase: (name: 'write' | 'verify') => void = () => {},
): Promise<ExtractFiles> {
  phase('write');
  await writeSnapshot(db, dir);
  phase('verify');
  const files = await describeSnapshot(db, dir, prefix);
  const inDb = files.find((f) => f.table === 'browser_db')?.rows;
  const inParquet = files.filter((f) => f.table === 'fact_sales').reduce((n, f) => n + f.rows, 0);
  if (inDb !== factRows || inParquet !== factRows) {
    throw new EtlError(
      `written files disagree: ${inParquet} fact rows in Parquet, ${inDb} in ${BROWSER_DB_FILE}, ${factRows} expected`,
      { phase: 'verify' },
    );
  }
  // Written after describeSnapshot: it is listed on its own in the manifest, not as a table file.
  const monthMarket = await writeMonthMarket(db, dir, prefix);
  const dayMarket = await writeDayMarket(db, dir, prefix);
  const bridgeGrain = await writeBridgeGrain(db, dir, prefix);
  return { files, monthMarket, dayMarket, bridgeGrain };
}
