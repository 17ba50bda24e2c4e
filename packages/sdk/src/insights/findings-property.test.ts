import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile, type QuerySpec } from '../compile.ts';
import type { Connector } from '../connector.ts';
import { connectNode } from '../connectors/node.ts';
import type { Filters } from '../filter.ts';
import { comparePeriods } from '../period/period.ts';
import { generatedRows, random } from '../testing/generated-rows.ts';
import { createSampleDb } from '../testing/sample-db.ts';
import { BRIDGE_DIMENSIONS, changeFinding } from './findings.ts';
import { GrainStore, sharedGrain } from './grain.ts';
import { concentrationFinding, leakFindings } from './risk-findings.ts';

/**
 * Property: under random filters and as-of days, the change finding's totals equal plain SQL over the fact table
 * (written here, not compiled), and every dimension's bridge, the customer walk and the margin's mix and rate add up
 * exactly to the change.
 */

let db: Connector;
beforeAll(async () => {
  db = await connectNode(await createSampleDb(generatedRows(3000, 11)));
});
afterAll(() => db.close());

const query = async (spec: QuerySpec) => {
  const { sql, params } = compile(spec);
  return db.query(sql, params);
};

const CHOICES = {
  market: ['Chennai', 'Delhi NCR', 'Mumbai', 'New York'],
  zone: ['South', 'North', 'Central'],
  customer_type: ['Brick & Mortar', 'E-Commerce'],
  product_type: ['Own Brand', 'Distribution', 'Unknown'],
} as const;
const COLUMNS = {
  market: 'm.market_name',
  zone: 'm.zone',
  customer_type: 'c.customer_type',
  product_type: 'p.product_type',
};

/** Revenue and profit of the fact rows from `from` to `to` under `filters`, by hand-written SQL. */
async function truth(filters: Filters, from: string, to: string) {
  const where = [`f.order_date BETWEEN DATE '${from}' AND DATE '${to}'`];
  for (const [dimension, members] of Object.entries(filters)) {
    const list = (members as readonly string[]).map((m) => `'${m.replaceAll("'", "''")}'`).join(', ');
    where.push(`${COLUMNS[dimension as keyof typeof COLUMNS]} IN (${list})`);
  }
  const [row] = await db.query(
    `SELECT coalesce(sum(f.revenue), 0) AS revenue, coalesce(sum(f.profit), 0) AS profit
     FROM fact_sales f
     LEFT JOIN dim_market m USING (market_code)
     LEFT JOIN dim_customer c USING (customer_code)
     LEFT JOIN dim_product p USING (product_code)
     WHERE ${where.join(' AND ')}`,
    [],
  );
  return { revenue: Number(row!['revenue']), profit: Number(row!['profit']) };
}

describe('changeFinding() over random filters', () => {
  test('totals equal SQL on the facts; bridges, walk and margin effects add up to the change', {
    timeout: 30_000,
  }, async () => {
    const r = random(4242);
    let compared = 0;
    for (let run = 0; run < 40; run++) {
      const filters: Record<string, string[]> = {};
      for (const [dimension, members] of Object.entries(CHOICES)) {
        if (r() < 0.5) continue;
        const chosen = members.filter(() => r() < 0.5);
        if (chosen.length > 0) filters[dimension] = chosen;
      }
      // A day of 2020 other than 29 February, whose year-earlier day is the same date.
      const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(r() * 365) * 86_400_000).toISOString().slice(0, 10);
      if (day.endsWith('02-29')) continue;
      const periods = comparePeriods(filters, { asOf: day })!;
      const finding = await changeFinding(query, periods, true);
      const now = await truth(filters, '2020-01-01', day);
      const before = await truth(filters, '2019-01-01', `2019${day.slice(4)}`);
      if (now.revenue === 0 && before.revenue === 0) {
        expect(finding).toBeNull();
        continue;
      }
      compared++;
      const f = finding!;
      expect(f.current.value).toBe(now.revenue);
      expect(f.baseline.value).toBe(before.revenue);
      const change = now.revenue - before.revenue;
      for (const dimension of BRIDGE_DIMENSIONS) {
        const sum = f.bridges[dimension]!.contributions.reduce((s, c) => s + c.change, 0);
        expect({ dimension, sum }).toEqual({ dimension, sum: change });
      }
      const w = f.customers!;
      expect(w.gained + w.lost + w.retained).toBe(change);
      if (f.margin && now.revenue !== 0 && before.revenue !== 0) {
        const after = (100 * now.profit) / now.revenue;
        const was = (100 * before.profit) / before.revenue;
        expect(f.margin.after).toBeCloseTo(after, 9);
        expect(f.margin.before).toBeCloseTo(was, 9);
        expect(f.margin.mix + f.margin.rate).toBeCloseTo(after - was, 9);
      }
    }
    // Most runs compare something: the property is not vacuous.
    expect(compared).toBeGreaterThan(20);
  });

  // 25 runs of a dozen queries each: 3.5 s alone, past the default 5 s when the whole unit project shares 2 cores.
  test('sharedGrain() gives the same findings as the engine, from one query per period', {
    timeout: 30_000,
  }, async () => {
    const r = random(77);
    for (let run = 0; run < 25; run++) {
      const filters: Record<string, string[]> = {};
      for (const [dimension, members] of Object.entries(CHOICES)) {
        if (r() < 0.6) continue;
        const chosen = members.filter(() => r() < 0.5);
        if (chosen.length > 0) filters[dimension] = chosen;
      }
      const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(r() * 365) * 86_400_000).toISOString().slice(0, 10);
      if (day.endsWith('02-29')) continue;
      const periods = comparePeriods(filters, { asOf: day })!;
      const asked: QuerySpec[] = [];
      const store = new GrainStore();
      const grain = sharedGrain(
        async (spec) => {
          asked.push(spec);
          return query(spec);
        },
        ['revenue', 'profit'],
        store,
      );
      const expectSameFindings = async (p: typeof periods) => {
        const [change, concentration, leaks] = await Promise.all([
          changeFinding(grain, p, true),
          concentrationFinding(grain, p),
          leakFindings(grain, p, 30),
        ]);
        // Whole rupees: the sums are exact in any order, so the findings are equal, not close.
        expect(change).toEqual(await changeFinding(query, p, true));
        expect(concentration).toEqual(await concentrationFinding(query, p));
        expect(leaks).toEqual(await leakFindings(query, p, 30));
      };
      await expectSameFindings(periods);
      expect(asked.map((spec) => spec.filters)).toEqual([periods.filters.current, periods.filters.baseline]);
      // A click narrows the filters to members of a grain dimension: answered from the stored grains, no query.
      const [dimension, members] = Object.entries(CHOICES).find(([d]) => !(d in filters)) ?? ['market', ['Chennai']];
      const clicked = { ...filters, [dimension]: members.filter(() => r() < 0.5) };
      await expectSameFindings(comparePeriods(clicked, { asOf: day })!);
      expect(asked).toHaveLength(2);
    }
  });
});
