import { describe, expect, it } from 'vitest';
import { concentration } from './concentration.ts';
import { benjaminiHochberg, robustZ } from './robust.ts';
import { mannKendall, theilSen, twoSidedP } from './trend-test.ts';

describe('mannKendall()', () => {
  it('matches the published worked example (Little, "A Mann-Kendall example by hand", Holy Cross)', () => {
    // 14 values, one tied pair: S = 54, V = (14·13·33 − 2·1·9) / 18, Z = (S − 1)/√V = 2.9058, one-sided p ≈ .0018.
    const series = [12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7];
    const mk = mannKendall(series)!;
    expect(mk.s).toBe(54);
    expect(mk.variance).toBeCloseTo((14 * 13 * 33 - 2 * 1 * 9) / 18, 10);
    expect(mk.z).toBeCloseTo(2.9058, 4);
    expect(mk.p / 2).toBeCloseTo(0.0018, 4);
  });
  it('a strictly rising series of five: S = 10, Var = 50/3, p ≈ 0.0275 (hand-computed)', () => {
    const mk = mannKendall([1, 2, 3, 4, 5])!;
    expect(mk).toMatchObject({ n: 5, s: 10 });
    expect(mk.variance).toBeCloseTo(50 / 3, 10);
    expect(mk.z).toBeCloseTo(9 / Math.sqrt(50 / 3), 10);
    expect(mk.p).toBeCloseTo(0.0275, 4);
    expect(mannKendall([5, 4, 3, 2, 1])!.s).toBe(-10);
  });
  it('is null for too few values or no variation', () => {
    expect(mannKendall([1, 2])).toBeNull();
    expect(mannKendall([3, 3, 3, 3])).toBeNull();
  });
});

describe('twoSidedP()', () => {
  it('gives the normal tails of the standard table', () => {
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(-2.575829)).toBeCloseTo(0.01, 6);
    expect(twoSidedP(0)).toBeCloseTo(1, 6);
  });
});

describe('theilSen()', () => {
  it('is the median of the pairwise slopes (hand-computed)', () => {
    // Slopes: 2, 0.5, 4/3, −1, 1, 3 → median (1 + 4/3) / 2.
    expect(theilSen([1, 3, 2, 5])).toBeCloseTo(7 / 6, 12);
    // One outlier does not move it.
    expect(theilSen([10, 12, 14, 16, 100, 20])).toBe(2);
    expect(theilSen([1])).toBeNull();
  });
});

describe('robustZ()', () => {
  it('scales by 1.4826 × MAD around the median (hand-computed)', () => {
    // Median 3, deviations 2 1 0 1 47 → MAD 1.
    const z = robustZ([1, 2, 3, 4, 50])!;
    expect(z[4]).toBeCloseTo(47 / 1.4826, 10);
    expect(z[2]).toBe(0);
    expect(robustZ([5, 5, 5, 1])).toBeNull();
  });
});

describe('benjaminiHochberg()', () => {
  it('rejects up to the largest rank k with p(k) ≤ k/m · q', () => {
    expect(benjaminiHochberg([0.01, 0.02, 0.03, 0.5], 0.05)).toEqual([true, true, true, false]);
    expect(benjaminiHochberg([0.04, 0.01, 0.03, 0.005], 0.05)).toEqual([true, true, true, true]);
    // 0.02 alone would pass at 0.05, but not as the smallest of four (threshold 0.0125).
    expect(benjaminiHochberg([0.02, 0.2, 0.3, 0.4], 0.05)).toEqual([false, false, false, false]);
  });
});

describe('concentration()', () => {
  it('shares, HHI, effective number and the members making 80 % (hand-computed)', () => {
    const c = concentration([30, 50, 20, 0, -5])!;
    expect(c.members).toBe(3);
    expect(c.top1).toBeCloseTo(0.5, 12);
    expect(c.top5).toBeCloseTo(1, 12);
    expect(c.hhi).toBeCloseTo(0.25 + 0.09 + 0.04, 12);
    expect(c.effective).toBeCloseTo(1 / 0.38, 12);
    expect(c.for80).toBe(2);
    expect(concentration([0, -1])).toBeNull();
  });

  it('the Pareto curve: the cumulative share of the largest 1, 2, … members (hand-computed)', () => {
    // 50 + 30 + 20 of 100, ranked largest first; the zero and the loss hold no share and get no point.
    const c = concentration([30, 50, 20, 0, -5])!;
    expect(c.cumulative).toHaveLength(3);
    for (const [i, v] of [0.5, 0.8, 1].entries()) expect(c.cumulative[i]).toBeCloseTo(v, 12);
    // Exactly 80 % counts as reached, though 0.5 + 0.3 is 0.7999… in doubles.
    expect(c.for80).toBe(2);
    const many = concentration([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])!;
    expect(many.cumulative.map((v) => Number(v.toFixed(12)))).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(many.for80).toBe(8);
  });
});
