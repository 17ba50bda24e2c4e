import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { compile, type QuerySpec } from '../compile.ts';
import type { Connector } from '../connector.ts';
import { connectNode } from '../connectors/node.ts';
import { createSampleDb } from '../testing/sample-db.ts';
import { BRIDGE_DIMENSIONS } from './findings.ts';
import { sharedGrain } from './grain.ts';
import { monthBridges, monthComparison } from './month-bridge.ts';
import { seriesFindings } from './series-findings.ts';

/**
 * 30 months from Jan 2018 in three markets wobbling around a level (whole rupees, so every sum is exact), each month
 * split 40/30/20/10 between four customers. In November 2019 Chennai's new customer Gamma buys 900 of Prod002 on top: the
 * month is unusual in Chennai (and in the total), and Gamma makes its change against November 2018.
 */
const MONTHS = [...Array(30).keys()].map(
  (i) => `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);
const wobble = (i: number, period: number) => 1 + 0.03 * Math.sin((2 * Math.PI * i) / period);
const LEVEL: Record<string, [number, number]> = { Mark001: [600, 5], Mark002: [1000, 7], Mark004: [800, 4] };
const SPIKE = { month: '2019-11', market: 'Mark001', revenue: 900 };

/** The lines of one market's month: [customer, product, revenue]. */
function lines(market: string, i: number): [string, string, number][] {
  const [level, period] = LEVEL[market]!;
  const total = Math.round(level * wobble(i, period));
  const [a, b, c] = [0.4, 0.3, 0.2].map((share) => Math.round(share * total)) as [number, number, number];
  const out: [string, string, number][] = [
    ['Cus001', 'Prod001', a],
    ['Cus002', 'Prod002', b],
    ['Cus004', 'Prod001', c],
    ['Cus005', 'Prod002', total - a - b - c],
  ];
  if (MONTHS[i] === SPIKE.month && market === SPIKE.market) out.push(['Cus003', 'Prod002', SPIKE.revenue]);
  return out;
}

const revenueOf = (market: string, month: string) =>
  lines(market, MONTHS.indexOf(month)).reduce((s, [, , r]) => s + r, 0);

let db: Connector;
beforeAll(async () => {
  const facts = Object.keys(LEVEL).flatMap((market) =>
    MONTHS.flatMap((m, i) =>
      lines(market, i).map(
        ([customer, product, r]) =>
          `DATE '${m}-15', '${market}', '${customer}', '${product}', 1, ${r}, 'INR', ${r}, NULL, NULL`,
      ),
    ),
  );
  db = await connectNode(
    await createSampleDb({
      dim_market: [
        `'Mark001', 'Chennai', 'South', true`,
        `'Mark002', 'Mumbai', 'Central', true`,
        `'Mark004', 'Delhi NCR', 'North', true`,
      ],
      dim_customer: [
        `'Cus001', 'Alpha', 'Brick & Mortar', true`,
        `'Cus002', 'Beta', 'E-Commerce', true`,
        `'Cus003', 'Gamma', 'E-Commerce', true`,
        `'Cus004', 'Delta', 'Brick & Mortar', true`,
        `'Cus005', 'Epsilon', 'E-Commerce', true`,
      ],
      dim_product: [`'Prod001', 'Own Brand', true`, `'Prod002', 'Distribution', true`],
      dim_date: MONTHS.map((m) => `DATE '${m}-15', ${m.slice(0, 4)}, ${Number(m.slice(5))}, 'x', '${m}'`),
      fact_sales: facts,
    }),
  );
});
afterAll(() => db.close());

const query = async (spec: QuerySpec) => {
  const { sql, params } = compile(spec);
  return db.query(sql, params);
};

describe('monthBridges()', () => {
  test("a flagged month's bridge: the month against a year earlier, every split adding up exactly", async () => {
    const { unusual } = await seriesFindings(query, {}, '2020-06');
    const chennai = unusual.find((u) => u.scope !== 'all' && u.scope.market === 'Chennai')!;
    expect(chennai.month).toBe('2019-11');
    const found = await monthBridges(query, [chennai], {});
    expect(found).toHaveLength(1);
    const { periods, change } = found[0]!;
    expect(periods.label).toBe('Nov 2019 vs Nov 2018');
    expect(periods.filters.current).toEqual({ market: ['Chennai'], day: { from: '2019-11-01', to: '2019-11-30' } });
    // Hand-computed from the generator, not from the engine.
    expect(change.current.value).toBe(revenueOf('Mark001', '2019-11'));
    expect(change.baseline.value).toBe(revenueOf('Mark001', '2018-11'));
    for (const d of BRIDGE_DIMENSIONS) {
      const b = change.bridges[d]!;
      // Whole rupees: the members' changes add up to the month's change exactly, not merely closely.
      expect(b.contributions.reduce((s, c) => s + c.change, 0)).toBe(change.current.value - change.baseline.value);
      expect(b.change).toBe(change.current.value - change.baseline.value);
    }
    // The new customer made the month: one customer of five (a market or zone split has just the one member).
    expect(change.lead).toBe('customer');
    expect(change.contributions[0]).toEqual({ dimension: 'customer', member: 'Gamma', change: 900 });
    expect(change.customers).toMatchObject({ gained: 900, gainedMembers: 1, lost: 0, lostMembers: 0 });
    expect(change.margin).toBeNull();
  });

  test('only the largest surprises in money get a bridge, and no query runs without a flagged month', async () => {
    const { unusual } = await seriesFindings(query, {}, '2020-06');
    expect(unusual.length).toBeGreaterThanOrEqual(2);
    const spy = vi.fn(query);
    const found = await monthBridges(spy, unusual, {}, 1);
    const furthest = [...unusual].sort((a, b) => Math.abs(b.value - b.expected) - Math.abs(a.value - a.expected))[0]!;
    expect(found.map((f) => f.month)).toEqual([furthest]);
    // One bridge: both sides of six splits.
    expect(spy).toHaveBeenCalledTimes(2 * BRIDGE_DIMENSIONS.length);
    const none = vi.fn(query);
    expect(await monthBridges(none, [], {})).toEqual([]);
    expect(none).not.toHaveBeenCalled();
  });

  test('through sharedGrain(), as the insights ask: the same bridges, from one grain query per side', async () => {
    const { unusual } = await seriesFindings(query, {}, '2020-06');
    const direct = await monthBridges(query, unusual, {});
    const spy = vi.fn(query);
    const grained = await monthBridges(sharedGrain(spy, ['revenue']), unusual, {});
    expect(grained.map((f) => f.periods.label)).toEqual(direct.map((f) => f.periods.label));
    for (const [i, f] of grained.entries()) {
      const d = direct[i]!.change;
      expect([f.change.current.value, f.change.baseline.value]).toEqual([d.current.value, d.baseline.value]);
      expect(f.change.contributions).toEqual(d.contributions);
      for (const dim of BRIDGE_DIMENSIONS)
        expect(f.change.bridges[dim]!.contributions).toEqual(d.bridges[dim]!.contributions);
    }
    // November 2019 in total and in Chennai: the month and the same month a year earlier are each read once at the
    // grain and split six ways in JavaScript; Chennai's bridge is narrowed from the total's rows, with no query.
    expect(grained.map((f) => [f.month.scope, f.month.month])).toEqual([
      ['all', '2019-11'],
      [{ market: 'Chennai' }, '2019-11'],
    ]);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  test('monthComparison() keeps the other filters, replaces the period, and narrows to the scope market', () => {
    const u = { month: '2020-02', scope: { market: 'Chennai' } } as Parameters<typeof monthComparison>[0];
    const c = monthComparison(u, { year: [2020], customer_type: ['E-Commerce'], market: ['Chennai', 'Mumbai'] });
    expect(c.filters.baseline).toEqual({
      customer_type: ['E-Commerce'],
      market: ['Chennai'],
      day: { from: '2019-02-01', to: '2019-02-28' },
    });
    expect(c.current).toMatchObject({ from: '2020-02-01', to: '2020-02-29', partial: false, label: 'Feb 2020' });
  });
});
