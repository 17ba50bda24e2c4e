import type { DrillStep } from '../base/drill.ts';
import { drillFilters, drillLevel } from '../base/drill.ts';
import { moneyFor } from '../base/money.ts';
import { type Planner, plan } from '../base/query-plan.ts';
import { byMargin } from './profit-layout.ts';
import type { Margins } from './profit-view.ts';

/**
 * The chart's query: margin and the shares of revenue and profit by the level `path` drills the markets down to,
 * under the cross-filter narrowed to the opened members, lowest margin first. An invalid target (the chart's own
 * check) or currency is reported before anything is queried.
 */
export function marginsQuery([path, locale, currency, targetError]: readonly [
  readonly DrillStep[],
  string,
  string,
  Error | undefined,
]): Planner<Margins> {
  if (targetError) throw targetError;
  const level = drillLevel('market', path);
  const measures = ['margin', 'revenue_share', 'profit_share'];
  return ({ manifest, filters }) => {
    // Margins and shares are not money: only the locale applies, but a bad currency is still reported.
    const { locale: checked } = moneyFor(manifest, locale, currency);
    const spec = { measures, dimensions: [level], filters: drillFilters(filters, path) };
    return plan({ margins: spec }, ({ margins }) => ({
      level,
      locale: checked,
      path,
      rows: margins
        .filter((r) => r['margin'] !== null && r[level] !== null)
        .map((r) => ({
          label: String(r[level]),
          margin: Number(r['margin']),
          revenueShare: Number(r['revenue_share'] ?? 0),
          profitShare: Number(r['profit_share'] ?? 0),
        }))
        .sort(byMargin),
    }));
  };
}
