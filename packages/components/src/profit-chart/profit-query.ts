import { comparePeriods, type QuerySpec } from '@atliq/sdk';
import { coversLabel } from '../base/covers.ts';
import type { DrillStep } from '../base/drill.ts';
import { drillFilters, drillLevel } from '../base/drill.ts';
import { moneyFor } from '../base/money.ts';
import { fromPeriodArgs, type PeriodArgs, periodSettings } from '../base/period-settings.ts';
import { type Planner, plan, total } from '../base/query-plan.ts';
import { byMargin } from './profit-layout.ts';
import type { LastYear } from './profit-target.ts';
import type { Margins } from './profit-view.ts';

export type MarginsArgs = readonly [
  path: readonly DrillStep[],
  locale: string,
  currency: string,
  targetError: Error | undefined,
  /** No target is set (on the chart or its dashboard): the target is last year's margin, queried too. */
  defaulted: boolean,
  ...PeriodArgs,
];

/**
 * The chart's query: margin and the shares of revenue and profit by the level `path` drills the markets down to,
 * under the cross-filter narrowed to the opened members, lowest margin first, over the comparison's current period:
 * the year to the as-of day, or the filtered period cut to it (as the KPIs count). Without a target, also last
 * year's margin: the margin of the comparison's baseline (the same days a year earlier) under the same cross-filter,
 * not narrowed by the drill path, so the target stays put while drilling; the bars and the line then compare like
 * with like. Over periods no single span holds (a year and a month of another), the bars cover the chosen periods
 * and there is no last year to take a target from. An invalid target (the chart's own check) or currency is
 * reported before anything is queried.
 */
export function marginsQuery([
  path,
  locale,
  currency,
  targetError,
  defaulted,
  ...period
]: MarginsArgs): Planner<Margins> {
  if (targetError) throw targetError;
  const level = drillLevel('market', path);
  const measures = ['margin', 'revenue_share', 'profit_share'];
  return ({ manifest, filters }) => {
    // Margins and shares are not money: only the locale applies, but a bad currency is still reported.
    const { locale: checked } = moneyFor(manifest, locale, currency);
    const settings = periodSettings(fromPeriodArgs(period), manifest);
    const periods = settings && comparePeriods(filters, settings);
    const spec = { measures, dimensions: [level], filters: drillFilters(periods?.filters.current ?? filters, path) };
    const queries: Record<string, QuerySpec> = { margins: spec };
    if (periods && defaulted) queries['lastYear'] = { measures: ['margin'], filters: periods.filters.baseline };
    return plan(queries, (rows) => {
      const lastYear: LastYear | undefined = defaulted
        ? {
            margin: rows['lastYear'] ? total(rows['lastYear'], 'margin') : null,
            period: periods?.baseline.label ?? null,
          }
        : undefined;
      return {
        level,
        locale: checked,
        path,
        ...(lastYear ? { lastYear } : {}),
        covers:
          periods && lastYear
            ? `${periods.current.label} vs ${periods.baseline.label}`
            : coversLabel(spec.filters, manifest),
        rows: rows['margins']!.filter((r) => r['margin'] !== null && r[level] !== null)
          .map((r) => ({
            label: String(r[level]),
            margin: Number(r['margin']),
            revenueShare: Number(r['revenue_share'] ?? 0),
            profitShare: Number(r['profit_share'] ?? 0),
          }))
          .sort(byMargin),
      };
    });
  };
}
