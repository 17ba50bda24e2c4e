import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile, type QuerySpec } from './compile.ts';
import type { Connector } from './connector.ts';
import { connectNode } from './connectors/node.ts';
import { AtliqError, ModelError } from './errors.ts';
import { createSampleDb, SAMPLE_ROWS } from './testing/sample-db.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectNode(await createSampleDb(SAMPLE_ROWS));
});
afterAll(() => db.close());

const run = async (q: { sql: string; params: readonly unknown[] }) => db.query(q.sql, q.params);

describe('compile()', () => {
  test('compile() groups revenue by market name, largest first', async () => {
    const q = compile({ measures: ['revenue'], dimensions: ['market'], sort: [{ field: 'revenue', order: 'desc' }] });
    expect(q.sql).toBe(
      [
        'SELECT dim_market.market_name AS "market", sum(agg_sales_month_market.revenue) AS "revenue"',
        'FROM agg_sales_month_market',
        'LEFT JOIN dim_market ON dim_market.market_code = agg_sales_month_market.market_code',
        'GROUP BY dim_market.market_name',
        'ORDER BY "revenue" DESC, "market" ASC',
      ].join('\n'),
    );
    expect(q.params).toEqual([]);
    expect(await run(q)).toEqual([
      { market: 'Delhi NCR', revenue: 600 },
      { market: 'Chennai', revenue: 250 },
      { market: 'New York', revenue: 75 },
    ]);
  });

  test('compile() binds filter values and the limit as parameters', async () => {
    const q = compile({
      measures: ['revenue', 'orders'],
      dimensions: ['year'],
      filters: { zone: ['North', 'South'] },
      limit: 5,
    });
    expect(q.sql).toBe(
      [
        'SELECT agg_sales_month_market.year AS "year", sum(agg_sales_month_market.revenue) AS "revenue", ' +
          'coalesce(sum(agg_sales_month_market.orders), 0) AS "orders"',
        'FROM agg_sales_month_market',
        'LEFT JOIN dim_market ON dim_market.market_code = agg_sales_month_market.market_code',
        'WHERE dim_market.zone IN (?, ?)',
        'GROUP BY agg_sales_month_market.year',
        'ORDER BY "year" ASC',
        'LIMIT ?',
      ].join('\n'),
    );
    expect(q.params).toEqual(['North', 'South', 5]);
    expect(await run(q)).toEqual([{ year: 2019, revenue: 850, orders: 3 }]);
  });

  test('compile() keeps a value that looks like SQL as data', async () => {
    const q = compile({ measures: ['revenue'], filters: { market: ["x') OR 1=1 --"] } });
    expect(q.params).toEqual(["x') OR 1=1 --"]);
    expect(await run(q)).toEqual([{ revenue: null }]);
  });

  test('compile() rejects an unknown measure or dimension before any SQL exists', () => {
    expect(() => compile({ measures: ['revnue'] })).toThrow(ModelError);
    expect(() => compile({ measures: ['revenue'], dimensions: ['city'] })).toThrow(
      'Unknown dimension "city". Known dimensions: market, zone, customer, customer_type, product, product_type, year, ' +
        'month, month_of_year, day, market_code, customer_code.',
    );
    expect(() => compile({ measures: ['revenue'], filters: { 'market_name; DROP': ['x'] } })).toThrow(ModelError);
    expect(() => compile({ measures: ['revenue'], dimensions: ['toString'] })).toThrow(ModelError);
  });

  test('compile() reads customers and products from agg_sales_month, days from the facts', async () => {
    const byCustomerType = compile({
      measures: ['orders'],
      dimensions: ['customer_type'],
      filters: { market: ['Chennai'] },
    });
    expect(byCustomerType.sql).toBe(
      [
        'SELECT dim_customer.customer_type AS "customer_type", coalesce(sum(agg_sales_month.orders), 0) AS "orders"',
        'FROM agg_sales_month',
        'LEFT JOIN dim_market ON dim_market.market_code = agg_sales_month.market_code',
        'LEFT JOIN dim_customer ON dim_customer.customer_code = agg_sales_month.customer_code',
        'WHERE dim_market.market_name IN (?)',
        'GROUP BY dim_customer.customer_type',
        'ORDER BY "customer_type" ASC',
      ].join('\n'),
    );
    // No customer rows in the sample: the LEFT JOIN keeps the facts, under a NULL type.
    expect(await run(byCustomerType)).toEqual([{ customer_type: null, orders: 1 }]);

    const byDay = compile({ measures: ['quantity'], dimensions: ['day'], filters: { zone: ['North', 'South'] } });
    expect(byDay.sql).toBe(
      [
        'SELECT dim_date.date AS "day", sum(fact_sales.sales_qty) AS "quantity"',
        'FROM fact_sales',
        'LEFT JOIN dim_market ON dim_market.market_code = fact_sales.market_code',
        'LEFT JOIN dim_date ON dim_date.date = fact_sales.order_date',
        'WHERE dim_market.zone IN (?, ?)',
        'GROUP BY dim_date.date',
        'ORDER BY "day" ASC',
      ].join('\n'),
    );
    expect(await run(byDay)).toEqual([{ day: '2019-03-05', quantity: 6 }]);
  });

  test('compile() filters by an inclusive range, and an empty list matches nothing', async () => {
    const q = compile({
      measures: ['revenue_share'],
      dimensions: ['month'],
      filters: { month_of_year: { from: 1, to: 3 }, zone: [] },
    });
    expect(q.sql).toBe(
      [
        'SELECT printf(\'%04d-%02d\', agg_sales_month_market.year, agg_sales_month_market.month) AS "month", ' +
          '100 * sum(agg_sales_month_market.revenue) / nullif(sum(sum(agg_sales_month_market.revenue)) OVER (), 0) ' +
          'AS "revenue_share"',
        'FROM agg_sales_month_market',
        'LEFT JOIN dim_market ON dim_market.market_code = agg_sales_month_market.market_code',
        'WHERE agg_sales_month_market.month BETWEEN ? AND ? AND FALSE',
        "GROUP BY printf('%04d-%02d', agg_sales_month_market.year, agg_sales_month_market.month)",
        'ORDER BY "month" ASC',
      ].join('\n'),
    );
    expect(q.params).toEqual([1, 3]);
    expect(await run(q)).toEqual([]);
    const days = compile({ measures: ['orders'], filters: { day: { from: '2019-01-01', to: '2019-12-31' } } });
    expect(days.sql).toContain('WHERE dim_date.date BETWEEN ? AND ?');
    expect(await run(days)).toEqual([{ orders: 3 }]);
  });

  test('compile() lists each member once when no measure is asked for', async () => {
    const q = compile({ measures: [], dimensions: ['market'] });
    expect(q.sql.split('\n')[0]).toBe('SELECT DISTINCT dim_market.market_name AS "market"');
    expect(await run(q)).toEqual([{ market: 'Chennai' }, { market: 'Delhi NCR' }, { market: 'New York' }]);
  });

  test('compile() rejects a malformed filter before any SQL exists', () => {
    const bad = { measures: ['revenue'], filters: { year: { from: 2019 } } } as unknown as QuerySpec;
    expect(() => compile(bad)).toThrow('The filter on "year" must be a list of values or { from, to }');
    const nested = { measures: ['revenue'], filters: { year: [[2019]] } } as unknown as QuerySpec;
    expect(() => compile(nested)).toThrow(AtliqError);
  });

  test('compile() rejects a sort key outside the selection and a bad limit', () => {
    expect(() => compile({ measures: ['revenue'], sort: [{ field: 'quantity' }] })).toThrow(AtliqError);
    expect(() => compile({ measures: ['revenue'], limit: 0 })).toThrow('limit must be a positive integer');
  });
});
