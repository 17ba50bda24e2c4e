import type { Filters } from '../filter.ts';
import { withoutPeriods } from '../period/period.ts';
import type { QueryFn } from './findings.ts';
import { benjaminiHochberg } from './robust.ts';
import { checkMonths, type MonthCheck, type MonthSeries, type SeriesTrend, seriesTrend } from './series.ts';

/** Where a series comes from: every market under the filters together, or one market. */
export type Scope = { readonly market: string } | 'all';

/** A significant monotonic trend of monthly revenue. */
export interface TrendFinding extends SeriesTrend {
  readonly kind: 'trend';
  readonly scope: Scope;
  readonly direction: 'up' | 'down';
}

/** A month far from what was expected of it. */
export interface UnusualMonthFinding extends MonthCheck {
  readonly kind: 'unusual-month';
  readonly scope: Scope;
}

/** The false discovery rate the tests are held to across scopes (and months). */
export const FALSE_DISCOVERY_RATE = 0.05;
/** How many robust σ a month must lie from its expectation to be called unusual. */
export const UNUSUAL_Z = 3;

/**
 * Monthly revenue under `filters` (their period conditions left out: a trend needs the history) up to `lastMonth`
 * (the last complete month), in total and per market.
 */
async function monthSeries(query: QueryFn, filters: Filters, lastMonth: string) {
  const rows = await query({
    measures: ['revenue'],
    dimensions: ['month', 'market'],
    filters: { ...withoutPeriods(filters), month: { from: '0000-01', to: lastMonth } },
  });
  const all = new Map<string, number>();
  const byMarket = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const [month, market, revenue] = [String(r['month']), String(r['market']), Number(r['revenue'] ?? 0)];
    all.set(month, (all.get(month) ?? 0) + revenue);
    if (!byMarket.has(market)) byMarket.set(market, new Map());
    byMarket.get(market)!.set(month, revenue);
  }
  const scopes: [Scope, MonthSeries][] = [
    ['all', all],
    ...[...byMarket].map(([market, s]): [Scope, MonthSeries] => [{ market }, s]),
  ];
  return scopes;
}

/**
 * Trends (Mann–Kendall with the Theil–Sen slope over the last 24 complete months) and unusual months (robust z ≥ 3
 * against the same month a year earlier × trend), for the whole selection and each market. Every test of a kind is
 * one hypothesis among many, so each kind keeps only what Benjamini–Hochberg accepts at a 5 % false discovery rate.
 */
export async function seriesFindings(
  query: QueryFn,
  filters: Filters,
  lastMonth: string,
): Promise<{ trends: TrendFinding[]; unusual: UnusualMonthFinding[] }> {
  const scopes = await monthSeries(query, filters, lastMonth);
  const trends = scopes.flatMap(([scope, s]) => {
    const t = seriesTrend(s);
    return t && t.test.s !== 0
      ? [{ ...t, kind: 'trend' as const, scope, direction: t.test.s > 0 ? ('up' as const) : ('down' as const) }]
      : [];
  });
  const trendKept = benjaminiHochberg(
    trends.map((t) => t.test.p),
    FALSE_DISCOVERY_RATE,
  );
  const months = scopes.flatMap(([scope, s]) =>
    checkMonths(s).map((c) => ({ ...c, kind: 'unusual-month' as const, scope })),
  );
  const monthKept = benjaminiHochberg(
    months.map((m) => m.p),
    FALSE_DISCOVERY_RATE,
  );
  return {
    trends: trends.filter((_, i) => trendKept[i]),
    unusual: months.filter((m, i) => monthKept[i] && Math.abs(m.z) >= UNUSUAL_Z),
  };
}
