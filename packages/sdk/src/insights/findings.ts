import type { QuerySpec } from '../compile.ts';
import type { Row } from '../connector.ts';
import type { PeriodComparison } from '../period/period.ts';
import { type Bridge, bridge, type Walk, walk } from './bridge.ts';
import { type MarginBridge, marginBridge } from './margin-bridge.ts';

/** Runs a model query: `AtliqSource.query`, or a connector with `compile()` in Node. */
export type QueryFn = (spec: QuerySpec) => Promise<Row[]>;

/** The dimensions a change is split by, in the order a tie between them is broken. */
export const BRIDGE_DIMENSIONS = ['market', 'zone', 'customer_type', 'product_type', 'customer', 'product'] as const;
export type BridgeDimension = (typeof BRIDGE_DIMENSIONS)[number];

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const key = (v: unknown) => (v === null || v === undefined ? '(none)' : String(v));

/** One side of a comparison as a host page reads it. */
export interface PeriodValue {
  readonly from: string;
  readonly to: string;
  readonly value: number;
}

/** What changed between the baseline and the current period, and which members made it. */
export interface ChangeFinding {
  readonly kind: 'change';
  readonly measure: 'revenue';
  readonly current: PeriodValue;
  readonly baseline: PeriodValue;
  /** The dimension where the change is most concentrated (see {@link leadDimension}). */
  readonly lead: BridgeDimension;
  /** The lead dimension's drivers: the fewest members that explain two thirds of the change. */
  readonly contributions: readonly { dimension: BridgeDimension; member: string; change: number }[];
  /** Every dimension's full bridge (each adds up to the change): those asked for, all of them by default. */
  readonly bridges: Readonly<Partial<Record<BridgeDimension, Bridge>>>;
  /** New, lost and retained customers; null when the change was not split by customer. */
  readonly customers: Walk | null;
  /** Margin by market split into mix and rate, when the extract has profit. */
  readonly margin: MarginBridge | null;
}

/** Per member of `dimension`: revenue (and profit) in the current and the baseline period. */
async function sides(query: QueryFn, dimension: string, periods: PeriodComparison, profit: boolean) {
  const measures = profit ? ['revenue', 'profit'] : ['revenue'];
  const [now, before] = await Promise.all(
    [periods.filters.current, periods.filters.baseline].map((filters) =>
      query({ measures, dimensions: [dimension], filters }),
    ),
  );
  const members = new Map<string, { r1: number; p1: number; r0: number; p0: number }>();
  const at = (m: string) => members.get(m) ?? members.set(m, { r1: 0, p1: 0, r0: 0, p0: 0 }).get(m)!;
  for (const row of now!) Object.assign(at(key(row[dimension])), { r1: num(row['revenue']), p1: num(row['profit']) });
  for (const row of before!)
    Object.assign(at(key(row[dimension])), { r0: num(row['revenue']), p0: num(row['profit']) });
  return [...members].map(([member, v]) => ({ member, ...v }));
}

/**
 * The change of revenue from the baseline to the current period, split by every dimension of `dimensions` (all of
 * {@link BRIDGE_DIMENSIONS} by default; the first must be `market`, which margin is split by); the lead is the
 * dimension where the fewest members explain two thirds of it. Null when neither period has revenue.
 */
export async function changeFinding(
  query: QueryFn,
  periods: PeriodComparison,
  profit: boolean,
  dimensions: readonly BridgeDimension[] = BRIDGE_DIMENSIONS,
): Promise<ChangeFinding | null> {
  if (dimensions[0] !== 'market') throw new Error('changeFinding splits by market first.');
  const split = await Promise.all(dimensions.map((d) => sides(query, d, periods, profit)));
  const bridges = Object.fromEntries(
    dimensions.map((d, i) => [d, bridge(split[i]!.map((m) => ({ member: m.member, current: m.r1, baseline: m.r0 })))]),
  ) as Partial<Record<BridgeDimension, Bridge>> & { market: Bridge };
  const total = bridges.market;
  if (total.current === 0 && total.baseline === 0) return null;
  const lead = leadDimension(bridges);
  const markets = split[0]!;
  return {
    kind: 'change',
    measure: 'revenue',
    current: { from: periods.current.from, to: periods.current.to, value: total.current },
    baseline: { from: periods.baseline.from, to: periods.baseline.to, value: total.baseline },
    lead,
    contributions: bridges[lead]!.drivers.map((d) => ({ dimension: lead, member: d.member, change: d.change })),
    bridges,
    customers: bridges.customer ? walk(bridges.customer) : null,
    margin: profit
      ? marginBridge(
          markets.map((m) => ({ member: m.member, revenue0: m.r0, profit0: m.p0, revenue1: m.r1, profit1: m.p1 })),
        )
      : null,
  };
}

/** A dimension needs this many members before "a few of them explain it" says anything. */
export const MIN_LEAD_MEMBERS = 4;

/**
 * The dimension to lead with: where the fewest members explain two thirds of the change. Dimensions with fewer than
 * {@link MIN_LEAD_MEMBERS} members (zones, customer and product types) lead only when no other one can: one zone of
 * three is no news. Among as many drivers, the one whose drivers explain more of the change leads; then the coarser
 * dimension (the order of {@link BRIDGE_DIMENSIONS}).
 */
export function leadDimension(bridges: Readonly<Partial<Record<BridgeDimension, Bridge>>>): BridgeDimension {
  const rank = (d: BridgeDimension) => {
    const b = bridges[d];
    if (!b) return Number.POSITIVE_INFINITY;
    const few = b.contributions.length < MIN_LEAD_MEMBERS ? 1e6 : 0;
    // Among as many drivers, the dimension whose drivers explain more of the change is the more concentrated.
    const explained = b.drivers.reduce((sum, d) => sum + d.change, 0) / b.change;
    return b.drivers.length === 0 ? Number.POSITIVE_INFINITY : few + b.drivers.length - Math.min(explained, 1);
  };
  return [...BRIDGE_DIMENSIONS].sort((a, b) => rank(a) - rank(b))[0]!;
}
