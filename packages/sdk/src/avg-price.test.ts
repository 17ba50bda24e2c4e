import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile, type QuerySpec } from './compile.ts';
import type { Connector, Row } from './connector.ts';
import { connectNode } from './connectors/node.ts';
import { answerFromCube, type Cube, type MonthMarketRow, monthMarketCube } from './cube-answer.ts';
import { cubeSpec } from './cube-store.ts';
import type { DimensionName } from './model.ts';
import { generatedRows } from './testing/generated-rows.ts';
import { createSampleDb, SAMPLE_ROWS } from './testing/sample-db.ts';

/**
 * `avg_price` (revenue ÷ units), declared only in MEASURES, answered by every path a query can take — the fact
 * table, a rollup, month_market.json, a cube — and each time equal to sum(revenue) / sum(sales_qty) in plain SQL
 * over the facts.
 */

let sample: Connector;
let db: Connector;
let monthMarket: Cube;
beforeAll(async () => {
  sample = await connectNode(await createSampleDb(SAMPLE_ROWS));
  db = await connectNode(await createSampleDb(generatedRows(3000)));
  // month_market.json's definition (contract: sums by year, month and market name), in SQL, not by the ETL.
  const rows = await db.query(
    `SELECT year(f.order_date)::INTEGER AS y, month(f.order_date)::INTEGER AS m, d.market_name AS market,
       d.zone AS zone, sum(f.revenue) AS revenue, sum(f.sales_qty)::DOUBLE AS qty, count(*)::DOUBLE AS orders,
       sum(f.profit) AS profit
     FROM fact_sales f JOIN dim_market d USING (market_code) GROUP BY ALL ORDER BY ALL`,
    [],
  );
  monthMarket = monthMarketCube(
    rows.map((r) => [r.y, r.m, r.market, r.zone, r.revenue, r.qty, r.orders, r.profit] as MonthMarketRow),
  );
});
afterAll(async () => {
  await sample.close();
  await db.close();
});

/** A filter on `day` spanning the whole extract keeps every row but only the fact table can answer it. */
const ALL_DAYS = { day: { from: '2019-01-01', to: '2020-12-31' } };

/** Each case: the spec (one dimension), and the same question in plain SQL over the facts (`key`, `avg_price`). */
const cases: [string, QuerySpec, string][] = [
  [
    'by market',
    { measures: ['avg_price'], dimensions: ['market'] },
    `SELECT m.market_name AS key, sum(f.revenue) / sum(f.sales_qty) AS avg_price
     FROM fact_sales f JOIN dim_market m USING (market_code) GROUP BY 1`,
  ],
  [
    'by month',
    { measures: ['avg_price'], dimensions: ['month'] },
    `SELECT strftime(order_date, '%Y-%m') AS key, sum(revenue) / sum(sales_qty) AS avg_price FROM fact_sales GROUP BY 1`,
  ],
  [
    'by month of year, in the North zone in 2020',
    { measures: ['avg_price'], dimensions: ['month_of_year'], filters: { zone: ['North'], year: [2020] } },
    `SELECT month(f.order_date) AS key, sum(f.revenue) / sum(f.sales_qty) AS avg_price
     FROM fact_sales f JOIN dim_market m USING (market_code)
     WHERE m.zone = 'North' AND year(f.order_date) = 2020 GROUP BY 1`,
  ],
  [
    'by customer, in Delhi NCR',
    { measures: ['avg_price'], dimensions: ['customer'], filters: { market: ['Delhi NCR'] } },
    `SELECT c.customer_name AS key, sum(f.revenue) / sum(f.sales_qty) AS avg_price
     FROM fact_sales f JOIN dim_market m USING (market_code) JOIN dim_customer c USING (customer_code)
     WHERE m.market_name = 'Delhi NCR' GROUP BY 1`,
  ],
];

/** `rows` keyed by the spec's one dimension, as `{ key: avg_price }`. */
const byKey = (rows: readonly Row[], dimension: string) =>
  Object.fromEntries(rows.map((r) => [String(r[dimension]), r['avg_price'] as number]));

async function expectTruth(got: readonly Row[] | null, spec: QuerySpec, truthSql: string) {
  const want = byKey(await db.query(truthSql, []), 'key');
  expect(Object.keys(want).length).toBeGreaterThan(1);
  const answer = byKey(got!, spec.dimensions![0]!);
  expect(Object.keys(answer).sort()).toEqual(Object.keys(want).sort());
  for (const [key, value] of Object.entries(want)) expect(answer[key]).toBeCloseTo(value, 9);
}

const run = async (spec: QuerySpec) => {
  const { sql, params } = compile(spec);
  return { table: /^FROM (\w+)$/m.exec(sql)![1], rows: await db.query(sql, params) };
};

describe('avg_price', () => {
  test('compile() divides summed revenue by summed units, without a scale, over a rollup and over the facts', async () => {
    const q = compile({ measures: ['avg_price'], dimensions: ['market'] });
    expect(q.sql.split('\n')[0]).toBe(
      'SELECT dim_market.market_name AS "market", ' +
        'sum(agg_sales_month_market.revenue) / nullif(sum(agg_sales_month_market.sales_qty), 0) AS "avg_price"',
    );
    // Delhi NCR: ₹600 for 3 units under two codes; Chennai ₹250 for 3; New York ₹75 for 1.
    expect(await sample.query(q.sql, q.params)).toEqual([
      { market: 'Chennai', avg_price: 250 / 3 },
      { market: 'Delhi NCR', avg_price: 200 },
      { market: 'New York', avg_price: 75 },
    ]);
    const facts = compile({ measures: ['avg_price'], dimensions: ['day'] });
    expect(facts.sql.split('\n')[0]).toBe(
      'SELECT dim_date.date AS "day", sum(fact_sales.revenue) / nullif(sum(fact_sales.sales_qty), 0) AS "avg_price"',
    );
    expect(await sample.query(facts.sql, facts.params)).toEqual([
      { day: '2019-03-05', avg_price: 850 / 6 },
      { day: '2020-01-10', avg_price: 75 },
    ]);
  });

  test.each(cases)('compile() answers avg_price %s from the fact table as plain SQL does', async (_, spec, sql) => {
    const { table, rows } = await run({ ...spec, filters: { ...spec.filters, ...ALL_DAYS } });
    expect(table).toBe('fact_sales');
    await expectTruth(rows, spec, sql);
  });

  test.each(cases)('compile() answers avg_price %s from a rollup as plain SQL does', async (_, spec, sql) => {
    const { table, rows } = await run(spec);
    expect(table).toMatch(/^agg_sales_month/);
    await expectTruth(rows, spec, sql);
  });

  test.each(cases.slice(0, 3))('answerFromCube() answers avg_price %s from month_market.json', async (_, spec, sql) => {
    await expectTruth(answerFromCube(spec, monthMarket), spec, sql);
  });

  test.each(cases)(
    'answerFromCube() answers avg_price %s from a cube built for another filter',
    async (_, spec, sql) => {
      // A cube of the spec without its filters, indexed by the filtered dimensions (or by product type).
      const filtered = Object.keys(spec.filters ?? {}) as DimensionName[];
      const plan = cubeSpec({ ...spec, filters: {} }, filtered.length > 0 ? filtered : ['product_type'], true)!;
      const built = compile(plan.spec);
      const cube: Cube = { ...plan.shape, rows: await db.query(built.sql, built.params) };
      await expectTruth(answerFromCube(spec, cube), spec, sql);
    },
  );

  test('avg_price of nothing is unknown (NULL), from the engine and from a cube alike', async () => {
    const spec: QuerySpec = { measures: ['avg_price'], filters: { market: [] } };
    expect((await run(spec)).rows).toEqual([{ avg_price: null }]);
    expect(answerFromCube(spec, monthMarket)).toEqual([{ avg_price: null }]);
  });
});
