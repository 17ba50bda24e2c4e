/** One member's revenue and profit in the baseline (0) and the current (1) period. */
export interface MarginRow {
  readonly member: string;
  readonly revenue0: number;
  readonly profit0: number;
  readonly revenue1: number;
  readonly profit1: number;
}

/** A change of margin (in percentage points) split into a mix effect and a rate effect that add up to it. */
export interface MarginBridge {
  /** Margins in percent. */
  readonly before: number;
  readonly after: number;
  /** after − before, in percentage points. */
  readonly change: number;
  /** Σ (w₁ − w₀)·m₀: the change had every member kept its margin while revenue moved between members. */
  readonly mix: number;
  /** Σ w₁·(m₁ − m₀): the change of the members' own margins, at today's revenue weights. */
  readonly rate: number;
  readonly members: readonly { member: string; mix: number; rate: number }[];
}

/**
 * Δm = Σ(w₁ − w₀)·m₀ + Σw₁·(m₁ − m₀), with w a member's share of revenue and m its margin. It adds up exactly
 * because Σw·m is the overall margin in each period. A member absent from the baseline takes the baseline's overall
 * margin as m₀ (its w₀ is 0, so any value keeps the identity; this one reads as "new revenue at the old average").
 * Null when either period has no revenue.
 */
export function marginBridge(rows: readonly MarginRow[]): MarginBridge | null {
  const sum = (f: (r: MarginRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const [r0, r1] = [sum((r) => r.revenue0), sum((r) => r.revenue1)];
  if (r0 <= 0 || r1 <= 0) return null;
  const before = (100 * sum((r) => r.profit0)) / r0;
  const after = (100 * sum((r) => r.profit1)) / r1;
  const members = rows.map((r) => {
    const m0 = r.revenue0 > 0 ? (100 * r.profit0) / r.revenue0 : before;
    const m1 = r.revenue1 > 0 ? (100 * r.profit1) / r.revenue1 : m0;
    const [w0, w1] = [r.revenue0 / r0, r.revenue1 / r1];
    return { member: r.member, mix: (w1 - w0) * m0, rate: w1 * (m1 - m0) };
  });
  const mix = members.reduce((s, m) => s + m.mix, 0);
  const rate = members.reduce((s, m) => s + m.rate, 0);
  return { before, after, change: after - before, mix, rate, members };
}
