import type { ChangeFinding, PeriodComparison, QuerySpec } from '@atliq/sdk';
import { type CurrencyFormats, formatPoints, percentFormat } from '../base/format.ts';
import type { Insight, WaterfallStep } from './insight.ts';
import { readableSql } from './sql-text.ts';

/** Below these, a change is noise for a director: said nowhere rather than shown as filler. */
export const MIN_CHANGE_SHARE = 0.02;
export const MIN_MARGIN_POINTS = 0.5;
export const MIN_WALK_SHARE = 0.05;

export const DIMENSION_NAMES: Record<string, readonly [string, string]> = {
  market: ['market', 'markets'],
  zone: ['zone', 'zones'],
  customer: ['customer', 'customers'],
  customer_type: ['customer type', 'customer types'],
  product: ['product', 'products'],
  product_type: ['product type', 'product types'],
};

export interface Formats {
  readonly money: CurrencyFormats;
  readonly locale: string;
  /** Converts a value in the reporting currency to the currency shown. */
  readonly shown: (value: number) => number;
}

export const listOf = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** A period in a few characters for a chart label: its year when it lies in one ("2019"), else its label. */
const shortLabel = (p: { from: string; to: string; label: string }) =>
  p.from.slice(0, 4) === p.to.slice(0, 4) ? p.from.slice(0, 4) : p.label;

// A word joiner keeps the sign on the amount's line: a phone broke "(−" from "₹1.4Cr)".
const signedMoney = (fmt: Formats, v: number) =>
  `${v > 0 ? '+\u2060' : v < 0 ? '−\u2060' : ''}${fmt.money.compact(Math.abs(fmt.shown(v)))}`;

/** The queries of one side of the bridge, by `dimension`. */
export const bridgeSpecs = (periods: PeriodComparison, dimension: string): QuerySpec[] =>
  [periods.filters.current, periods.filters.baseline].map((filters) => ({
    measures: ['revenue'],
    dimensions: [dimension],
    filters,
  }));

/** The members a bridge's lead drivers name: "the market Chennai", or "3 of 17 markets, A, B and C". */
export function driversText(f: ChangeFinding): string {
  const lead = f.bridges[f.lead]!;
  const [one, many] = DIMENSION_NAMES[f.lead]!;
  const drivers = lead.drivers;
  return drivers.length === 1
    ? `the ${one} ${drivers[0]!.member}`
    : `${drivers.length} of ${lead.contributions.length} ${many}, ${listOf(drivers.slice(0, 3).map((d) => d.member))}${drivers.length > 3 ? ' and others' : ''}`;
}

/** A bridge as a waterfall: the baseline, its first `named` drivers, the others, the current value. */
export function waterfallSteps(
  f: ChangeFinding,
  [before, now]: readonly [string, string],
  fmt: Formats,
  named = 4,
): WaterfallStep[] {
  const change = f.current.value - f.baseline.value;
  const drivers = f.bridges[f.lead]!.drivers;
  const shown = drivers.slice(0, named);
  const others = change - shown.reduce((s, d) => s + d.change, 0);
  return [
    { label: before, value: fmt.shown(f.baseline.value), total: true },
    ...shown.map((d) => ({ label: d.member, value: fmt.shown(d.change) })),
    ...(Math.abs(others) > 0 || drivers.length > named ? [{ label: 'Others', value: fmt.shown(others) }] : []),
    { label: now, value: fmt.shown(f.current.value), total: true },
  ];
}

/** The change of revenue and the members that explain two thirds of it; null when it is too small to matter. */
export function changeInsight(f: ChangeFinding, periods: PeriodComparison, fmt: Formats): Insight | null {
  const change = f.current.value - f.baseline.value;
  if (f.baseline.value <= 0 || Math.abs(change) < MIN_CHANGE_SHARE * f.baseline.value) return null;
  const lead = f.bridges[f.lead]!;
  const [one] = DIMENSION_NAMES[f.lead]!;
  const drivers = lead.drivers;
  const explained = drivers.reduce((s, d) => s + d.change, 0);
  const share = percentFormat(fmt.locale)((100 * explained) / change);
  const relative = percentFormat(fmt.locale)((100 * Math.abs(change)) / f.baseline.value);
  const verb = change < 0 ? 'fell' : 'rose';
  const who = driversText(f);
  return {
    kind: 'change',
    text: `Revenue ${verb} ${relative} (${signedMoney(fmt, change)}); ${who} ${drivers.length === 1 ? 'makes' : 'make'} ${share} of it.`,
    tone: change < 0 ? 'bad' : 'good',
    basis: periods.label,
    impact: Math.abs(change),
    measure: 'revenue',
    current: f.current,
    baseline: f.baseline,
    contributions: f.contributions,
    select: {
      dimension: f.lead,
      member: drivers[0]!.member,
      label: `${one[0]!.toUpperCase()}${one.slice(1)}: ${drivers[0]!.member}`,
    },
    picture: {
      type: 'waterfall',
      steps: waterfallSteps(f, [shortLabel(periods.baseline), shortLabel(periods.current)], fmt),
    },
    math: {
      method: `Revenue of ${periods.current.label} against ${periods.baseline.label}, split by market, zone, customer type, product type, customer and product; each member's change is its own difference, so the members add up to the change. Led by the ${one} split, where the fewest members (${drivers.length} of ${lead.contributions.length}) explain at least two thirds of the change.`,
      numbers: [
        [periods.current.label, fmt.money.full(fmt.shown(f.current.value))],
        [periods.baseline.label, fmt.money.full(fmt.shown(f.baseline.value))],
        ['Change', fmt.money.full(fmt.shown(change))],
        ...drivers.map((d) => [d.member, fmt.money.full(fmt.shown(d.change))] as const),
      ],
      sql: bridgeSpecs(periods, f.lead).map(readableSql),
    },
  };
}

/** Margin's change split into mix and rate; null without profit or when it moved less than half a point. */
export function marginInsight(f: ChangeFinding, periods: PeriodComparison, fmt: Formats): Insight | null {
  const m = f.margin;
  if (!m || Math.abs(m.change) < MIN_MARGIN_POINTS) return null;
  const points = (v: number) => formatPoints(v, fmt.locale);
  const pct = percentFormat(fmt.locale);
  const mainly =
    Math.abs(m.rate) >= Math.abs(m.mix) ? "the markets' own margins" : 'a shift of revenue between markets';
  return {
    kind: 'margin',
    text: `Margin ${m.change > 0 ? 'rose' : 'fell'} ${points(m.change).replace(/^[+-]/, '')} to ${pct(m.after)}, mainly from ${mainly} (${points(m.rate)} rate, ${points(m.mix)} mix).`,
    tone: m.change > 0 ? 'good' : 'bad',
    basis: periods.label,
    impact: (Math.abs(m.change) / 100) * f.current.value,
    math: {
      method:
        'Δm = Σ(w₁ − w₀)·m₀ + Σw₁·(m₁ − m₀) over markets, w a market’s share of revenue and m its margin: the mix and the rate effect add up to the change exactly.',
      numbers: [
        ['Margin before', pct(m.before)],
        ['Margin after', pct(m.after)],
        ['Mix effect', points(m.mix)],
        ['Rate effect', points(m.rate)],
      ],
      sql: [periods.filters.current, periods.filters.baseline].map((filters) =>
        readableSql({ measures: ['revenue', 'profit', 'margin'], dimensions: ['market'], filters }),
      ),
    },
  };
}

/** New, lost and retained customers, when new or lost ones moved at least 5 % of the baseline. */
export function customersInsight(f: ChangeFinding, periods: PeriodComparison, fmt: Formats): Insight | null {
  const w = f.customers;
  if (!w || f.baseline.value <= 0 || Math.max(w.gained, -w.lost) < MIN_WALK_SHARE * f.baseline.value) return null;
  const money = (v: number) => fmt.money.compact(Math.abs(fmt.shown(v)));
  return {
    kind: 'customers',
    text: `${w.gainedMembers} new customers brought ${money(w.gained)} and ${w.lostMembers} lost ones took ${money(w.lost)}; the others ${w.retained < 0 ? 'bought' : 'added'} ${money(w.retained)} ${w.retained < 0 ? 'less' : 'more'}.`,
    tone: w.gained + w.lost >= 0 ? 'good' : 'bad',
    basis: periods.label,
    impact: Math.max(w.gained, -w.lost),
    math: {
      method:
        'Customers with no revenue in the baseline are new, those with none now are lost; new + lost + retained = the change.',
      numbers: [
        ['New', fmt.money.full(fmt.shown(w.gained))],
        ['Lost', fmt.money.full(fmt.shown(w.lost))],
        ['Retained', fmt.money.full(fmt.shown(w.retained))],
      ],
      sql: bridgeSpecs(periods, 'customer').map(readableSql),
    },
  };
}
