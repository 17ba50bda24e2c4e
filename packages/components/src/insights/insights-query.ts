import {
  AtliqError,
  type AtliqSource,
  addMonths,
  changeFinding,
  comparePeriods,
  concentrationFinding,
  GrainStore,
  isMonthEnd,
  leakFindings,
  seriesFindings,
  sharedGrain,
} from '@atliq/sdk';
import type { LoadContext } from '../base/atliq-element.ts';
import { measureFormats } from '../base/format.ts';
import { type Money, moneyFor } from '../base/money.ts';
import { fromPeriodArgs, type PeriodArgs, periodSettings } from '../base/period-settings.ts';
import { parseTarget } from '../profit-chart/profit-target.ts';
import { changeInsight, customersInsight, type Formats, marginInsight } from './change-insights.ts';
import type { Insight, InsightKind } from './insight.ts';
import { caveats, concentrationInsight, leakInsight, trendInsight, unusualInsight } from './other-insights.ts';

export type InsightsArgs = readonly [
  max: string,
  kinds: string,
  target: string,
  locale: string,
  currency: string,
  ...PeriodArgs,
];

export const INSIGHT_KINDS: readonly InsightKind[] = [
  'change',
  'margin',
  'customers',
  'trend',
  'unusual-month',
  'concentration',
  'loss',
  'below-target',
];

/** The `kinds` attribute: a comma-separated list of kinds to show; empty for all. */
export function parseKinds(value: string): ReadonlySet<InsightKind> {
  const names = value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = names.filter((k) => !(INSIGHT_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new AtliqError(`kinds must list insight kinds (${INSIGHT_KINDS.join(', ')}), got "${unknown.join(', ')}".`);
  }
  return new Set((names.length > 0 ? names : INSIGHT_KINDS) as InsightKind[]);
}

/** What the element shows: the insights, most important first, and the caveats that limit them. */
export interface Insights {
  readonly items: readonly Insight[];
  readonly caveats: readonly Insight[];
  /** The periods compared, e.g. "1 Jan–26 Jun 2020 vs 1 Jan–26 Jun 2019". */
  readonly basis: string;
  readonly money: Money;
}

/** The smallest impact an insight must have, as a share of the current period's revenue. */
export const MATERIALITY = 0.0025;

export function parseMax(value: string): number {
  const n = /^\s*\d{1,2}\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= 20)) throw new AtliqError(`max must be a whole number from 1 to 20, got "${value}".`);
  return n;
}

/** The grains the insights read, per source and snapshot: a click that narrows their filters needs no engine. */
const grainStores = new WeakMap<AtliqSource, { snapshot: string; store: GrainStore }>();

function grainStore(source: AtliqSource, snapshot: string): GrainStore {
  const kept = grainStores.get(source);
  if (kept?.snapshot === snapshot) return kept.store;
  const store = new GrainStore();
  grainStores.set(source, { snapshot, store });
  return store;
}

/** The month before the as-of day's, unless the as-of day ends its month: the last complete month. */
const lastCompleteMonth = (asOf: string) => (isMonthEnd(asOf) ? asOf : addMonths(asOf, -1)).slice(0, 7);

/**
 * Computes every finding for the current filters and turns it into sentences: the change and its drivers, margin,
 * customers won and lost, trends and unusual months, concentration, loss-makers and markets below the profit target
 * (the `target` attribute, else last year's margin). Ranked by what each is worth in rupees; `max` are kept.
 */
export async function loadInsights(
  [maxText, kindsText, targetText, locale, currency, ...period]: InsightsArgs,
  { source, filters, signal, query: ask }: LoadContext,
): Promise<Insights> {
  const max = parseMax(maxText);
  const kinds = parseKinds(kindsText);
  // After the charts: their queries (a click's answers from cubes, the first load's from the engine) are queued
  // before the insights' two dozen, so the panel that explains the numbers never delays the numbers themselves.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (signal.aborted) throw signal.reason;
  const target = targetText.trim() === '' ? null : parseTarget(targetText);
  const manifest = await source.manifestReady;
  const money = moneyFor(manifest, locale, currency);
  const settings = periodSettings(fromPeriodArgs(period), manifest);
  const periods = settings && comparePeriods(filters, settings);
  if (!settings || !periods) {
    throw new AtliqError('Insights need one unbroken period: choose a single year, month or range of them.');
  }
  const fmt: Formats = { money: measureFormats('currency', money), locale: money.locale, shown: (v) => v / money.rate };
  const profit = manifest.measures.profit;
  // The bridges, concentration and leaks split the same two periods 18 ways: asked as 2 queries at their finest grain.
  const query = sharedGrain(
    ask,
    profit ? ['revenue', 'profit'] : ['revenue'],
    grainStore(source, manifest.snapshot_id),
  );
  const [change, concentration, series] = await Promise.all([
    changeFinding(query, periods, profit),
    concentrationFinding(query, periods),
    seriesFindings(query, filters, lastCompleteMonth(settings.asOf)),
  ]);
  const lastYear = change?.margin?.before ?? null;
  const leaks = profit ? await leakFindings(query, periods, target ?? lastYear) : [];
  const targetLabel = target === null ? "last year's margin" : 'the target';
  const items = [
    change && changeInsight(change, periods, fmt),
    change && marginInsight(change, periods, fmt),
    change && customersInsight(change, periods, fmt),
    ...series.trends.map((t) => trendInsight(t, filters, fmt)),
    ...series.unusual.map((u) => unusualInsight(u, filters, fmt)),
    concentration && concentrationInsight(concentration, periods, fmt, change?.current.value ?? 0),
    ...(['market', 'customer', 'product_type'] as const).flatMap((d) => {
      const lost = leaks.filter((l) => l.kind === 'loss' && l.dimension === d);
      return lost.length > 0 ? [leakInsight(lost, periods, fmt, targetLabel)] : [];
    }),
    ...leaks.filter((l) => l.kind === 'below-target').map((l) => leakInsight([l], periods, fmt, targetLabel)),
  ].filter((i): i is Insight => Boolean(i) && kinds.has((i as Insight).kind));
  // Worth less than a quarter of a percent of the period's revenue: true, but not what a director needs to hear.
  const material = MATERIALITY * (change?.current.value ?? 0);
  const kept = items.filter((i) => i.kind === 'change' || i.impact >= material);
  kept.sort((a, b) => b.impact - a.impact);
  const unknown = change?.bridges.product_type.contributions.find((c) => c.member === 'Unknown')?.current ?? 0;
  const share = change && change.current.value > 0 ? unknown / change.current.value : 0;
  return { items: kept.slice(0, max), caveats: caveats(periods, share, fmt), basis: periods.label, money };
}
