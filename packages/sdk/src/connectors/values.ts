import type { Value } from '../connector.ts';

/**
 * Engines hand back 64-bit integers as bigint (count(*), sum of integers); charts and JSON need numbers.
 * Sums and counts of an extract stay far below 2^53, where the conversion is exact.
 */
export function bigintToNumber(v: bigint): number {
  return Number(v);
}

/** A DATE arrives as epoch milliseconds at UTC midnight; formatting in UTC keeps the day whatever the page's TZ. */
export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** A TIMESTAMP (without time zone) as ISO-8601 text, read as UTC so no local offset creeps in. */
export function isoTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '');
}

/** Plain values pass through; bigint becomes a number; anything else (nested types) becomes text. */
export function plainValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return bigintToNumber(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}
