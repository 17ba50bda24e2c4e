import { UsageError } from './source-url.ts';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses a duration flag (`30s`, `5m`, `1.5h`, `2d`) into milliseconds; a unit is required so `5` is never a guess. */
export function parseDuration(flag: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?)([smhd])$/.exec(value.trim());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : Number.NaN;
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new UsageError(`--${flag} must be a positive duration such as 90s, 5m, 24h or 2d, got "${value}"`);
  }
  return ms;
}
