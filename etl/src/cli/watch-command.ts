import { setTimeout as sleep } from 'node:timers/promises';
import { parseDuration } from './duration.ts';
import { type PublishArgs, preparePublish } from './publish-command.ts';
import { UsageError } from './source-url.ts';

export interface WatchArgs extends PublishArgs {
  every?: string | undefined;
}

// setTimeout fires at once for longer delays (Node clamps them to 1 ms with a warning).
const MAX_TIMER_MS = 2 ** 31 - 1;

const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);

/**
 * `watch`: publishes now, then `--every` after each run ended (runs never overlap), one log line per run. A failed
 * run is logged and the next one tried on schedule; the previous extract keeps serving meanwhile. SIGINT/SIGTERM
 * stop it at once when idle and after the current run otherwise, so it never leaves a run half done.
 */
export async function watchCommand(args: WatchArgs): Promise<void> {
  if (!args.every) throw new UsageError('watch needs --every (e.g. --every 5m)');
  const everyMs = parseDuration('every', args.every);
  if (everyMs > MAX_TIMER_MS) throw new UsageError(`--every must be at most 24d, got "${args.every}"`);
  const run = preparePublish(args, true);
  const idle = new AbortController();
  let running = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means "now": a run killed mid-way leaves only debris, which the next run deletes.
    if (idle.signal.aborted) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    log(`${signal}: stopping${running ? ' after the current run' : ''}`);
    idle.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    while (!idle.signal.aborted) {
      const started = Date.now();
      running = true;
      try {
        const { manifest, seconds } = await run();
        log(`ok ${manifest.snapshot_id}: ${manifest.quality.rows_published} rows in ${seconds.toFixed(1)}s`);
      } catch (err) {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        log(`failed after ${seconds}s: ${String((err as Error)?.message ?? err).replaceAll('\n', ' — ')}`);
      } finally {
        running = false;
      }
      await sleep(everyMs, undefined, { signal: idle.signal }).catch(() => {});
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
