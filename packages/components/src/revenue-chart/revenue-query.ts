import { checkDimension, checkMeasure, MEASURES } from '@atliq/sdk';
import { parseTop } from '../base/attributes.ts';
import { type DrillStep, drillFilters, drillLevel } from '../base/drill.ts';
import { moneyFor, shownRows } from '../base/money.ts';
import { type Planner, plan } from '../base/query-plan.ts';
import { barsWithShares } from './revenue-bars.ts';
import type { Revenue } from './revenue-view.ts';

/**
 * The chart's query: `measure` by the level `path` drills `by` down to, under the cross-filter narrowed to the
 * opened members, largest first and cut to `top`, money in the currency asked for. Attributes are checked
 * before anything is queried.
 */
export function revenueQuery([by, name, top, path, locale, currency]: readonly [
  string,
  string,
  string,
  readonly DrillStep[],
  string,
  string,
]): Planner<Revenue> {
  const limit = parseTop(top);
  const measure = checkMeasure(name);
  const level = drillLevel(checkDimension(by), path);
  // A share of the total means something only for a measure whose groups add up to it (a sum or a count).
  const { kind } = MEASURES[measure].aggregate;
  const summable = kind === 'sum' || kind === 'count';
  return ({ manifest, filters }) => {
    const money = moneyFor(manifest, locale, currency);
    const spec = { measures: [measure], dimensions: [level], filters: drillFilters(filters, path) };
    return plan({ bars: spec }, ({ bars }) => {
      const sorted = barsWithShares(shownRows(bars, money, measure), level, measure, summable);
      return { by: level, measure, path, money, bars: limit ? sorted.slice(0, limit) : sorted };
    });
  };
}
