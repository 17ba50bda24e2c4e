import {
  AtliqError,
  type AtliqSource,
  addMonths,
  BRIDGE_DIMENSIONS,
  type BridgeDimension,
  changeFinding,
  comparePeriods,
  concentrationFinding,
  EngineNeededError,
  type Filters,
  GrainStore,
  isMonthEnd,
  LEAK_DIMENSIONS,
  leakFindings,
  type PeriodComparison,
  type QueryFn,
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
import { unusualWithBridges } from './month-insights.ts';
import { caveats, concentrationInsight, leakInsight, trendInsight } from './other-insights.ts';

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
  /** Set on a first stage's insights (markets only): what is still being read. Null when every finding is in. */
  readonly pending: string | null;
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

/** What every stage of the insights reads: the periods compared, the formats, the kinds asked for, the target. */
interface Setting {
  readonly periods: PeriodComparison;
  readonly filters: Filters;
  readonly lastMonth: string;
  readonly profit: boolean;
  readonly target: number | null;
  readonly kinds: ReadonlySet<InsightKind>;
  readonly max: number;
  readonly fmt: Formats;
  readonly money: Money;
}

/** The dimensions the first stage splits by: those the month and day files hold. */
const MARKET_STAGE: readonly BridgeDimension[] = ['market', 'zone'];

/** What the first stage says it has not looked at yet. */
export const PENDING_NOTE = 'Customer and product insights follow once the engine has read them.';

/** How long the first stage waits for the full one before showing itself: a click's full answer comes sooner. */
export const FIRST_STAGE_GRACE_MS = 120;

/** `promise`'s value, or null when its question needs the engine (the first stage leaves it to the full one). */
const unlessEngine = <T>(promise: Promise<T>): Promise<T | null> =>
  promise.catch((error: unknown) => {
    if (error instanceof EngineNeededError) return null;
    throw error;
  });

/**
 * The findings turned into sentences, ranked by what each is worth in rupees, `max` kept. With `stage` 'markets'
 * only what the month and day files answer (`query` rejecting the rest with EngineNeededError): the change split by
 * market and zone, margin, trends, unusual months and market leaks; 'all' reads every dimension.
 */
async function findInsights(query: QueryFn, s: Setting, stage: 'markets' | 'all'): Promise<Insights> {
  const { periods, fmt, kinds, profit } = s;
  const first = stage === 'markets';
  const [change, concentration, series] = await Promise.all([
    unlessEngine(changeFinding(query, periods, profit, first ? MARKET_STAGE : BRIDGE_DIMENSIONS)),
    first ? null : concentrationFinding(query, periods),
    unlessEngine(seriesFindings(query, s.filters, s.lastMonth)),
  ]);
  const lastYear = change?.margin?.before ?? null;
  const target = s.target ?? lastYear;
  const leaks = profit
    ? ((await unlessEngine(leakFindings(query, periods, target, first ? ['market'] : LEAK_DIMENSIONS))) ?? [])
    : [];
  const targetLabel = s.target === null ? "last year's margin" : 'the target';
  const items = [
    change && changeInsight(change, periods, fmt),
    change && marginInsight(change, periods, fmt),
    change && customersInsight(change, periods, fmt),
    ...(series?.trends ?? []).map((t) => trendInsight(t, s.filters, fmt)),
    ...(await unusualWithBridges(query, series?.unusual ?? [], s.filters, fmt)),
    concentration && concentrationInsight(concentration, periods, fmt, change?.current.value ?? 0),
    ...LEAK_DIMENSIONS.flatMap((d) => {
      const lost = leaks.filter((l) => l.kind === 'loss' && l.dimension === d);
      return lost.length > 0 ? [leakInsight(lost, periods, fmt, targetLabel)] : [];
    }),
    ...leaks.filter((l) => l.kind === 'below-target').map((l) => leakInsight([l], periods, fmt, targetLabel)),
  ].filter((i): i is Insight => Boolean(i) && kinds.has((i as Insight).kind));
  // Worth less than a quarter of a percent of the period's revenue: true, but not what a director needs to hear.
  const material = MATERIALITY * (change?.current.value ?? 0);
  const kept = items.filter((i) => i.kind === 'change' || i.impact >= material);
  // The change leads when there is one: the headline under "What changed" must be what changed, not a structural fact
  // (a top customer's revenue outweighs most changes in rupees). The rest by what each is worth.
  kept.sort((a, b) => Number(b.kind === 'change') - Number(a.kind === 'change') || b.impact - a.impact);
  const unknown = change?.bridges.product_type?.contributions.find((c) => c.member === 'Unknown')?.current ?? 0;
  const share = change && change.current.value > 0 ? unknown / change.current.value : 0;
  return {
    items: kept.slice(0, s.max),
    caveats: caveats(periods, share, fmt),
    basis: periods.label,
    money: s.money,
    pending: first ? PENDING_NOTE : null,
  };
}

/**
 * Computes every finding for the current filters and turns it into sentences: the change and its drivers, margin,
 * customers won and lost, trends and unusual months, concentration, loss-makers and markets below the profit target
 * (the `target` attribute, else last year's margin). The change first, as the headline; the rest ranked by what
 * each is worth in rupees; `max` are kept.
 *
 * In two stages when `progress` is given: what the snapshot's month and day files answer (markets and zones, no
 * engine) is handed to `progress` while the engine reads customers and products, unless the full answer comes within
 * {@link FIRST_STAGE_GRACE_MS} of it (a click answered from the grains): the page learns the main story at once.
 */
export async function loadInsights(
  [maxText, kindsText, targetText, locale, currency, ...period]: InsightsArgs,
  { source, filters, signal, query: ask }: LoadContext,
  progress?: (first: Insights) => void,
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
  const profit = Boolean(manifest.measures.profit);
  const setting: Setting = {
    periods,
    filters,
    lastMonth: lastCompleteMonth(settings.asOf),
    profit,
    target,
    kinds,
    max,
    fmt,
    money,
  };
  // The bridges, concentration and leaks split the same two periods 18 ways: asked as 2 queries at their finest grain.
  const grain = sharedGrain(
    ask,
    profit ? ['revenue', 'profit'] : ['revenue'],
    grainStore(source, manifest.snapshot_id),
  );
  const full = findInsights(grain, setting, 'all');
  if (progress) {
    const local: QueryFn = (spec) => source.query(spec, { signal, local: true });
    const first = findInsights(local, setting, 'markets').then(
      (found) => new Promise<Insights>((resolve) => setTimeout(() => resolve(found), FIRST_STAGE_GRACE_MS)),
      () => null,
    );
    const early = await Promise.race([full.then(() => null), first]);
    if (early && early.items.length > 0 && !signal.aborted) progress(early);
  }
  return full;
}
