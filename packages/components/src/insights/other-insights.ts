import {
  type ConcentrationFinding,
  type Filters,
  formatDay,
  type LeakFinding,
  type PeriodComparison,
  type Scope,
  type TrendFinding,
  type UnusualMonthFinding,
  withoutPeriods,
} from '@atliq/sdk';
import { formatPoints, percentFormat } from '../base/format.ts';
import { periodLabel } from '../base/period.ts';
import { DIMENSION_NAMES, type Formats } from './change-insights.ts';
import type { Insight } from './insight.ts';
import { readableSql } from './sql-text.ts';

const where = (scope: Scope) => (scope === 'all' ? '' : ` in ${scope.market}`);
const selectMarket = (scope: Scope) =>
  scope === 'all' ? undefined : { dimension: 'market', member: scope.market, label: `Market: ${scope.market}` };
const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : p < 0.01 ? 'p < 0.01' : `p = ${p.toFixed(2)}`);

const seriesSql = (filters: Filters, to: string) =>
  readableSql({
    measures: ['revenue'],
    dimensions: ['month', 'market'],
    filters: { ...withoutPeriods(filters), month: { from: '0000-01', to } },
  });

export function trendInsight(t: TrendFinding, filters: Filters, fmt: Formats): Insight {
  const perMonth = fmt.money.compact(Math.abs(fmt.shown(t.slope)));
  return {
    kind: 'trend',
    text: `Revenue${where(t.scope)} has ${t.direction === 'down' ? 'fallen' : 'risen'} over the last ${t.months} months, about ${perMonth} a month.`,
    tone: t.direction === 'down' ? 'bad' : 'good',
    basis: `${periodLabel(t.from)}–${periodLabel(t.to)}, complete months`,
    impact: Math.abs(t.slope) * t.months,
    confidence: `Mann–Kendall ${pText(t.test.p)}`,
    ...(selectMarket(t.scope) ? { select: selectMarket(t.scope)! } : {}),
    math: {
      method: `Mann–Kendall test on monthly revenue (S = Σ sign(xⱼ − xᵢ), variance corrected for ties, normal approximation), Theil–Sen slope (median of the pairwise slopes); every scope's p-value held to a 5 % false discovery rate (Benjamini–Hochberg).`,
      numbers: [
        ['Months', String(t.months)],
        ['S', String(t.test.s)],
        ['z', t.test.z.toFixed(2)],
        ['p (two-sided)', t.test.p.toPrecision(2)],
        ['Slope per month', fmt.money.full(fmt.shown(t.slope))],
      ],
      sql: [seriesSql(filters, t.to)],
    },
  };
}

export function unusualInsight(u: UnusualMonthFinding, filters: Filters, fmt: Formats): Insight {
  const c = (v: number) => fmt.money.compact(fmt.shown(v));
  const above = u.z > 0;
  const sigma = Math.abs(u.z).toFixed(1);
  return {
    kind: 'unusual-month',
    text: `Revenue${where(u.scope)} in ${periodLabel(u.month)} was ${c(u.value)}, ${above ? 'well above' : 'well below'} the ${c(u.band[0])}–${c(u.band[1])} expected.`,
    tone: above ? 'good' : 'bad',
    basis: `${periodLabel(u.month)} against the same month a year earlier × the year's trend`,
    impact: Math.abs(u.value - u.expected),
    confidence: `${sigma} σ ${above ? 'above' : 'below'} the expected ${c(u.band[0])}–${c(u.band[1])}`,
    ...(selectMarket(u.scope) ? { select: selectMarket(u.scope)! } : {}),
    picture: {
      type: 'band',
      value: fmt.shown(u.value),
      expected: fmt.shown(u.expected),
      band: [fmt.shown(u.band[0]), fmt.shown(u.band[1])],
    },
    math: {
      method:
        'Expected = the same month a year earlier × the median year-over-year ratio of the 12 months before; surprise = ln(actual / expected); robust z = (surprise − median) / (1.4826 × MAD) over all months; unusual at |z| ≥ 3 and within a 5 % false discovery rate (Benjamini–Hochberg) across markets and months.',
      numbers: [
        ['Actual', fmt.money.full(fmt.shown(u.value))],
        ['Expected', fmt.money.full(fmt.shown(u.expected))],
        ['Robust z', u.z.toFixed(2)],
        ['p (two-sided)', u.p.toPrecision(2)],
      ],
      sql: [seriesSql(filters, u.month)],
    },
  };
}

export function concentrationInsight(
  c: ConcentrationFinding,
  periods: PeriodComparison,
  fmt: Formats,
  total: number,
): Insight | null {
  if (!c.flagged) return null;
  const pct = percentFormat(fmt.locale);
  const rising =
    c.rising && c.baselineHhi !== null
      ? `, more than a year earlier (HHI ${c.baselineHhi.toFixed(2)} → ${c.hhi.toFixed(2)})`
      : '';
  return {
    kind: 'concentration',
    text: `${c.top} makes ${pct(100 * c.top1)} of revenue and ${c.for80} of ${c.members} customers make ${pct(80)}${rising}: a few customers carry the business.`,
    tone: 'bad',
    basis: periods.current.label,
    // What rests on the largest customer.
    impact: c.top1 * total,
    confidence: `HHI ${c.hhi.toFixed(2)}, effectively ${c.effective.toFixed(1)} customers`,
    select: { dimension: 'customer', member: c.top, label: `Customer: ${c.top}` },
    picture: { type: 'pareto', cumulative: c.cumulative },
    math: {
      method:
        'Shares of revenue by customer; Herfindahl–Hirschman index HHI = Σ share², effective number of customers 1/HHI; flagged when one customer has more than 25 % or HHI exceeds 0.25.',
      numbers: [
        ['Top customer', pct(100 * c.top1)],
        ['Top 5', pct(100 * c.top5)],
        ['HHI', c.hhi.toFixed(3)],
        ['Customers for 80 %', String(c.for80)],
      ],
      sql: [
        readableSql({
          measures: ['revenue'],
          dimensions: ['customer'],
          filters: periods.filters.current,
          sort: [{ field: 'revenue', order: 'desc' }],
        }),
      ],
    },
  };
}

/**
 * Loss-makers of one dimension together ("3 customers lost ₹1.3L: …", largest first), or one market below the
 * target with the profit its gap costs.
 */
export function leakInsight(
  leaks: readonly LeakFinding[],
  periods: PeriodComparison,
  fmt: Formats,
  targetLabel: string,
): Insight {
  const l = leaks[0]!;
  const [one, many] = DIMENSION_NAMES[l.dimension]!;
  const pct = percentFormat(fmt.locale);
  const c = (v: number) => fmt.money.compact(Math.abs(fmt.shown(v)));
  const lost = leaks.reduce((s, x) => s + x.profit, 0);
  const names = leaks.slice(0, 3).map((x) => `${x.member} (${c(x.profit)})`);
  const text =
    l.kind === 'below-target'
      ? `${l.member}'s margin of ${pct(l.margin)} is ${formatPoints(l.margin - l.target!, fmt.locale).replace(/^-/, '')} below ${targetLabel}: ${c(l.gap!)} of profit short.`
      : leaks.length === 1
        ? `The ${one} ${l.member} lost ${c(l.profit)} (margin ${pct(l.margin)}).`
        : `${leaks.length} ${many} lost ${c(lost)} together: ${names.join(', ')}${leaks.length > 3 ? ' and others' : ''}.`;
  return {
    kind: l.kind,
    text,
    tone: 'bad',
    basis: periods.current.label,
    impact: l.kind === 'loss' ? -lost : l.gap!,
    select: { dimension: l.dimension, member: l.member, label: `${one[0]!.toUpperCase()}${one.slice(1)}: ${l.member}` },
    math: {
      method:
        l.kind === 'loss'
          ? 'Profit = Σ profit of the period’s lines; a loss when below zero.'
          : 'Gap = target × revenue − profit.',
      numbers: leaks.flatMap((x) => [
        [`${x.member}: revenue`, fmt.money.full(fmt.shown(x.revenue))],
        [`${x.member}: profit`, fmt.money.full(fmt.shown(x.profit))],
      ]),
      sql: [
        readableSql({
          measures: ['revenue', 'profit', 'margin'],
          dimensions: [l.dimension],
          filters: periods.filters.current,
        }),
      ],
    },
  };
}

/** What the numbers cannot say: a period cut short, and revenue on products the product list lacks. */
export function caveats(periods: PeriodComparison, unknownShare: number, fmt: Formats): Insight[] {
  const out: Insight[] = [];
  const pct = percentFormat(fmt.locale);
  const math = (method: string) => ({ method, numbers: [], sql: [] });
  if (periods.current.partial) {
    const to = periods.current.to;
    out.push({
      kind: 'caveat',
      text: `${periodLabel(to.slice(0, 7))} is complete only to the ${Number(to.slice(8))}${ordinal(Number(to.slice(8)))}: every comparison counts the same days a year earlier.`,
      tone: 'neutral',
      basis: `as of ${formatDay(to)}`,
      impact: 0,
      math: math('The as-of day is the newest order day of the snapshot (or the page’s as-of attribute).'),
    });
  }
  if (unknownShare >= 0.01) {
    out.push({
      kind: 'caveat',
      text: `${pct(100 * unknownShare)} of revenue is on product codes missing from the product list: product insights cover the rest.`,
      tone: 'neutral',
      basis: periods.current.label,
      impact: 0,
      math: math(
        'Revenue of the product type "Unknown" (codes the source’s product table lacks) over all revenue of the period.',
      ),
    });
  }
  return out;
}

const ordinal = (d: number) =>
  d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';
