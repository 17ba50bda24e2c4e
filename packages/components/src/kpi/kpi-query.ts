import {
  AtliqError,
  comparePeriods,
  formatDay,
  MEASURES,
  type MeasureName,
  type PeriodComparison,
  snapshotDays,
} from '@atliq/sdk';
import { type Money, moneyFor, shown } from '../base/money.ts';
import { fromPeriodArgs, type PeriodArgs, periodSettings } from '../base/period-settings.ts';
import { answered, type PlanContext, type Planner, plan, type QueryPlan, total } from '../base/query-plan.ts';
import { type Change, change } from './kpi-change.ts';

/**
 * The measures a KPI tile can show: every measure of the model but the shares (`aggregate.kind` `share`), which are
 * shares of a grouping. The SDK types a measure's aggregate loosely, so the shares are named here; the manifest test
 * checks this list against the model.
 */
export type KpiMeasure = Exclude<MeasureName, 'revenue_share' | 'profit_share'>;

/** {@link KpiMeasure}, at run time. */
export const KPI_MEASURES: readonly KpiMeasure[] = (Object.keys(MEASURES) as MeasureName[]).filter(
  (m): m is KpiMeasure => MEASURES[m].aggregate.kind !== 'share',
);

export const isKpiMeasure = (m: string): m is KpiMeasure => (KPI_MEASURES as readonly string[]).includes(m);

/** The figure's period against its baseline. */
export interface KpiComparison {
  /** Both periods, e.g. "1 Jan–26 Jun 2020 vs 1 Jan–26 Jun 2019" or "2019 vs 2018". */
  readonly label: string;
  /** The baseline alone, e.g. "1 Jan–26 Jun 2019". */
  readonly baseline: string;
  readonly current: number | null;
  readonly previous: number | null;
  /** In percent, percentage points, or (against a zero or negative base) as an amount; null if not comparable. */
  readonly change: Change | null;
  /** Why the two are not comparable, when the baseline starts before the extract's first sale. */
  readonly note?: string;
}

/** The KPI as shown: the value over the current period, and (once loaded) its comparison with the baseline. */
export interface KpiData {
  readonly measure: MeasureName;
  /** The measure over the current period (and the other filters). */
  readonly value: number | null;
  /** The days the value counts, e.g. "1 Jan–26 Jun 2020"; null when the filters pin periods with gaps between them. */
  readonly period: string | null;
  /** Null when there is nothing to compare with; undefined while the baseline is still being loaded. */
  readonly comparison: KpiComparison | null | undefined;
  /** Locale and currency shown; money values are already converted to that currency. */
  readonly money: Money;
}

export type KpiArgs = readonly [measure: string, locale: string, currency: string, ...PeriodArgs];

/** A tile's plan: its measure, money formats, the periods compared (null: periods with gaps) and the data's days. */
export type KpiPlan = ReturnType<typeof planKpi>;

function checkKpiMeasure(name: string): MeasureName {
  if (!isKpiMeasure(name)) {
    throw new AtliqError(`Unknown KPI measure "${name}". Use one of: ${KPI_MEASURES.join(', ')}.`);
  }
  return name;
}

/** Plans the tile from its attributes, the manifest and the cross-filter; throws for an invalid attribute. */
export function planKpi([name, locale, currency, ...period]: KpiArgs, { manifest, filters }: PlanContext) {
  const measure = checkKpiMeasure(name);
  const money = moneyFor(manifest, locale, currency);
  const settings = periodSettings(fromPeriodArgs(period), manifest);
  const periods = settings && comparePeriods(filters, settings);
  return { measure, money, periods, data: snapshotDays(manifest) };
}

/** The tile's figure: the measure over the current period, which the month rollups answer for a whole month. */
export function kpiValueQuery(args: KpiArgs): Planner<KpiData> {
  checkKpiMeasure(args[0]);
  return (context) => {
    const { measure, money, periods } = planKpi(args, context);
    const filters = periods ? periods.filters.current : context.filters;
    return plan({ value: { measures: [measure], filters } }, ({ value }) => ({
      measure,
      money,
      value: shown(money, measure, total(value, measure)),
      period: periods?.current.label ?? null,
      comparison: undefined,
    }));
  };
}

/**
 * The baseline of a planned tile: the same days a year earlier (or the period before). Null when the filters pin
 * periods with gaps or the baseline ends before the extract's first sale; not comparable (no change) when it starts
 * before it.
 */
export function kpiComparisonQuery({ measure, money, periods, data }: KpiPlan): QueryPlan<KpiComparison | null> {
  if (!periods || !data || periods.baseline.to < data.from) return answered(null);
  const queries = {
    current: { measures: [measure], filters: periods.filters.current },
    previous: { measures: [measure], filters: periods.filters.baseline },
  };
  return plan(queries, (rows) => {
    const current = shown(money, measure, total(rows.current, measure));
    const previous = shown(money, measure, total(rows.previous, measure));
    const note = incomplete(periods, data.from);
    return {
      label: periods.label,
      baseline: periods.baseline.label,
      current,
      previous,
      change: note ? null : change(MEASURES[measure].format, current, previous),
      ...(note ? { note } : {}),
    };
  });
}

/** Why the baseline cannot be compared: it starts before the extract's first sale, so part of it is missing. */
function incomplete({ baseline }: PeriodComparison, firstSale: string): string | undefined {
  return baseline.from < firstSale
    ? `not comparable: the extract's sales start on ${formatDay(firstSale)}, within ${baseline.label}`
    : undefined;
}
