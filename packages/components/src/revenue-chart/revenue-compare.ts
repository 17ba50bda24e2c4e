import { AtliqError, comparePeriods, type Filters, type Manifest, type Member, type Row } from '@atliq/sdk';
import { fromPeriodArgs, type PeriodArgs, periodSettings } from '../base/period-settings.ts';
import { type RevenueDatum, sortBars } from './revenue-bars.ts';

/** The two periods a compared chart shows, e.g. "1 Jan–26 Jun 2020" against "1 Jan–26 Jun 2019". */
export interface ComparedPeriods {
  readonly current: string;
  readonly baseline: string;
}

/**
 * The comparison `compare` draws for `filters` (the cross-filter narrowed to the drill path): the current period
 * and its baseline as the KPIs count them — the (fiscal) year to the as-of day or the filtered period, against the
 * same days a year earlier (or the period before) — with the query filters of each. Null for an extract without
 * sales (nothing to compare).
 * @throws {AtliqError} when the filters pin periods with gaps between them, which no single baseline matches.
 */
export function comparison(period: PeriodArgs, manifest: Manifest, filters: Filters) {
  const settings = periodSettings(fromPeriodArgs(period), manifest);
  if (!settings) return null;
  const periods = comparePeriods(filters, settings);
  if (!periods) {
    throw new AtliqError('A comparison needs one unbroken period: choose a single year, month or range of them.');
  }
  return periods;
}

const NO_VALUE = '(none)';

/**
 * One bar per member found in either period: its change (`value`, in the measure's unit; points for a percentage)
 * and both sides, 0 for a side without sales; the change in percent of the baseline when the measure is not itself a
 * percentage and the baseline is positive. Largest change first, as drawn.
 */
export function comparedBars(
  current: readonly Row[],
  baseline: readonly Row[],
  by: string,
  value: (row: Row) => number,
  isPercent: boolean,
): RevenueDatum[] {
  const members = new Map<string, { member: Member | null; current: number; baseline: number }>();
  const add = (rows: readonly Row[], side: 'current' | 'baseline') => {
    for (const row of rows) {
      const member = (row[by] ?? null) as Member | null;
      const key = member === null ? '' : `=${member}`;
      const entry = members.get(key) ?? { member, current: 0, baseline: 0 };
      entry[side] = value(row);
      members.set(key, entry);
    }
  };
  add(current, 'current');
  add(baseline, 'baseline');
  const bars = [...members.values()].map(({ member, current: now, baseline: before }) => ({
    label: member === null ? NO_VALUE : String(member),
    member,
    value: now - before,
    share: null,
    compared: {
      current: now,
      baseline: before,
      percent: !isPercent && before > 0 ? (100 * (now - before)) / before : null,
    },
  }));
  return sortBars(bars) as RevenueDatum[];
}
