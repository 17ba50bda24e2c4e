import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile, type QuerySpec } from '../compile.ts';
import type { Connector } from '../connector.ts';
import { connectNode } from '../connectors/node.ts';
import { createSampleDb } from '../testing/sample-db.ts';
import { seriesFindings } from './series-findings.ts';

/**
 * 30 months from Jan 2018 in three markets: Mumbai falls 20 a month, Delhi NCR and Chennai wobble around a level
 * (fixed ±3 % patterns of different periods); Chennai has one month at 2.5 times its usual level.
 */
const MONTHS = [...Array(30).keys()].map(
  (i) => `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);
const wobble = (i: number, period: number) => 1 + 0.03 * Math.sin((2 * Math.PI * i) / period);
const REVENUE: Record<string, (i: number) => number> = {
  Mark002: (i) => 1000 - 20 * i,
  Mark004: (i) => 800 * wobble(i, 7),
  Mark001: (i) => 600 * wobble(i, 5) * (MONTHS[i] === '2019-11' ? 2.5 : 1),
};

let db: Connector;
beforeAll(async () => {
  const facts = Object.entries(REVENUE).flatMap(([market, f]) =>
    MONTHS.map(
      (m, i) =>
        `DATE '${m}-15', '${market}', 'Cus001', 'Prod001', 1, ${f(i).toFixed(2)}, 'INR', ${f(i).toFixed(2)}, NULL, NULL`,
    ),
  );
  db = await connectNode(
    await createSampleDb({
      dim_market: [
        `'Mark001', 'Chennai', 'South', true`,
        `'Mark002', 'Mumbai', 'Central', true`,
        `'Mark004', 'Delhi NCR', 'North', true`,
      ],
      fact_sales: facts,
    }),
  );
});
afterAll(() => db.close());

const query = async (spec: QuerySpec) => {
  const { sql, params } = compile(spec);
  return db.query(sql, params);
};

describe('seriesFindings()', () => {
  test("finds Mumbai's fall and Chennai's unusual November, and nothing in Delhi NCR", async () => {
    const { trends, unusual } = await seriesFindings(query, {}, '2020-06');
    const mumbai = trends.find((t) => t.scope !== 'all' && t.scope.market === 'Mumbai')!;
    expect(mumbai).toMatchObject({ direction: 'down', months: 24, from: '2018-07', to: '2020-06' });
    expect(mumbai.slope).toBeCloseTo(-20, 6);
    expect(mumbai.test.p).toBeLessThan(0.01);
    expect(trends.some((t) => t.scope !== 'all' && t.scope.market === 'Delhi NCR')).toBe(false);
    expect(unusual.map((u) => [u.scope === 'all' ? 'all' : u.scope.market, u.month])).toContainEqual([
      'Chennai',
      '2019-11',
    ]);
    expect(unusual.every((u) => u.scope === 'all' || u.scope.market === 'Chennai')).toBe(true);
  });

  test('a market filter narrows every series; the months after the last complete one are left out', async () => {
    const { trends } = await seriesFindings(query, { market: ['Mumbai'], year: [2020] }, '2019-12');
    expect(trends.map((t) => [t.scope, t.to])).toEqual([
      ['all', '2019-12'],
      [{ market: 'Mumbai' }, '2019-12'],
    ]);
  });
});
