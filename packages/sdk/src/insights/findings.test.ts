import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile, type QuerySpec } from '../compile.ts';
import type { Connector } from '../connector.ts';
import { connectNode } from '../connectors/node.ts';
import { comparePeriods } from '../period/period.ts';
import { createSampleDb } from '../testing/sample-db.ts';
import { changeFinding } from './findings.ts';

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
    expect(f.bridges.market.contributions.map((c) => [c.member, c.change])).toEqual([
      ['Delhi NCR', -140],
      ['Chennai', 10],
    ]);
    expect(f.bridges.customer_type.contributions.map((c) => [c.member, c.change])).toEqual([
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
