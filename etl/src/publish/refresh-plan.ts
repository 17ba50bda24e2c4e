import type { RefreshInfo } from '@atliq/sdk/contract';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CleaningRules } from '../config.ts';
import { EtlError } from '../errors.ts';
import type { MonthFingerprint, SourceSnapshot } from '../source/source.ts';
import type { ProfitReading } from '../transform/profit-reading.ts';
import { monthRows } from '../transform/reuse.ts';
import {
  DEFAULT_OVERLAP_MONTHS,
  PARTITION_COLUMN,
  type PartitionState,
  type RefreshOptions,
  readPreviousState,
  reusableMonths,
  stateKey,
} from './incremental.ts';

/** How a run asked to be incremental reads `transactions`. */
export interface RefreshPlan {
  /** The state this snapshot will carry for the next run. */
  state: PartitionState;
  /** The snapshot months are copied from (and how it read profit), or null when everything is read (`reason`). */
  from: { dir: string; snapshotId: string; profit?: ProfitReading } | null;
  reason?: string;
  /** Months copied from `from` instead of read. */
  reuse: string[];
  /** Rows the source counted at this snapshot: read + reused must equal it. */
  sourceRows: number;
}

/**
 * Fingerprints the source's months inside the run's snapshot and decides which ones the previous snapshot can
 * supply. A month is only reused when its fingerprint is unchanged and the previous snapshot holds exactly the rows
 * its fingerprint counted (a row whose date the source and the ETL read differently would otherwise be lost).
 */
export async function planRefresh(
  db: DuckDBConnection,
  snapshot: SourceSnapshot,
  out: string,
  rules: CleaningRules,
  withProfit: boolean,
  columns: readonly string[],
  options: RefreshOptions,
): Promise<RefreshPlan | null> {
  if (options.mode !== 'incremental') return null;
  if (!snapshot.monthFingerprints) {
    throw new EtlError('this source cannot be read incrementally (it has no month fingerprints); use --mode full', {
      phase: 'config',
    });
  }
  const months: MonthFingerprint[] = await snapshot.monthFingerprints('transactions', PARTITION_COLUMN, columns);
  const state: PartitionState = { version: 1, key: stateKey(rules, withProfit, columns), months };
  const sourceRows = months.reduce((n, m) => n + m.rows, 0);
  const full = (reason: string): RefreshPlan => ({ state, from: null, reason, reuse: [], sourceRows });

  const previous = await readPreviousState(out);
  if ('reason' in previous) return full(previous.reason);
  if (previous.state.key !== state.key) {
    return full(`the cleaning rules, profit columns or contract changed since snapshot ${previous.snapshotId}`);
  }
  const candidates = reusableMonths(previous.state.months, months, options.overlapMonths ?? DEFAULT_OVERLAP_MONTHS);
  const held = await monthRows(db, previous.dir, candidates);
  const counted = new Map(months.map((m) => [m.month, m.rows]));
  const reuse = candidates.filter((m) => held.get(m) === counted.get(m));
  const from = { dir: previous.dir, snapshotId: previous.snapshotId, profit: previous.state.profit };
  return { state, from, reuse, sourceRows };
}

/** The manifest's account of what this run read and what it copied from the previous snapshot. */
export function refreshInfo(plan: RefreshPlan | null, rowsReused: number): RefreshInfo {
  if (!plan?.from) return { mode: 'full', ...(plan?.reason ? { reason: plan.reason } : {}) };
  const dated = plan.state.months.filter((m) => m.month !== null).length;
  return {
    mode: 'incremental',
    from_snapshot: plan.from.snapshotId,
    months_read: dated - plan.reuse.length,
    months_reused: plan.reuse.length,
    rows_reused: rowsReused,
  };
}
