import {
  EngineNeededError,
  type Filters,
  type MonthBridgeFinding,
  monthBridges,
  type QueryFn,
  type UnusualMonthFinding,
} from '@atliq/sdk';
import { bridgeSpecs, DIMENSION_NAMES, driversText, type Formats, waterfallSteps } from './change-insights.ts';
import type { Insight } from './insight.ts';
import { unusualInsight } from './other-insights.ts';
import { readableSql } from './sql-text.ts';

/**
 * The unusual months as insights, the largest surprises with their own bridge ({@link monthBridges}: the month
 * against the same month a year earlier, split like the change). Such a month's sentence names the members that led
 * it, its `data` carries the bridge as a change's does (`measure`, `current`, `baseline`, `contributions`) and its
 * picture draws the bridge's waterfall under the band. Where the bridge needs the engine and `query` may not use it
 * (the first stage), the months come without bridges.
 */
export async function unusualWithBridges(
  query: QueryFn,
  unusual: readonly UnusualMonthFinding[],
  filters: Filters,
  fmt: Formats,
): Promise<Insight[]> {
  const bridges = await monthBridges(query, unusual, filters).catch((error: unknown) => {
    if (error instanceof EngineNeededError) return [];
    throw error;
  });
  return unusual.map((u) => {
    const insight = unusualInsight(u, filters, fmt);
    const found = bridges.find((b) => b.month === u);
    return found ? withBridge(insight, found, fmt) : insight;
  });
}

function withBridge(insight: Insight, { month, periods, change: f }: MonthBridgeFinding, fmt: Formats): Insight {
  const change = f.current.value - f.baseline.value;
  const full = (v: number) => fmt.money.full(fmt.shown(v));
  // The bridge explains the month against a year earlier: its drivers led the surprise only when both go one way.
  const led = f.contributions.length > 0 && Math.sign(change) === Math.sign(month.z);
  const band = insight.picture?.type === 'band' ? insight.picture : null;
  return {
    ...insight,
    text: led ? `${insight.text.replace(/\.$/, '')}, led by ${driversText(f)}.` : insight.text,
    measure: 'revenue',
    current: f.current,
    baseline: f.baseline,
    contributions: f.contributions,
    // Three named steps, as the sentence names three (and seven bars' labels would collide on a phone).
    ...(band
      ? { picture: { ...band, steps: waterfallSteps(f, [periods.baseline.label, periods.current.label], fmt, 3) } }
      : {}),
    math: {
      method: `${insight.math.method} The month's bridge: ${periods.label}, split by market, zone, customer type, product type, customer and product, each member's change its own difference; led by the ${DIMENSION_NAMES[f.lead]![0]} split, where the fewest members explain at least two thirds of it.`,
      numbers: [
        ...insight.math.numbers,
        [periods.baseline.label, full(f.baseline.value)],
        [`Change on ${periods.baseline.label}`, full(change)],
        ...f.contributions.map((c) => [c.member, full(c.change)] as const),
      ],
      sql: [...insight.math.sql, ...bridgeSpecs(periods, f.lead).map(readableSql)],
    },
  };
}
