/** How concentrated a total is on a few members (customers). */
export interface Concentration {
  readonly members: number;
  /** Shares of the total, largest first (0–1). */
  readonly top1: number;
  readonly top5: number;
  /** Herfindahl–Hirschman index, Σ share² (0–1); 1 / HHI is the effective number of members. */
  readonly hhi: number;
  readonly effective: number;
  /** The fewest members that together make 80 % of the total. */
  readonly for80: number;
  /**
   * The Pareto curve: the share of the total the largest k members make together, for k = 1 … members (so the
   * last is 1). One number per member, the points a picture of the curve needs and no names.
   */
  readonly cumulative: readonly number[];
}

/** Concentration of positive `values` (members with nothing, or a loss, hold no share). Null without a positive total. */
export function concentration(values: readonly number[]): Concentration | null {
  const positive = values.filter((v) => v > 0).sort((a, b) => b - a);
  const total = positive.reduce((s, v) => s + v, 0);
  if (total <= 0) return null;
  const shares = positive.map((v) => v / total);
  const hhi = shares.reduce((s, x) => s + x * x, 0);
  const cumulative: number[] = [];
  for (const x of shares) cumulative.push((cumulative.at(-1) ?? 0) + x);
  // The total is reached at the last member, so some k always makes 80 % (allowing for rounding).
  const for80 = cumulative.findIndex((c) => c >= 0.8 - 1e-12) + 1;
  return {
    members: shares.length,
    top1: shares[0]!,
    top5: shares.slice(0, 5).reduce((s, x) => s + x, 0),
    hhi,
    effective: 1 / hhi,
    for80,
    cumulative,
  };
}
