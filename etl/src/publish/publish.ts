import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BROWSER_DB_FILE,
  CONTRACT_VERSION,
  MANIFEST_FILE,
  type Manifest,
  REPORTING_CURRENCY,
  SNAPSHOTS_DIR,
} from '@atliq/sdk/contract';
import { type CleaningRules, DEFAULT_RULES } from '../config.ts';
import { EtlError } from '../errors.ts';
import type { Scope } from '../scopes.ts';
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
import { writeExtractFiles } from './extract-files.ts';
import { PARTITION_COLUMN, type RefreshOptions, writeState } from './incremental.ts';
import { acquireLock } from './lock.ts';
import { syncDir, writeManifest } from './manifest-write.ts';
import { planRefresh, refreshInfo } from './refresh-plan.ts';
import { DEFAULT_RETENTION, type Retention, removeOldSnapshots } from './retention.ts';
import { type BuiltScope, buildScope, type ManifestBase } from './scope-build.ts';
import { prepareScopeRoots, switchScopes, tidyScopeRoots } from './scope-roots.ts';
import { newSnapshotId } from './snapshot-id.ts';
import { DEFAULT_MEMORY_LIMIT_MB, openStagingDb, outOfMemoryError } from './staging-db.ts';
import { storageError } from './storage-error.ts';

export type RunEvent =
  | { type: 'phase'; phase: 'extract' | 'reconcile' | 'transform' | 'write' | 'verify' | 'scopes' | 'publish' }
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
  /**
   * Scoped extracts to publish beside the full one, each under `<out>/scopes/<name>/` from the same snapshot (see
   * scope-build.ts). Switched in the same run: every scope's manifest first, then the full extract's.
   */
  scopes?: readonly Scope[];
}

export interface PublishResult {
  manifest: Manifest;
  manifestPath: string;
  snapshotDir: string;
  /** Each scope published with it: its manifest's path and the rows it publishes. */
  scopes: { name: string; manifestPath: string; rows: number }[];
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
    const warn = (message: string) => options.onEvent?.({ type: 'warning', message });
    await prepareScopeRoots(out, options.scopes ?? [], warn);
    const result = await publishLocked(options);
    const retention = options.retention ?? DEFAULT_RETENTION;
    // The new extract is already serving: a folder that cannot be deleted now is retried by the next run.
    await removeOldSnapshots(out, result.manifest.snapshot_id, retention).catch((err) =>
      warn(`could not delete old snapshots: ${(err as Error).message}`),
    );
    await tidyScopeRoots(out, options.scopes ?? [], result.manifest.snapshot_id, retention, warn);
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
  const scopes: BuiltScope[] = [];
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

    await mkdir(tmpDir);
    const prefix = `${SNAPSHOTS_DIR}/${id}`;
    const { files, monthMarket, dayMarket, bridgeGrain } = await writeExtractFiles(
      db,
      tmpDir,
      prefix,
      quality.rows_published,
      (phase) => emit({ type: 'phase', phase }),
    );
    if (plan) await writeState(tmpDir, { ...plan.state, ...(profit ? { profit } : {}) });

    const base: ManifestBase = {
      contract_version: CONTRACT_VERSION,
      snapshot_id: id,
      generated_at: new Date().toISOString(),
      source: { ...source.info, snapshot_at: snapshotAt.toISOString() },
      reporting_currency: REPORTING_CURRENCY,
      fx_rates: rules.fxRates,
      measures: { revenue: true, quantity: true, profit: withProfit },
    };
    const refresh = refreshInfo(plan, rowsReused);
    if (options.scopes?.length) {
      emit({ type: 'phase', phase: 'scopes' });
      const warn = (message: string) => emit({ type: 'warning', message });
      const run = { out, base, quality, refreshMode: refresh.mode, withProfit, profit, warn };
      for (const scope of options.scopes) scopes.push(await buildScope(db, scope, run));
    }

    emit({ type: 'phase', phase: 'publish' });
    await rename(tmpDir, finalDir);
    await syncDir(join(out, SNAPSHOTS_DIR));
    // Every scope before the full extract: once the full manifest names this snapshot, so do all the scopes'.
    await switchScopes(scopes);
    const manifest: Manifest = {
      ...base,
      browser_db: `${prefix}/${BROWSER_DB_FILE}`,
      files,
      quality,
      refresh,
      month_market: monthMarket,
      ...(dayMarket ? { day_market: dayMarket } : {}),
      ...(bridgeGrain ? { bridge_grain: bridgeGrain } : {}),
    };
    const manifestPath = await writeManifest(out, manifest);
    const published = scopes.map(({ root, manifest: m }) => ({
      name: m.scope!.name,
      manifestPath: join(root, MANIFEST_FILE),
      rows: m.quality.rows_published,
    }));
    return { manifest, manifestPath, snapshotDir: finalDir, scopes: published };
  } catch (err) {
    await rm(tmpDir, { recursive: true, force: true });
    for (const scope of scopes) await rm(scope.tmpDir, { recursive: true, force: true });
    throw outOfMemoryError(err, memoryLimitMb);
  } finally {
    db.closeSync();
    instance.closeSync();
    await rm(stagingPath, { recursive: true, force: true });
  }
}
