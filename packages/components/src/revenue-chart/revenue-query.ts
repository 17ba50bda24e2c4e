import { checkDimension, checkMeasure, MEASURES } from '@atliq/sdk';
import { parseTop } from '../base/attributes.ts';
import { coversLabel } from '../base/covers.ts';
import { type DrillStep, drillFilters, drillLevel } from '../base/drill.ts';
import { moneyFor, shown, shownRows } from '../base/money.ts';
import type { PeriodArgs } from '../base/period-settings.ts';
import { answered, type Planner, plan } from '../base/query-plan.ts';
import { barsWithShares } from './revenue-bars.ts';
import { comparedBars, comparison } from './revenue-compare.ts';
import type { Revenue } from './revenue-view.ts';

export type RevenueArgs = readonly [
  by: string,
  measure: string,
  top: string,
  path: readonly DrillStep[],
  locale: string,
  currency: string,
  /** Bars of the change against the baseline, not of the measure over everything filtered. */
  compare: boolean,
  ...PeriodArgs,
];

/**
 * The chart's query: `measure` by the level `path` drills `by` down to, under the cross-filter narrowed to the
 * opened members, largest first and cut to `top`, money in the currency asked for. With `compare`, the measure over
 * the current period and over its baseline (`comparison()`), and bars of their difference. Attributes are checked
 * before anything is queried.
 */
export function revenueQuery([
  by,
  name,
  top,
  path,
  locale,
  currency,
  compare,
  ...period
]: RevenueArgs): Planner<Revenue> {
  const limit = parseTop(top);
  const measure = checkMeasure(name);
  const level = drillLevel(checkDimension(by), path);
  // A share of the total means something only for a measure whose groups add up to it (a sum or a count).
  const { kind } = MEASURES[measure].aggregate;
  const summable = kind === 'sum' || kind === 'count';
  return ({ manifest, filters }) => {
    const money = moneyFor(manifest, locale, currency);
    const value = (row: Record<string, unknown>) => shown(money, measure, Number(row[measure] ?? 0));
    const cut = <T>(bars: T[]) => (limit ? bars.slice(0, limit) : bars);
    const shape = { by: level, measure, path, money };
    if (compare) {
      const periods = comparison(period, manifest, drillFilters(filters, path));
      const covers = periods ? `${periods.current.label} vs ${periods.baseline.label}` : '';
      if (!periods) return answered({ ...shape, covers, bars: [] });
      const spec = (f: typeof filters) => ({ measures: [measure], dimensions: [level], filters: f });
      const queries = { current: spec(periods.filters.current), baseline: spec(periods.filters.baseline) };
      return plan(queries, (rows) => ({
        ...shape,
        covers,
        periods: { current: periods.current.label, baseline: periods.baseline.label },
        bars: cut(comparedBars(rows.current, rows.baseline, level, value, MEASURES[measure].format === 'percent')),
      }));
    }
    const spec = { measures: [measure], dimensions: [level], filters: drillFilters(filters, path) };
    const covers = coversLabel(spec.filters, manifest);
    return plan({ bars: spec }, ({ bars }) => {
      return { ...shape, covers, bars: cut(barsWithShares(shownRows(bars, money, measure), level, measure, summable)) };
    });
  };
}
