import { errorFunction, median } from 'simple-statistics';

/** The Mann–Kendall trend test of a series in time order. */
export interface MannKendall {
  readonly n: number;
  /** Concordant minus discordant pairs: > 0 rising, < 0 falling. */
  readonly s: number;
  /** Var(S) under no trend, corrected for ties. */
  readonly variance: number;
  /** Continuity-corrected standard score of S. */
  readonly z: number;
  /** Two-sided p-value of "no monotonic trend" (normal approximation). */
  readonly p: number;
}

/** P(|Z| ≥ |z|) for a standard normal Z: the two-sided tail, erfc(|z| / √2). */
export function twoSidedP(z: number): number {
  return 1 - errorFunction(Math.abs(z) / Math.SQRT2);
}

/**
 * Mann–Kendall: S = Σ sign(xⱼ − xᵢ) over every pair i < j, Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18 over the
 * groups of t tied values, z = (S − sign S) / √Var(S). Null for fewer than 3 values or a constant series.
 */
export function mannKendall(values: readonly number[]): MannKendall | null {
  const n = values.length;
  if (n < 3) return null;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign(values[j]! - values[i]!);
  }
  const ties = new Map<number, number>();
  for (const v of values) ties.set(v, (ties.get(v) ?? 0) + 1);
  const tied = [...ties.values()].reduce((sum, t) => sum + t * (t - 1) * (2 * t + 5), 0);
  const variance = (n * (n - 1) * (2 * n + 5) - tied) / 18;
  if (variance <= 0) return null;
  const z = (s - Math.sign(s)) / Math.sqrt(variance);
  return { n, s, variance, z, p: twoSidedP(z) };
}

/**
 * Theil–Sen slope: the median of the slopes between every pair of points, at `xs` (equal steps when omitted, e.g.
 * months with one missing keep their distance).
 */
export function theilSen(values: readonly number[], xs: readonly number[] = values.map((_, i) => i)): number | null {
  const slopes: number[] = [];
  for (let i = 0; i < values.length - 1; i++) {
    for (let j = i + 1; j < values.length; j++) slopes.push((values[j]! - values[i]!) / (xs[j]! - xs[i]!));
  }
  return slopes.length > 0 ? median(slopes) : null;
}
