import { comparePeriods, type Filters, intersect, keySpan, type Span } from '@atliq/sdk';
import { yearEarlier } from '../base/period.ts';
import { withFiscalYear } from './fiscal-trend.ts';
import type { TrendPoint } from './trend-layout.ts';

type Grain = 'year' | 'month' | 'day';

/**
 * The filters with the days after the as-of day left out, when a page set one before the newest sale; as they are
 * otherwise (nothing after the newest sale exists to leave out).
 */
export function clipToAsOf(filters: Filters, data: Span | null, asOf: string | undefined): Filters {
  if (!data || !asOf || asOf >= data.to) return filters;
  const days = { from: data.from < asOf ? data.from : asOf, to: asOf };
  return { ...filters, day: filters['day'] ? intersect(filters['day'], days) : days };
}

/**
 * Marks the periods the data covers only in part, so every comparison stays like for like:
 * - the first period, when the sales start within it, gets `from`;
 * - a period whose year-earlier period starts before the first sale has no earlier value: part of it is missing;
 * - the last period, when it ends after the last day counted (`end`), gets `to`; its earlier value is the same
 *   days a year earlier, which {@link cutBaseline} describes and the chart loads next (null until then).
 */
export function markCoverage(
  points: readonly TrendPoint[],
  grain: Grain,
  data: Span,
  end: string,
  fiscalYearStart = 1,
): TrendPoint[] {
  return points.map((p, i): TrendPoint => {
    const span = keySpan(p.key, grain, fiscalYearStart);
    const earlier = keySpan(String(yearEarlier(grain === 'year' ? Number(p.key) : p.key)), grain, fiscalYearStart);
    const cut = i === points.length - 1 && grain !== 'day' && span.to > end;
    return {
      ...p,
      ...(span.from < data.from ? { from: data.from } : {}),
      ...(earlier.from < data.from || cut ? { previous: null } : {}),
      ...(cut ? { to: end } : {}),
    };
  });
}

/**
 * The filters of the days a year before the last period's days, when that period is cut short by `end`; null when
 * it is not, or when those earlier days start before the first sale (part of them is missing).
 */
export function cutBaseline(
  points: readonly TrendPoint[],
  grain: Grain,
  filters: Filters,
  data: Span,
  fiscalYearStart = 1,
): Filters | null {
  const last = points.at(-1);
  if (!last?.to) return null;
  const member = grain === 'year' ? Number(last.key) : last.key;
  const period =
    grain === 'year' && fiscalYearStart !== 1
      ? withFiscalYear(filters, Number(last.key), fiscalYearStart)
      : { ...filters, [grain]: [member] };
  const periods = comparePeriods(period, { asOf: last.to, fiscalYearStart });
  return periods && periods.baseline.from >= data.from ? periods.filters.baseline : null;
}
