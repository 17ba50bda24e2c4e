import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTRACT_VERSION, MANIFEST_FILE, SNAPSHOTS_DIR } from '@atliq/sdk/contract';
import type { CleaningRules } from '../config.ts';
import type { MonthFingerprint } from '../source/source.ts';
import type { ProfitReading } from '../transform/profit-reading.ts';

/**
 * Incremental refresh by month partitions. `transactions` has no key and no change timestamp, so a changed row
 * cannot be matched to its old version: the unit of change is a whole month of `order_date`. The source
 * fingerprints every month (rows + checksum, computed on the server without sending rows); months whose
 * fingerprint equals the previous run's are copied from the previous snapshot, all others are read again.
 */

/** Written beside a snapshot's data files (not listed in the manifest: it is the ETL's, not the browser's). */
export const STATE_FILE = 'etl-state.json';

export interface RefreshOptions {
  mode: 'full' | 'incremental';
  /**
   * The newest N months of the previous run are read again even when their fingerprint did not change: the months
   * a live system still writes to are where a checksum collision would hurt. Default 1.
   */
  overlapMonths?: number;
}

/**
 * The partition column is the one published as `fact_sales.order_date`: a reused month must be found again in the
 * published rows. (A change column such as `updated_at` would not help: without a key an updated row cannot
 * replace its old version.)
 */
export const PARTITION_COLUMN = 'order_date';
export const DEFAULT_OVERLAP_MONTHS = 1;

/** What a later incremental run needs to know about this snapshot. */
export interface PartitionState {
  version: 1;
  /** Everything that shapes a published row from a source row; months are only reusable under an equal key. */
  key: string;
  /** The source's fingerprint of every month at this snapshot. */
  months: MonthFingerprint[];
  /** How this snapshot read the profit columns: the months a later run copies were published with it. */
  profit?: ProfitReading;
}

/** The identity of a run's cleaning: a reused month was cleaned by a run with the same identity. */
export function stateKey(rules: CleaningRules, withProfit: boolean, columns: readonly string[]): string {
  const fx = Object.entries(rules.fxRates).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify({
    contract: CONTRACT_VERSION,
    fx,
    nonPositive: rules.rejectNonPositiveAmounts,
    duplicates: rules.rejectDuplicates,
    inconsistentProfit: rules.rejectInconsistentProfit,
    profitCurrency: rules.profitCurrency ?? 'detect',
    withProfit,
    columns,
  });
}

export type PreviousState = { dir: string; snapshotId: string; state: PartitionState } | { reason: string };

const isState = (v: unknown): v is PartitionState =>
  typeof v === 'object' &&
  v !== null &&
  (v as PartitionState).version === 1 &&
  Array.isArray((v as PartitionState).months);

/** The snapshot `manifest.json` serves now and its partition state, or why an incremental run cannot build on it. */
export async function readPreviousState(out: string): Promise<PreviousState> {
  let snapshotId: string;
  try {
    snapshotId = JSON.parse(await readFile(join(out, MANIFEST_FILE), 'utf8')).snapshot_id;
  } catch {
    return { reason: 'there is no previous snapshot' };
  }
  const dir = join(out, SNAPSHOTS_DIR, String(snapshotId));
  try {
    const state: unknown = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8'));
    if (isState(state)) return { dir, snapshotId, state };
  } catch {
    // Fall through: a full run (or an older ETL) wrote no state.
  }
  return { reason: `the previous snapshot ${snapshotId} has no partition state (it was not an incremental-ready run)` };
}

export async function writeState(dir: string, state: PartitionState): Promise<void> {
  await writeFile(join(dir, STATE_FILE), `${JSON.stringify(state)}\n`);
}

/**
 * The months an incremental run may copy from the previous snapshot: fingerprint unchanged, and not among the
 * previous run's newest `overlapMonths`. Rows without a valid date (month null) are always read again.
 */
export function reusableMonths(
  previous: readonly MonthFingerprint[],
  now: readonly MonthFingerprint[],
  overlapMonths: number,
): string[] {
  const dated = previous.filter((p): p is MonthFingerprint & { month: string } => p.month !== null);
  const newest = new Set(
    dated
      .map((p) => p.month)
      .sort()
      .slice(dated.length - Math.min(overlapMonths, dated.length)),
  );
  const before = new Map(dated.map((p) => [p.month, p]));
  return now
    .filter((n): n is MonthFingerprint & { month: string } => n.month !== null && !newest.has(n.month))
    .filter((n) => {
      const p = before.get(n.month);
      return p !== undefined && p.rows === n.rows && p.checksum === n.checksum;
    })
    .map((n) => n.month)
    .sort();
}
