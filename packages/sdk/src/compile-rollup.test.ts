import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile, type QuerySpec } from './compile.ts';
import type { Connector } from './connector.ts';
import { connectNode } from './connectors/node.ts';
import { MEASURES } from './model.ts';
import { generatedRows } from './testing/generated-rows.ts';
import { createSampleDb } from './testing/sample-db.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectNode(await createSampleDb(generatedRows(3000)));
});
afterAll(() => db.close());

const measures = Object.keys(MEASURES);
/** A filter on `day` spanning the whole extract keeps every row but only the fact table can answer it. */
const ALL_DAYS = { day: { from: '2019-01-01', to: '2020-12-31' } };

const run = async (spec: QuerySpec) => {
  const q = compile(spec);
  return { table: /^FROM (\w+)$/m.exec(q.sql)![1], rows: await db.query(q.sql, q.params) };
};

const cases: [string, QuerySpec][] = [
  ['totals', { measures }],
  ['by market', { measures, dimensions: ['market'] }],
  ['by zone × month of year', { measures, dimensions: ['zone', 'month_of_year'] }],
  [
    'by month, a range of months',
    { measures, dimensions: ['month'], filters: { month: { from: '2019-06', to: '2020-02' } } },
  ],
  ['by year, one market', { measures, dimensions: ['year'], filters: { market: ['Delhi NCR'] } }],
  ['by customer', { measures, dimensions: ['customer'] }],
  ['by customer type × year', { measures, dimensions: ['customer_type', 'year'] }],
  ['by product type, 2020 only', { measures, dimensions: ['product_type'], filters: { year: [2020] } }],
  ['by market, e-commerce only', { measures, dimensions: ['market'], filters: { customer_type: ['E-Commerce'] } }],
  [
    'top 3 products by profit',
    { measures, dimensions: ['product'], sort: [{ field: 'profit', order: 'desc' }], limit: 3 },
  ],
];

describe('compile() over the rollups', () => {
  test.each(cases)('compile() answers %s from a rollup exactly as from the facts', async (_, spec) => {
    const fromRollup = await run(spec);
    const fromFacts = await run({ ...spec, filters: { ...spec.filters, ...ALL_DAYS } });
    expect(fromFacts.table).toBe('fact_sales');
    const usesDetail = [...(spec.dimensions ?? []), ...Object.keys(spec.filters ?? {})].some((d) =>
      /^(customer|product)/.test(d),
    );
    expect(fromRollup.table).toBe(usesDetail ? 'agg_sales_month' : 'agg_sales_month_market');
    expect(fromRollup.rows.length).toBeGreaterThan(0);
    expect(fromRollup.rows).toEqual(fromFacts.rows);
  });

  test('compile() computes margin and shares from the summed columns', async () => {
    const { rows } = await run({ measures: ['revenue', 'profit', 'margin', 'revenue_share'], dimensions: ['zone'] });
    const total = rows.reduce((sum, r) => sum + (r.revenue as number), 0);
    for (const r of rows) {
      expect(r.margin).toBeCloseTo((100 * (r.profit as number)) / (r.revenue as number), 9);
      expect(r.revenue_share).toBeCloseTo((100 * (r.revenue as number)) / total, 9);
    }
    expect(rows.map((r) => r.zone)).toEqual(['Central', 'North', 'South', null]);
  });
});
