import { median, medianAbsoluteDeviation } from 'simple-statistics';
import { MAD_SCALE } from './robust.ts';
import { type MannKendall, mannKendall, theilSen, twoSidedP } from './trend-test.ts';

/** Monthly values of one scope (the whole filter, or one market), by `YYYY-MM`, complete months only. */
export type MonthSeries = ReadonlyMap<string, number>;

/** Months since year 0: `2020-06` → 24245, so that two months' distance is a subtraction. */
export const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

const monthKey = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** A monotonic trend over the last months of a series. */
export interface SeriesTrend {
  readonly from: string;
  readonly to: string;
  readonly months: number;
  /** Theil–Sen: the typical change per month. */
  readonly slope: number;
  readonly test: MannKendall;
}

/** Mann–Kendall and Theil–Sen over the last `window` months of `series` (null with fewer than 12 months). */
export function seriesTrend(series: MonthSeries, window = 24): SeriesTrend | null {
  const months = [...series.keys()].sort().slice(-window);
  if (months.length < 12) return null;
  const values = months.map((m) => series.get(m)!);
  const test = mannKendall(values);
  const slope = theilSen(values, months.map(monthIndex));
  if (!test || slope === null) return null;
  return { from: months[0]!, to: months.at(-1)!, months: months.length, slope, test };
}

/** The largest robust σ of a series' surprises (in ln units, ≈ ±40 %) for which months are judged at all. */
export const MAX_SURPRISE_SIGMA = 0.4;

/** A month against what was expected of it. */
export interface MonthCheck {
  readonly month: string;
  readonly value: number;
  /** The same month a year earlier × the recent year-over-year growth. */
  readonly expected: number;
  /** The range inside which a month is not unusual: the expected value × the usual spread of surprises, ±3 robust σ. */
  readonly band: readonly [number, number];
  /** Robust z-score of this month's surprise among every month's surprises. */
  readonly z: number;
  readonly p: number;
}

/**
 * Each month of `series` against an expectation: the same month a year earlier times the median year-over-year
 * ratio of the (up to) 12 months before it. The surprise is ln(value / expected); its robust z-score (median and
 * 1.4826 × MAD of all the months' surprises) says how unusual a month is. Months without a year-earlier value or
 * with fewer than 3 earlier ratios are not checked; fewer than 6 checked months, or a series too irregular to
 * expect anything of (robust σ above {@link MAX_SURPRISE_SIGMA}), give no verdict (empty).
 */
export function checkMonths(series: MonthSeries): MonthCheck[] {
  const at = (i: number) => series.get(monthKey(i));
  const ratios = new Map<number, number>();
  for (const [m, v] of series) {
    const before = at(monthIndex(m) - 12);
    if (before && before > 0 && v > 0) ratios.set(monthIndex(m), v / before);
  }
  const checked: { month: string; value: number; expected: number; surprise: number }[] = [];
  for (const [m, v] of [...series].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const i = monthIndex(m);
    const before = at(i - 12);
    const recent = [...Array(12).keys()].map((k) => ratios.get(i - 1 - k)).filter((r): r is number => r !== undefined);
    if (!before || before <= 0 || v <= 0 || recent.length < 3) continue;
    const expected = before * median(recent);
    checked.push({ month: m, value: v, expected, surprise: Math.log(v / expected) });
  }
  if (checked.length < 6) return [];
  const surprises = checked.map((c) => c.surprise);
  const center = median(surprises);
  const sigma = medianAbsoluteDeviation(surprises) * MAD_SCALE;
  // A series whose months usually miss their expectation by more than ±40 % (a small market's few orders) gives a
  // band too wide to say anything: "₹3K, below the expected ₹14K–₹5.7Cr" is noise, not an insight.
  if (sigma <= 0 || sigma > MAX_SURPRISE_SIGMA) return [];
  return checked.map((c) => {
    const z = (c.surprise - center) / sigma;
    const band = [c.expected * Math.exp(center - 3 * sigma), c.expected * Math.exp(center + 3 * sigma)] as const;
    return { month: c.month, value: c.value, expected: c.expected, band, z, p: twoSidedP(z) };
  });
}
