import type { Filters } from '../filter.ts';
import { monthEnd } from '../period/days.ts';
import { comparePeriods, type PeriodComparison, withoutPeriods } from '../period/period.ts';
import { type ChangeFinding, changeFinding, type QueryFn } from './findings.ts';
import type { UnusualMonthFinding } from './series-findings.ts';

/** How many flagged months get their own bridge: each costs a bridge's queries, so only the largest surprises. */
export const MONTH_BRIDGES = 2;

/** An unusual month with its own bridge: the month against the same month a year earlier, split like the change. */
export interface MonthBridgeFinding {
  readonly month: UnusualMonthFinding;
  readonly periods: PeriodComparison;
  /** Revenue of the month against the same month a year earlier; its bridges add up to that change exactly. */
  readonly change: ChangeFinding;
}

/**
 * The comparison of a flagged month: that whole month against the same month a year earlier, under `filters` with
 * their period conditions replaced by the month (and, for one market's month, the market).
 */
export function monthComparison(u: UnusualMonthFinding, filters: Filters): PeriodComparison {
  const scoped: Filters = {
    ...withoutPeriods(filters),
    ...(u.scope === 'all' ? {} : { market: [u.scope.market] }),
    month: [u.month],
  };
  // A flagged month is a complete one, so its last day is the as-of day: whole month against whole month.
  return comparePeriods(scoped, { asOf: monthEnd(`${u.month}-01`), comparison: 'year' })!;
}

/**
 * Bridges of the {@link MONTH_BRIDGES} flagged months that strayed furthest from what was expected of them (in
 * money), each through {@link changeFinding} over {@link monthComparison}. Months whose bridge has no revenue on
 * either side are left out.
 */
export async function monthBridges(
  query: QueryFn,
  unusual: readonly UnusualMonthFinding[],
  filters: Filters,
  limit = MONTH_BRIDGES,
): Promise<MonthBridgeFinding[]> {
  const largest = [...unusual]
    .sort((a, b) => Math.abs(b.value - b.expected) - Math.abs(a.value - a.expected))
    .slice(0, limit);
  const found = await Promise.all(
    largest.map(async (month) => {
      const periods = monthComparison(month, filters);
      const change = await changeFinding(query, periods, false);
      return change ? [{ month, periods, change }] : [];
    }),
  );
  return found.flat();
}
