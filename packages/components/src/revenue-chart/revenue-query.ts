import { checkDimension, checkMeasure, MEASURES } from '@atliq/sdk';
import type { LoadContext } from '../base/atliq-element.ts';
import { parseTop } from '../base/attributes.ts';
import { type DrillStep, drillFilters, drillLevel } from '../base/drill.ts';
import { moneyFor, shown } from '../base/money.ts';
import { barsWithShares } from './revenue-bars.ts';
import type { Revenue } from './revenue-view.ts';

/**
 * The chart's query: `measure` by the level `path` drills `by` down to, under the cross-filter narrowed to the
 * opened members, largest first and cut to `top`, money in the currency asked for. Attributes are checked
 * before anything is queried.
 */
export async function loadRevenue(
  [by, name, top, path, locale, currency]: readonly [string, string, string, readonly DrillStep[], string, string],
  { source, filters, signal }: LoadContext,
): Promise<Revenue> {
  const limit = parseTop(top);
  const measure = checkMeasure(name);
  // Before the manifest is fetched: the currency check below needs its rates.
  const level = drillLevel(checkDimension(by), path);
  const spec = { measures: [measure], dimensions: [level], filters: drillFilters(filters, path) };
  const money = moneyFor(await source.manifestReady, locale, currency);
  const rows = await source.query(spec, { signal });
  const converted = rows.map((row) => ({ ...row, [measure]: shown(money, measure, Number(row[measure] ?? 0)) }));
  const sorted = barsWithShares(converted, level, measure, MEASURES[measure].format !== 'percent');
  return {
    by: level,
    measure,
    path,
    money,
    bars: limit ? sorted.slice(0, limit) : sorted,
  };
}
