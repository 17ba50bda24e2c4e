import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BROWSER_DB_FILE,
  CONTRACT_VERSION,
  type Manifest,
  REPORTING_CURRENCY,
  SNAPSHOTS_DIR,
} from '@atliq/sdk/contract';
import { type CleaningRules, DEFAULT_RULES } from '../config.ts';
import { EtlError } from '../errors.ts';
import { checkSchema } from '../source/schema-drift.ts';
import {
  PROFIT_COLUMNS,
  SOURCE_TABLES,
  type SourceConnection,
  type SourceTableName,
  type SourceTotal,
} from '../source/source.ts';
import { stageTable } from '../stage.ts';
import { buildDimensions } from '../transform/dimensions.ts';
import { buildFacts } from '../transform/facts.ts';
import { profitCheck } from '../transform/profit-reading.ts';
import { qualityReport } from '../transform/quality.ts';
import { reconcile } from '../transform/reconcile.ts';
import { copyMonths } from '../transform/reuse.ts';
import { buildRollups } from '../transform/rollups.ts';
import { removeDebris } from './debris.ts';
import { PARTITION_COLUMN, type RefreshOptions, writeState } from './incremental.ts';
import { acquireLock } from './lock.ts';
import { syncDir, writeManifest } from './manifest-write.ts';
import { writeMonthMarket } from './month-market.ts';
import { planRefresh, refreshInfo } from './refresh-plan.ts';
import { DEFAULT_RETENTION, type Retention, removeOldSnapshots } from './retention.ts';
import { describeSnapshot } from './snapshot-files.ts';
import { newSnapshotId } from './snapshot-id.ts';
import { DEFAULT_MEMORY_LIMIT_MB, openStagingDb, outOfMemoryError } from './staging-db.ts';
import { storageError } from './storage-error.ts';
import { writeSnapshot } from './write-snapshot.ts';

export type RunEvent =
  | { type: 'phase'; phase: 'extract' | 'reconcile' | 'transform' | 'write' | 'verify' | 'publish' }
  | { type: 'rows'; table: SourceTableName; rows: number }
  | { type: 'warning'; message: string };

export interface PublishOptions {
  source: SourceConnection;
  /** Extract folder: receives `manifest.json` and `v/<snapshot-id>/`. */
  out: string;
  rules?: CleaningRules;
  /** Read everything (default), or only the months that changed since the last snapshot (see incremental.ts). */
  refresh?: RefreshOptions;
  /** Which older snapshot folders survive a successful run (default: the newest 3, and any replaced < 1 h ago). */
  retention?: Retention;
  onEvent?: (event: RunEvent) => void;
  /** The staging database's memory limit in MB (default 96; see staging-db.ts). */
  memoryLimitMb?: number;
  /** Check the run's totals against the source's own (default true; see transform/reconcile.ts). */
  reconcile?: boolean;
}

export interface PublishResult {
  manifest: Manifest;
  manifestPath: string;
  snapshotDir: string;
}

const STAGED_TABLES: SourceTableName[] = ['transactions', 'customers', 'products', 'markets'];

/**
 * One ETL run: read one consistent snapshot of the source, clean and shape it, write a complete new snapshot
 * directory, verify it, and only then swap `manifest.json`. Any failure leaves the previous manifest serving.
 */
export async function publish(options: PublishOptions): Promise<PublishResult> {
  const { out } = options;
  let release: () => Promise<void>;
  try {
    await mkdir(join(out, SNAPSHOTS_DIR), { recursive: true });
    release = await acquireLock(out);
  } catch (err) {
    throw storageError(err, out);
  }
  try {
    await removeDebris(out);
    const result = await publishLocked(options);
    await removeOldSnapshots(out, result.manifest.snapshot_id, options.retention ?? DEFAULT_RETENTION).catch((err) =>
      // The new extract is already serving: a folder that cannot be deleted now is retried by the next run.
      options.onEvent?.({ type: 'warning', message: `could not delete old snapshots: ${(err as Error).message}` }),
    );
    return result;
  } catch (err) {
    throw storageError(err, out);
  } finally {
    await release();
  }
}

/** The run itself, once the lock is held and earlier runs' debris is gone. */
async function publishLocked(options: PublishOptions): Promise<PublishResult> {
  const { source, out } = options;
  const rules = options.rules ?? DEFAULT_RULES;
  const emit = options.onEvent ?? (() => {});
  const id = await newSnapshotId(out);
  const stagingPath = join(out, `.staging-${id}`);
  const tmpDir = join(out, SNAPSHOTS_DIR, `.tmp-${id}`);
  const finalDir = join(out, SNAPSHOTS_DIR, id);
  await mkdir(stagingPath);
  const memoryLimitMb = options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
  const instance = await openStagingDb(join(stagingPath, 'spill'), memoryLimitMb);
  const db = await instance.connect();
  try {
    emit({ type: 'phase', phase: 'extract' });
    const { snapshotAt, withProfit, plan, totals } = await source.withSnapshot(async (snapshot) => {
      const hasProfit = await checkSchema(db, snapshot, rules.schemaDrift);
      const columnsOf = (table: SourceTableName): string[] => [
        ...SOURCE_TABLES[table],
        ...(table === 'transactions' && hasProfit ? PROFIT_COLUMNS : []),
      ];
      const refresh = options.refresh ?? { mode: 'full' };
      const plan = await planRefresh(db, snapshot, out, rules, hasProfit, columnsOf('transactions'), refresh);
      if (plan?.reason) emit({ type: 'warning', message: `reading everything: ${plan.reason}` });
      for (const table of STAGED_TABLES) {
        const skip =
          table === 'transactions' && plan?.reuse.length ? { column: PARTITION_COLUMN, months: plan.reuse } : undefined;
        await stageTable(
          db,
          snapshot,
          table,
          columnsOf(table),
          stagingPath,
          (t, rows) => emit({ type: 'rows', table: t, rows }),
          skip,
        );
      }
      // Inside the snapshot: the source totals exactly the lines the run read (and those it copies).
      let totals: SourceTotal[] | 'off' | 'unavailable' = 'off';
      if (options.reconcile !== false) {
        emit({ type: 'phase', phase: 'reconcile' });
        totals = snapshot.totals ? await snapshot.totals(hasProfit) : 'unavailable';
      }
      return { snapshotAt: snapshot.snapshotAt, withProfit: hasProfit, plan, totals };
    });

    emit({ type: 'phase', phase: 'transform' });
    const from = plan?.from;
    const reuse = plan?.reuse ?? [];
    // Copied months were published with the previous snapshot's profit reading: this run must read profit alike.
    const previousProfit =
      from?.profit && reuse.length ? { snapshotId: from.snapshotId, reading: from.profit } : undefined;
    const profit = await buildFacts(db, rules, withProfit, previousProfit);
    const rowsReused = from ? await copyMonths(db, from.dir, reuse) : 0;
    await buildDimensions(db);
    await buildRollups(db);
    const quality = await qualityReport(db, rowsReused);
    if (profit) quality.profit_check = await profitCheck(db, profit);
    quality.reconciliation =
      typeof totals === 'string' ? { status: totals } : await reconcile(db, totals, withProfit, profit);
    if (plan && quality.rows_read !== plan.sourceRows) {
      throw new EtlError(
        `the source counted ${plan.sourceRows} transactions at the snapshot but ${quality.rows_read} were read or reused`,
        { phase: 'verify' },
      );
    }

    emit({ type: 'phase', phase: 'write' });
    await mkdir(tmpDir);
    await writeSnapshot(db, tmpDir);

    emit({ type: 'phase', phase: 'verify' });
    const files = await describeSnapshot(db, tmpDir, `${SNAPSHOTS_DIR}/${id}`);
    const published = files.find((f) => f.table === 'browser_db')?.rows;
    const inParquet = files.filter((f) => f.table === 'fact_sales').reduce((n, f) => n + f.rows, 0);
    if (published !== quality.rows_published || inParquet !== quality.rows_published) {
      throw new EtlError(
        `written files disagree: ${inParquet} fact rows in Parquet, ${published} in ${BROWSER_DB_FILE}, ${quality.rows_published} expected`,
        { phase: 'verify' },
      );
    }

    // Written after describeSnapshot: it is listed on its own in the manifest, not as a table file.
    const monthMarket = await writeMonthMarket(db, tmpDir, `${SNAPSHOTS_DIR}/${id}`);
    if (plan) await writeState(tmpDir, { ...plan.state, ...(profit ? { profit } : {}) });

    emit({ type: 'phase', phase: 'publish' });
    await rename(tmpDir, finalDir);
    await syncDir(join(out, SNAPSHOTS_DIR));
    const manifest: Manifest = {
      contract_version: CONTRACT_VERSION,
      snapshot_id: id,
      generated_at: new Date().toISOString(),
      source: { ...source.info, snapshot_at: snapshotAt.toISOString() },
      reporting_currency: REPORTING_CURRENCY,
      fx_rates: rules.fxRates,
      measures: { revenue: true, quantity: true, profit: withProfit },
      browser_db: `${SNAPSHOTS_DIR}/${id}/${BROWSER_DB_FILE}`,
      files,
      quality,
      refresh: refreshInfo(plan, rowsReused),
      month_market: monthMarket,
    };
    const manifestPath = await writeManifest(out, manifest);
    return { manifest, manifestPath, snapshotDir: finalDir };
  } catch (err) {
    await rm(tmpDir, { recursive: true, force: true });
    throw outOfMemoryError(err, memoryLimitMb);
  } finally {
    db.closeSync();
    instance.closeSync();
    await rm(stagingPath, { recursive: true, force: true });
  }
}
