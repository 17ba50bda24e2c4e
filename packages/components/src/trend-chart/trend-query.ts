import {
  AtliqError,
  checkMeasure,
  type Filters,
  hasPeriod,
  type MEASURES,
  type QuerySpec,
  type Row,
  snapshotDays,
} from '@atliq/sdk';
import { type DrillStep, drillFilters, drillLevel, TIME_HIERARCHY } from '../base/drill.ts';
import { type Money, moneyFor, shown } from '../base/money.ts';
import { previousPeriod } from '../base/period.ts';
import { fromPeriodArgs, type PeriodArgs, periodSettings } from '../base/period-settings.ts';
import { type Planner, plan } from '../base/query-plan.ts';
import { fiscalDrillFilters, fiscalYearRows, fiscalYearSpec } from './fiscal-trend.ts';
import { type TrendPoint, withLastYear } from './trend-layout.ts';
import { clipToAsOf, cutBaseline, markCoverage } from './trend-periods.ts';

const GRAINS = ['year', 'month', 'day'] as const;
/** A period of the trend's points, the levels of its drill hierarchy: the `grain` attribute's values. */
export type Grain = (typeof GRAINS)[number];
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
  /** Month (1–12) the fiscal year starts in: a point of the year grain is then a fiscal year named by its first year. */
  readonly fiscalYearStart: number;
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
export function trendQuery([root, name, locale, currency, path, ...period]: readonly [
  string,
  string,
  string,
  string,
  readonly DrillStep[],
  ...PeriodArgs,
]): Planner<Trend> {
  if (!isGrain(root)) throw new AtliqError(`grain must be year, month or day, got "${root}".`);
  const measure = checkMeasure(name);
  const grain = drillLevel(root, path, TIME_HIERARCHY) as Grain;
  return ({ manifest, filters: crossFilter }) => {
    const money = moneyFor(manifest, locale, currency);
    const settings = periodSettings(fromPeriodArgs(period), manifest);
    const asOf = settings?.asOf;
    const start = settings?.fiscalYearStart ?? 1;
    const data = snapshotDays(manifest);
    // The opened periods are members of the filter, bound as parameters like any cross-filter member; an opened
    // fiscal year is its months.
    const opened = start === 1 ? drillFilters(crossFilter, path) : fiscalDrillFilters(crossFilter, path, start);
    const filters = clipToAsOf(opened, data, asOf);
    const fiscal = grain === 'year' && start !== 1;
    const spec = (f: Filters) =>
      fiscal ? fiscalYearSpec(measure, f) : { measures: [measure], dimensions: [grain], filters: f };
    // Last year's periods may lie outside a period filter: ask for them with the filter shifted back a year.
    const queries: Record<string, QuerySpec> = { rows: spec(filters) };
    if (hasPeriod(filters)) queries['before'] = spec(previousPeriod(filters));
    return plan(queries, (answers: Readonly<Record<string, Row[]>>) => {
      const rowsOf = (r: Row[]) => (fiscal ? fiscalYearRows(r, measure, start) : r);
      const rows = rowsOf(answers['rows']!);
      const series = withLastYear(rows, answers['before'] ? rowsOf(answers['before']) : rows, grain, measure);
      const end = data && asOf && asOf < data.to ? asOf : data?.to;
      const marked = data && end ? markCoverage(series, grain, data, end, start) : series;
      const points = marked.map((p) => ({
        ...p,
        value: shown(money, measure, p.value),
        previous: shown(money, measure, p.previous),
      }));
      const cut = data ? cutBaseline(marked, grain, filters, data, start) : null;
      return { grain, path, measure, money, points, cutBaseline: cut, fiscalYearStart: start };
    });
  };
}
