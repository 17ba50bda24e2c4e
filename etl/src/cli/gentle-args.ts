import type { MySqlOptions } from '../source/mysql.ts';
import { UsageError } from './source-url.ts';

/** The publish flags that make the ETL gentle on a live server. */
export interface GentleArgs {
  'statement-timeout'?: string | undefined;
  'max-threads-running'?: string | undefined;
  'max-replica-lag'?: string | undefined;
  'max-rows-per-second'?: string | undefined;
}

function seconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${flag} must be a number ≥ 0, got "${value}"`);
  return n;
}

/** MySqlSource options from the flags; absent flags keep the source's defaults. */
export function gentleFromArgs(
  args: GentleArgs,
): Pick<MySqlOptions, 'statementTimeoutMs' | 'busy' | 'maxRowsPerSecond'> {
  const timeout = seconds('statement-timeout', args['statement-timeout']);
  const threads = seconds('max-threads-running', args['max-threads-running']);
  const lag = seconds('max-replica-lag', args['max-replica-lag']);
  const rate = seconds('max-rows-per-second', args['max-rows-per-second']);
  return {
    ...(timeout === undefined ? {} : { statementTimeoutMs: timeout * 1000 }),
    ...(rate === undefined ? {} : { maxRowsPerSecond: rate }),
    busy: {
      ...(threads === undefined ? {} : { maxThreadsRunning: Math.floor(threads) }),
      ...(lag === undefined ? {} : { maxReplicaLagSeconds: lag }),
    },
  };
}
