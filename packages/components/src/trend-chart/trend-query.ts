import { AtliqError, checkMeasure, type Filters, hasPeriod, type MEASURES, snapshotDays } from '@atliq/sdk';
import type { LoadContext } from '../base/atliq-element.ts';
import { type DrillStep, drillFilters, drillLevel, TIME_HIERARCHY } from '../base/drill.ts';
import { type Money, moneyFor, shown } from '../base/money.ts';
import { previousPeriod } from '../base/period.ts';
import { fromPeriodArgs, type PeriodArgs, periodSettings } from '../base/period-settings.ts';
import { type TrendPoint, withLastYear } from './trend-layout.ts';
import { clipToAsOf, cutBaseline, markCoverage } from './trend-periods.ts';

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
  /**
   * The filters of the same days a year before the last period, when the as-of day cuts that period short: its
   * earlier value is loaded next, from them (it may need the engine, which the rest of the chart does not wait for).
   */
  readonly cutBaseline: Filters | null;
}

/**
 * The chart's queries: `measure` by the grain `path` drills `grain` down to, under the cross-filter narrowed to the
 * opened periods, each point with the same period a year earlier. Attributes are checked before anything is queried.
 */
export async function loadTrend(
  [root, name, locale, currency, path, ...period]: readonly [
    string,
    string,
    string,
    string,
    readonly DrillStep[],
    ...PeriodArgs,
  ],
  { source, filters: crossFilter, signal }: LoadContext,
): Promise<Trend> {
  if (!isGrain(root)) throw new AtliqError(`grain must be year, month or day, got "${root}".`);
  const measure = checkMeasure(name);
  const grain = drillLevel(root, path, TIME_HIERARCHY) as Grain;
  const manifest = await source.manifestReady;
  const money = moneyFor(manifest, locale, currency);
  const asOf = periodSettings(fromPeriodArgs(period), manifest)?.asOf;
  const data = snapshotDays(manifest);
  // The opened periods are members of the filter, bound as parameters like any cross-filter member.
  const filters = clipToAsOf(drillFilters(crossFilter, path), data, asOf);
  const spec = { measures: [measure], dimensions: [grain] };
  const rows = await source.query({ ...spec, filters }, { signal });
  // Last year's periods may lie outside a period filter: ask for them with the filter shifted back a year.
  const before = hasPeriod(filters)
    ? await source.query({ ...spec, filters: previousPeriod(filters) }, { signal })
    : rows;
  const series = withLastYear(rows, before, grain, measure);
  const end = data && asOf && asOf < data.to ? asOf : data?.to;
  const marked = data && end ? markCoverage(series, grain, data, end) : series;
  const points = marked.map((p) => ({
    ...p,
    value: shown(money, measure, p.value),
    previous: shown(money, measure, p.previous),
  }));
  const cut = data ? cutBaseline(marked, grain, filters, data) : null;
  return { grain, path, measure, money, points, cutBaseline: cut };
}
