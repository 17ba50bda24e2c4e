import { resolve } from 'node:path';
import { EtlError } from '../errors.ts';
import { publish } from '../publish/publish.ts';
import { MySqlSource } from '../source/mysql.ts';
import { createSampleSource } from '../source/sample.ts';
import type { SourceConnection } from '../source/source.ts';
import { type GentleArgs, gentleFromArgs } from './gentle-args.ts';
import { progressReporter } from './progress.ts';
import { type RulesArgs, rulesFromArgs } from './rules-args.ts';
import { parseSource, redact, UsageError } from './source-url.ts';

export interface PublishArgs extends RulesArgs, GentleArgs {
  source?: string | undefined;
  out?: string | undefined;
  'password-file'?: string | undefined;
  json: boolean;
}

/** `publish`: one ETL run from the source into the extract folder. */
export async function publishCommand(args: PublishArgs): Promise<void> {
  if (!args.source || !args.out) throw new UsageError('publish needs --source and --out');
  const rules = rulesFromArgs(args);
  const spec = parseSource(args.source, process.env, args['password-file']);
  const source: SourceConnection =
    spec.kind === 'sample'
      ? createSampleSource({ rows: spec.rows, withProfit: spec.withProfit })
      : await MySqlSource.create({
          ...spec.options,
          ...gentleFromArgs(args),
          onNotice: (message) => process.stderr.write(`warning: ${message}\n`),
        });
  try {
    const started = Date.now();
    const result = await publish({
      source,
      out: resolve(args.out),
      rules,
      onEvent: progressReporter(process.stderr, args.json),
    });
    const { quality, snapshot_id } = result.manifest;
    const seconds = (Date.now() - started) / 1000;
    if (args.json) {
      const summary = {
        ok: true,
        snapshot_id,
        manifest: result.manifestPath,
        source: redact(args.source),
        seconds,
        rows_read: quality.rows_read,
        rows_published: quality.rows_published,
        rows_rejected: quality.rows_rejected,
        rejected_by_reason: quality.rejected_by_reason,
      };
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      process.stderr.write(
        `published ${snapshot_id}: ${quality.rows_published} rows, ${quality.rows_rejected} quarantined ` +
          `(${JSON.stringify(quality.rejected_by_reason)}) in ${seconds.toFixed(1)}s → ${result.manifestPath}\n`,
      );
    }
  } catch (err) {
    if (!(err instanceof EtlError)) throw err;
    throw new EtlError(`${err.message}\nnothing was published: the previous extract keeps serving`, { cause: err });
  } finally {
    await source.close().catch(() => {});
  }
}
