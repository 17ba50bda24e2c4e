import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile, type QuerySpec } from './compile.ts';
import type { Connector } from './connector.ts';
import { connectNode } from './connectors/node.ts';
import { answerFromCube, type Cube, cubeAnswers, type MonthMarketRow, monthMarketCube } from './cube-answer.ts';
import { cubeSpec } from './cube-store.ts';
import type { Filters } from './filter.ts';
import { type DimensionName, MEASURES } from './model.ts';
import { generatedRows } from './testing/generated-rows.ts';
import { expectSameRows } from './testing/same-rows.ts';
import { createSampleDb } from './testing/sample-db.ts';

let db: Connector;
let data: MonthMarketRow[];
/** The month × market file's rows as the source answers from them. */
let monthMarket: Cube;
beforeAll(async () => {
  db = await connectNode(await createSampleDb(generatedRows(3000)));
  // The file's definition (contract: sums by year, month and market name), written here in SQL, not by the ETL.
  const rows = await db.query(
    `SELECT a.year::INTEGER AS y, a.month::INTEGER AS m, d.market_name AS market, d.zone AS zone,
       sum(a.revenue) AS revenue, sum(a.sales_qty)::DOUBLE AS qty, sum(a.orders)::DOUBLE AS orders,
       sum(a.profit) AS profit
     FROM agg_sales_month_market a JOIN dim_market d USING (market_code) GROUP BY ALL ORDER BY ALL`,
    [],
  );
  data = rows.map((r) => [r.y, r.m, r.market, r.zone, r.revenue, r.qty, r.orders, r.profit] as MonthMarketRow);
  // The cases below rely on these: a market without a zone, and profit to compute margins from.
  expect(data.some((r) => r[3] === null)).toBe(true);
  expect(data.some((r) => r[7] !== null)).toBe(true);
  monthMarket = monthMarketCube(data);
});
afterAll(() => db.close());

const measures = Object.keys(MEASURES);

const cases: [string, QuerySpec][] = [
  ['totals', { measures }],
  ['totals over nothing', { measures, filters: { market: [] } }],
  ['by market, largest first', { measures, dimensions: ['market'], sort: [{ field: 'revenue', order: 'desc' }] }],
  ['by zone (with NULL) × month of year', { measures, dimensions: ['zone', 'month_of_year'] }],
  [
    'by month, a range of months',
    { measures, dimensions: ['month'], filters: { month: { from: '2019-06', to: '2020-02' } } },
  ],
  ['by year, one market', { measures, dimensions: ['year'], filters: { market: ['Delhi NCR'] } }],
  ['by market, year given as text', { measures: ['revenue'], dimensions: ['market'], filters: { year: ['2020'] } }],
  [
    'by market, months of year 1–6',
    { measures, dimensions: ['market'], filters: { month_of_year: { from: 1, to: 6 } } },
  ],
  ['top 3 markets by margin, ascending', { measures, dimensions: ['market'], sort: [{ field: 'margin' }], limit: 3 }],
  ['members only (a slicer)', { measures: [], dimensions: ['zone'] }],
  ['members only, filtered', { measures: [], dimensions: ['market'], filters: { zone: ['North'] } }],
  ['grouped over nothing', { measures, dimensions: ['market'], filters: { year: [1999] } }],
];

describe('answerFromCube() over the month × market file', () => {
  test.each(cases)('answers %s exactly as the engine', async (_, spec) => {
    const { sql, params } = compile(spec);
    const want = await db.query(sql, params);
    const got = answerFromCube(spec, monthMarket);
    expect(got).not.toBeNull();
    expectSameRows(got!, want);
  });

  test('leaves what needs a finer grain, or a value the engine rejects, to the engine', () => {
    expect(answerFromCube({ measures, dimensions: ['customer'] }, monthMarket)).toBeNull();
    expect(answerFromCube({ measures, filters: { product: ['Prod001'] } }, monthMarket)).toBeNull();
    expect(answerFromCube({ measures, dimensions: ['day'] }, monthMarket)).toBeNull();
    expect(answerFromCube({ measures, filters: { year: ['twenty'] } }, monthMarket)).toBeNull();
  });
});

/** A cube for `spec` indexed by `index`, built by the engine from cubeSpec()'s query. */
async function engineCube(spec: QuerySpec, index: DimensionName[]) {
  const plan = cubeSpec(spec, index, true)!;
  const { sql, params } = compile(plan.spec);
  return { ...plan.shape, rows: await db.query(sql, params) };
}

const top = (dimension: string, filters: Filters = {}): QuerySpec => ({
  measures,
  dimensions: [dimension],
  filters,
  sort: [{ field: 'revenue', order: 'desc' }],
  limit: 3,
});

const cubeCases: [string, QuerySpec, DimensionName[], Filters[]][] = [
  [
    'top customers by market',
    top('customer'),
    ['market'],
    [{ market: ['Chennai'] }, { market: ['Delhi NCR', 'New York'] }],
  ],
  [
    'top products by a range of months, in 2020 only',
    top('product', { year: [2020] }),
    ['month'],
    [
      { year: [2020], month: { from: '2020-03', to: '2020-06' } },
      { year: [2020], month: ['2020-01'] },
    ],
  ],
  [
    'revenue by market, by customer (a top list clicked)',
    { measures, dimensions: ['market'] },
    ['customer'],
    [{ customer: ['Nomad Stores'] }, { customer: [] }],
  ],
  [
    'customer types by product type and zone (NULL zone)',
    { measures, dimensions: ['customer_type'] },
    ['product_type', 'zone'],
    [{ product_type: ['Own Brand'], zone: ['North'] }, { zone: ['South', 'Central'] }],
  ],
  [
    'members only (a slicer), by market',
    { measures: [], dimensions: ['customer_type'] },
    ['market'],
    [{ market: ['Mumbai'] }],
  ],
];

describe('answerFromCube()', () => {
  test.each(cubeCases)('a cube of %s answers each filter exactly as the engine', async (_, spec, index, filterSets) => {
    const cube = await engineCube(spec, index);
    for (const filters of filterSets) {
      const asked = { ...spec, filters };
      const { sql, params } = compile(asked);
      const got = answerFromCube(asked, cube);
      expect(got, JSON.stringify(filters)).not.toBeNull();
      expectSameRows(got!, await db.query(sql, params));
    }
  });

  test('cubeAnswers() wants every grouped and filtered dimension in the cube, and exactly its fixed filters', async () => {
    const shape = cubeSpec(top('customer', { year: [2020] }), ['market'], true)!.shape;
    expect(cubeAnswers(shape, top('customer', { year: [2020], market: ['Chennai'] }))).toBe(true);
    expect(cubeAnswers(shape, top('customer', { year: [2019], market: ['Chennai'] }))).toBe(false);
    expect(cubeAnswers(shape, top('customer', { market: ['Chennai'] }))).toBe(false);
    expect(cubeAnswers(shape, top('customer', { year: [2020], zone: ['North'] }))).toBe(false);
    expect(cubeAnswers(shape, top('product', { year: [2020] }))).toBe(false);
    expect(cubeSpec(top('customer'), ['day'], true)).toBeNull();
  });
});
