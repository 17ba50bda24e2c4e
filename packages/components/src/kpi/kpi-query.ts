import { AtliqError, type AtliqSource, type Filters, MEASURES } from '@atliq/sdk';
import type { LoadContext } from '../base/atliq-element.ts';
import { type Money, moneyFor, shown } from '../base/money.ts';
import { describePeriod, hasPeriod, previousPeriod, yearToDate } from '../base/period.ts';
import { type Change, change } from './kpi-change.ts';

/** Measures a KPI tile can show. */
export const KPI_MEASURES = ['revenue', 'quantity', 'orders', 'profit', 'margin'] as const;
export type KpiMeasure = (typeof KPI_MEASURES)[number];

export const isKpiMeasure = (m: string): m is KpiMeasure => (KPI_MEASURES as readonly string[]).includes(m);

/** The KPI as shown: the value under the current filters and its comparison with the previous period. */
export interface KpiData {
  readonly measure: KpiMeasure;
  readonly value: number | null;
  readonly comparison: {
    /** e.g. "vs 2019" or "Jan–Jun 2020 vs Jan–Jun 2019". */
    readonly label: string;
    readonly current: number | null;
    readonly previous: number | null;
    /** In percent, percentage points, or (against a zero or negative base) as an amount; null if unknown. */
    readonly change: Change | null;
  } | null;
  /** Locale and currency shown; money values are already converted to that currency. */
  readonly money: Money;
}

async function total(source: AtliqSource, measure: KpiMeasure, filters: Filters, signal: AbortSignal) {
  const [row] = await source.query({ measures: [measure], filters }, { signal });
  const value = row?.[measure];
  return value === null || value === undefined ? null : Number(value);
}

/**
 * The tile's queries: the total under the filters, and the same period a year earlier (the period filter shifted
 * back; with no period filtered, the latest year to date against the same months of the year before).
 */
export async function loadKpi(
  [name, locale, currency]: readonly [string, string, string],
  { source, filters, signal }: LoadContext,
): Promise<KpiData> {
  if (!isKpiMeasure(name)) {
    throw new AtliqError(`Unknown KPI measure "${name}". Use one of: ${KPI_MEASURES.join(', ')}.`);
  }
  const measure = name;
  const money = moneyFor(await source.manifestReady, locale, currency);
  const sum = async (f: Filters) => shown(money, measure, await total(source, measure, f, signal));
  const compare = (label: string, current: number | null, previous: number | null) => ({
    label,
    current,
    previous,
    change: change(MEASURES[measure].format, current, previous),
  });
  const value = await sum(filters);
  if (hasPeriod(filters)) {
    const before = previousPeriod(filters);
    return { measure, value, money, comparison: compare(`vs ${describePeriod(before)}`, value, await sum(before)) };
  }
  const months = await source.query({ measures: [], dimensions: ['month'], filters }, { signal });
  const ytd = yearToDate(months.map((r) => String(r['month'])));
  if (!ytd) return { measure, value, money, comparison: null };
  const [current, previous] = await Promise.all([
    sum({ ...filters, ...ytd.current }),
    sum({ ...filters, ...ytd.previous }),
  ]);
  return { measure, value, money, comparison: compare(ytd.label, current, previous) };
}
