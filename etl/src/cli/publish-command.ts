import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EtlError } from '../errors.ts';
import { DEFAULT_OVERLAP_MONTHS, type RefreshOptions } from '../publish/incremental.ts';
import { type PublishResult, publish } from '../publish/publish.ts';
import type { Retention } from '../publish/retention.ts';
import { type SinkResult, sinkToClickHouse } from '../sink/clickhouse.ts';
import { parseSink, redactSink } from '../sink/clickhouse-url.ts';
import { MySqlSource } from '../source/mysql.ts';
import { createSampleSource } from '../source/sample.ts';
import type { SourceConnection } from '../source/source.ts';
import { parseDuration } from './duration.ts';
import { type GentleArgs, gentleFromArgs } from './gentle-args.ts';
import { progressReporter } from './progress.ts';
import { type RulesArgs, rulesFromArgs } from './rules-args.ts';
import { type ScopesArgs, scopesFromArgs } from './scopes-args.ts';
import { parseSource, redact, SOURCES, UsageError } from './source-url.ts';

export interface PublishArgs extends RulesArgs, GentleArgs, ScopesArgs {
  source?: string | undefined;
  out?: string | undefined;
  'password-file'?: string | undefined;
  keep?: string | undefined;
  'keep-for'?: string | undefined;
  mode?: string | undefined;
  'overlap-months'?: string | undefined;
  'memory-limit'?: string | undefined;
  reconcile?: string | undefined;
  sink?: string | undefined;
  json: boolean;
}

export interface PublishRun extends PublishResult {
  seconds: number;
  /** What `--sink` loaded, when given. */
  sink?: SinkResult;
}

function retentionFromArgs(args: PublishArgs): Retention {
  const keep = Number(args.keep ?? 3);
  if (!Number.isSafeInteger(keep) || keep < 0)
    throw new UsageError(`--keep must be an integer ≥ 0, got "${args.keep}"`);
  return { keep, keepForMs: parseDuration('keep-for', args['keep-for'] ?? '1h') };
}

function refreshFromArgs(args: PublishArgs): RefreshOptions {
  const mode = args.mode ?? 'full';
  if (mode !== 'full' && mode !== 'incremental') {
    throw new UsageError(`--mode must be "full" or "incremental", got "${mode}"`);
  }
  const overlap = Number(args['overlap-months'] ?? DEFAULT_OVERLAP_MONTHS);
  if (!Number.isSafeInteger(overlap) || overlap < 0) {
    throw new UsageError(`--overlap-months must be an integer ≥ 0, got "${args['overlap-months']}"`);
  }
  if (mode === 'full' && args['overlap-months'] !== undefined) {
    throw new UsageError('--overlap-months only applies to --mode incremental');
  }
  return { mode, overlapMonths: overlap };
}

function memoryLimitFromArgs(args: PublishArgs): number | undefined {
  const value = args['memory-limit'];
  if (value === undefined) return undefined;
  const mb = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(mb >= 32)) throw new UsageError(`--memory-limit must be a whole number of MB ≥ 32, got "${value}"`);
  return mb;
}

function reconcileFromArgs(args: PublishArgs): boolean {
  const value = args.reconcile ?? 'on';
  if (value !== 'on' && value !== 'off') throw new UsageError(`--reconcile must be "on" or "off", got "${value}"`);
  return value === 'on';
}

/**
 * Checks the publish flags (a bad one throws a UsageError now, not at the first run) and returns a function that
 * runs one publish, with its own source connection, so `watch` can call it again and again.
 */
export function preparePublish(args: PublishArgs, quiet: boolean): () => Promise<PublishRun> {
  if (!args.source) throw new UsageError(`--source is required: ${SOURCES}`);
  if (!args.out) throw new UsageError('--out is required: the folder to publish the extract into, e.g. --out extracts');
  const out = resolve(args.out);
  const rules = rulesFromArgs(args);
  const retention = retentionFromArgs(args);
  const refresh = refreshFromArgs(args);
  const memoryLimitMb = memoryLimitFromArgs(args);
  const reconcile = reconcileFromArgs(args);
  const scopes = scopesFromArgs(args);
  const spec = parseSource(args.source, process.env, args['password-file']);
  const sink = args.sink === undefined ? undefined : parseSink(args.sink, process.env);
  if (refresh.mode === 'incremental' && spec.kind === 'sample') {
    throw new UsageError('--mode incremental needs a MySQL source: the sample generator has nothing to compare');
  }
  return async () => {
    const started = Date.now();
    // One reporter for the run's events and the source's notices, so a warning never breaks the status line.
    const report = progressReporter(process.stderr, quiet);
    const source: SourceConnection =
      spec.kind === 'sample'
        ? createSampleSource({ rows: spec.rows, withProfit: spec.withProfit })
        : await MySqlSource.create({
            ...spec.options,
            ...gentleFromArgs(args),
            onNotice: (message) => report({ type: 'warning', message }),
          });
    let result: PublishResult;
    try {
      result = await publish({
        source,
        out,
        rules,
        retention,
        refresh,
        memoryLimitMb,
        reconcile,
        scopes,
        onEvent: report,
      });
    } catch (err) {
      if (!(err instanceof EtlError)) throw err;
      throw new EtlError(`${err.message}\nnothing was published: the previous extract keeps serving`, { cause: err });
    } finally {
      await source.close().catch(() => {});
    }
    if (!sink) return { ...result, seconds: (Date.now() - started) / 1000 };
    // After the extract: the sink loads the published, verified snapshot (its checksummed files and manifest).
    try {
      const loaded = await sinkToClickHouse({
        spec: sink,
        snapshotDir: result.snapshotDir,
        manifest: result.manifest,
        manifestText: await readFile(result.manifestPath, 'utf8'),
        retention,
        onEvent: (event) => {
          if (event.type === 'warning') report({ type: 'warning', message: `clickhouse: ${event.message}` });
        },
      });
      return { ...result, seconds: (Date.now() - started) / 1000, sink: loaded };
    } catch (err) {
      if (!(err instanceof EtlError)) throw err;
      throw new EtlError(
        `${err.message}\nthe extract in ${out} was published as ${result.manifest.snapshot_id}, but ClickHouse ` +
          `(${redactSink(args.sink!)}) keeps serving its previous snapshot`,
        { cause: err },
      );
    }
  };
}

/** `publish`: one ETL run from the source into the extract folder. */
export async function publishCommand(args: PublishArgs): Promise<void> {
  const { manifest, manifestPath, seconds, scopes, sink } = await preparePublish(args, args.json)();
  const { quality, snapshot_id } = manifest;
  if (args.json) {
    const summary = {
      ok: true,
      snapshot_id,
      manifest: manifestPath,
      source: redact(args.source!),
      seconds,
      rows_read: quality.rows_read,
      rows_published: quality.rows_published,
      rows_rejected: quality.rows_rejected,
      rejected_by_reason: quality.rejected_by_reason,
      refresh: manifest.refresh,
      profit_check: quality.profit_check,
      reconciliation: quality.reconciliation,
      warnings: quality.warnings ?? [],
      scopes: scopes.map((s) => ({ name: s.name, manifest: s.manifestPath, rows_published: s.rows })),
      ...(sink ? { sink: sinkSummary(args.sink!, sink) } : {}),
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    process.stderr.write(
      `published ${snapshot_id}: ${quality.rows_published} rows, ${quality.rows_rejected} quarantined ` +
        `(${JSON.stringify(quality.rejected_by_reason)}) in ${seconds.toFixed(1)}s → ${manifestPath}\n`,
    );
    const rec = quality.reconciliation;
    process.stderr.write(
      rec?.status === 'matched'
        ? `reconciled with the source: ${rec.lines} lines in ${rec.cells} market × month × currency cells match\n`
        : `not reconciled with the source (${rec?.status === 'off' ? '--reconcile off' : 'it cannot total its lines'})\n`,
    );
    const r = manifest.refresh;
    if (r?.mode === 'incremental') {
      process.stderr.write(
        `incremental: read ${r.months_read} months, copied ${r.months_reused} unchanged months ` +
          `(${r.rows_reused} rows) from ${r.from_snapshot}\n`,
      );
    }
    for (const warning of quality.warnings ?? []) process.stderr.write(`warning: ${warning}\n`);
    if (scopes.length > 0) {
      const each = scopes.map((s) => `${s.name} (${s.rows} rows)`).join(', ');
      process.stderr.write(`published ${scopes.length} scopes of the same snapshot: ${each}\n`);
    }
    if (sink) {
      process.stderr.write(
        `clickhouse: switched to ${sink.table} (${sink.rows} rows; ${sink.rowsPerShard.join(' + ')} by shard) in ` +
          `${sink.seconds.toFixed(1)}s${sink.removed.length ? `; dropped ${sink.removed.join(', ')}` : ''}\n`,
      );
    }
  }
}

function sinkSummary(url: string, sink: SinkResult) {
  return {
    url: redactSink(url),
    snapshot: sink.snapshot,
    table: sink.table,
    rows: sink.rows,
    rows_per_shard: sink.rowsPerShard,
    previous: sink.previous,
    removed: sink.removed,
    seconds: sink.seconds,
  };
}
