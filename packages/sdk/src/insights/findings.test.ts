import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile, type QuerySpec } from '../compile.ts';
import type { Connector } from '../connector.ts';
import { connectNode } from '../connectors/node.ts';
import { comparePeriods } from '../period/period.ts';
import { createSampleDb } from '../testing/sample-db.ts';
import { changeFinding } from './findings.ts';
import { concentrationFinding, leakFindings } from './risk-findings.ts';

/**
 * January 2019 against January 2020, small enough to add up by hand: customer C is lost, D is new, B falls most.
 *   2019: Chennai·A·Prod001 100 (profit 10), Delhi·B·Prod002 200 (40), Delhi·C·Prod001 50 (5)   = 350
 *   2020: Chennai·A·Prod001 110 (11),        Delhi·B·Prod002  80 (24), Delhi·D·Prod002 30 (3)  = 220
 */
const line = (day: string, market: string, customer: string, product: string, revenue: number, profit: number) =>
  `DATE '${day}', '${market}', '${customer}', '${product}', 1, ${revenue}, 'INR', ${revenue}, ${profit}, ${revenue - profit}`;

let db: Connector;
beforeAll(async () => {
  db = await connectNode(
    await createSampleDb({
      dim_market: [`'Mark001', 'Chennai', 'South', true`, `'Mark004', 'Delhi NCR', 'North', true`],
      dim_customer: [
        `'Cus001', 'A', 'Brick & Mortar', true`,
        `'Cus002', 'B', 'E-Commerce', true`,
        `'Cus003', 'C', 'Brick & Mortar', true`,
        `'Cus004', 'D', 'E-Commerce', true`,
      ],
      dim_product: [`'Prod001', 'Own Brand', true`, `'Prod002', 'Distribution', true`],
      dim_date: [
        `DATE '2019-01-10', 2019, 1, 'January', '2019-01'`,
        `DATE '2020-01-10', 2020, 1, 'January', '2020-01'`,
      ],
      fact_sales: [
        line('2019-01-10', 'Mark001', 'Cus001', 'Prod001', 100, 10),
        line('2019-01-10', 'Mark004', 'Cus002', 'Prod002', 200, 40),
        line('2019-01-10', 'Mark004', 'Cus003', 'Prod001', 50, 5),
        line('2020-01-10', 'Mark001', 'Cus001', 'Prod001', 110, 11),
        line('2020-01-10', 'Mark004', 'Cus002', 'Prod002', 80, 24),
        line('2020-01-10', 'Mark004', 'Cus004', 'Prod002', 30, 3),
      ],
    }),
  );
});
afterAll(() => db.close());

const query = async (spec: QuerySpec) => {
  const { sql, params } = compile(spec);
  return db.query(sql, params);
};

describe('changeFinding()', () => {
  test('splits the change by every dimension and leads with the most concentrated one (hand-computed)', async () => {
    const periods = comparePeriods({}, { asOf: '2020-01-31' })!;
    const f = (await changeFinding(query, periods, true))!;
    expect(f.current).toEqual({ from: '2020-01-01', to: '2020-01-31', value: 220 });
    expect(f.baseline).toEqual({ from: '2019-01-01', to: '2019-01-31', value: 350 });
    // Customer B alone explains 120 of the 130 lost: one customer in four, where every other dimension needs one in two.
    expect(f.lead).toBe('customer');
    expect(f.contributions).toEqual([{ dimension: 'customer', member: 'B', change: -120 }]);
    expect(f.bridges.market!.contributions.map((c) => [c.member, c.change])).toEqual([
      ['Delhi NCR', -140],
      ['Chennai', 10],
    ]);
    expect(f.bridges.customer_type!.contributions.map((c) => [c.member, c.change])).toEqual([
      ['E-Commerce', -90],
      ['Brick & Mortar', -40],
    ]);
    expect(f.customers).toEqual({ gained: 30, gainedMembers: 1, lost: -50, lostMembers: 1, retained: -110 });
    // Margin 55/350 → 38/220; mix (0.5 − 2/7)·10 + (0.5 − 5/7)·18, rate 0.5·(27/110·100 − 18).
    expect(f.margin!.before).toBeCloseTo((100 * 55) / 350, 10);
    expect(f.margin!.after).toBeCloseTo((100 * 38) / 220, 10);
    expect(f.margin!.mix).toBeCloseTo((0.5 - 2 / 7) * 10 + (0.5 - 5 / 7) * 18, 10);
    expect(f.margin!.rate).toBeCloseTo(0.5 * ((100 * 27) / 110 - 18), 10);
  });

  test('is null when neither period has sales', async () => {
    expect(await changeFinding(query, comparePeriods({}, { asOf: '2018-06-30' })!, true)).toBeNull();
  });
});

describe('concentrationFinding() and leakFindings()', () => {
  const periods = () => comparePeriods({}, { asOf: '2020-01-31' })!;

  test('customer shares of January 2020 against January 2019 (hand-computed)', async () => {
    const c = (await concentrationFinding(query, periods()))!;
    // 2020: A 110, B 80, D 30 of 220; 2019: A 100, B 200, C 50 of 350.
    expect(c).toMatchObject({ kind: 'concentration', top: 'A', members: 3, for80: 2, flagged: true, rising: false });
    expect(c.top1).toBeCloseTo(0.5, 12);
    // The Pareto points: A, then A + B, then everyone.
    expect(c.cumulative.map((v) => Number(v.toFixed(12)))).toEqual([110 / 220, Number((190 / 220).toFixed(12)), 1]);
    expect(c.hhi).toBeCloseTo((110 ** 2 + 80 ** 2 + 30 ** 2) / 220 ** 2, 12);
    expect(c.baselineHhi).toBeCloseTo((100 ** 2 + 200 ** 2 + 50 ** 2) / 350 ** 2, 12);
  });

  test('markets below a 15 % target with the profit the gap costs; no loss-makers here', async () => {
    // Chennai 11 on 110 (10 %), Delhi NCR 27 on 110 (24.5 %).
    expect(await leakFindings(query, periods(), 15)).toEqual([
      {
        kind: 'below-target',
        dimension: 'market',
        member: 'Chennai',
        revenue: 110,
        profit: 11,
        margin: 10,
        target: 15,
        gap: 0.15 * 110 - 11,
      },
    ]);
    expect(await leakFindings(query, periods(), null)).toEqual([]);
  });

  test('loss-makers by market, customer and product type, largest loss first, before markets below target', async () => {
    const lossy = await connectNode(
      await createSampleDb({
        dim_market: [`'Mark001', 'Chennai', 'South', true`, `'Mark004', 'Delhi NCR', 'North', true`],
        dim_customer: [`'Cus001', 'A', 'Brick & Mortar', true`, `'Cus002', 'B', 'E-Commerce', true`],
        dim_product: [`'Prod001', 'Own Brand', true`, `'Prod002', 'Distribution', true`],
        dim_date: [`DATE '2020-01-10', 2020, 1, 'January', '2020-01'`],
        fact_sales: [
          line('2020-01-10', 'Mark001', 'Cus001', 'Prod001', 100, -20),
          line('2020-01-10', 'Mark004', 'Cus002', 'Prod002', 100, 5),
        ],
      }),
    );
    try {
      const run = async (spec: QuerySpec) => {
        const { sql, params } = compile(spec);
        return lossy.query(sql, params);
      };
      const leaks = await leakFindings(run, periods(), 10);
      expect(leaks.map((l) => [l.kind, l.dimension, l.member, l.profit])).toEqual([
        ['loss', 'market', 'Chennai', -20],
        ['loss', 'customer', 'A', -20],
        ['loss', 'product_type', 'Own Brand', -20],
        ['below-target', 'market', 'Delhi NCR', 5],
      ]);
      expect(leaks[3]!.gap).toBeCloseTo(0.1 * 100 - 5, 12);
    } finally {
      await lossy.close();
    }
  });
});
