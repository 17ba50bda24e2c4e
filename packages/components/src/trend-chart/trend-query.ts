import { AtliqError, type MEASURES } from '@atliq/sdk';
import type { LoadContext } from '../base/atliq-element.ts';
import { checkMeasure } from '../base/attributes.ts';
import { type DrillStep, drillFilters, drillLevel, TIME_HIERARCHY } from '../base/drill.ts';
import { type Money, moneyFor, shown } from '../base/money.ts';
import { hasPeriod, previousPeriod } from '../base/period.ts';
import { type TrendPoint, withLastYear } from './trend-layout.ts';

const GRAINS = ['year', 'month', 'day'] as const;
type Grain = (typeof GRAINS)[number];
const isGrain = (g: string): g is Grain => (GRAINS as readonly string[]).includes(g);

/** What the chart shows. */
export interface Trend {
  /** The grain shown: the `grain` attribute, or the level the drill path opened down to. */
  readonly grain: Grain;
  /** The periods opened, top first (empty when not drilled). */
  readonly path: readonly DrillStep[];
  readonly measure: keyof typeof MEASURES;
  /** Locale and currency shown; money values are already converted to that currency. */
  readonly money: Money;
  readonly points: readonly TrendPoint[];
}

/**
 * The chart's queries: `measure` by the grain `path` drills `grain` down to, under the cross-filter narrowed to the
 * opened periods, each point with the same period a year earlier. Attributes are checked before anything is queried.
 */
export async function loadTrend(
  [root, name, locale, currency, path]: readonly [string, string, string, string, readonly DrillStep[]],
  { source, filters: crossFilter, signal }: LoadContext,
): Promise<Trend> {
  if (!isGrain(root)) throw new AtliqError(`grain must be year, month or day, got "${root}".`);
  const measure = checkMeasure(name);
  const grain = drillLevel(root, path, TIME_HIERARCHY) as Grain;
  // The opened periods are members of the filter, bound as parameters like any cross-filter member.
  const filters = drillFilters(crossFilter, path);
  const money = moneyFor(await source.manifestReady, locale, currency);
  const spec = { measures: [measure], dimensions: [grain] };
  const rows = await source.query({ ...spec, filters }, { signal });
  // Last year's periods may lie outside a period filter: ask for them with the filter shifted back a year.
  const before = hasPeriod(filters)
    ? await source.query({ ...spec, filters: previousPeriod(filters) }, { signal })
    : rows;
  const points = withLastYear(rows, before, grain, measure).map((p) => ({
    ...p,
    value: shown(money, measure, p.value),
    previous: shown(money, measure, p.previous),
  }));
  return { grain, path, measure, money, points };
}
