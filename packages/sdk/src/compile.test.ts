import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile } from './compile.ts';
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
        'SELECT dim_market.market_name AS "market", sum(fact_sales.revenue) AS "revenue"',
        'FROM fact_sales',
        'LEFT JOIN dim_market ON dim_market.market_code = fact_sales.market_code',
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
      measures: ['revenue', 'transactions'],
      dimensions: ['year'],
      filters: { zone: ['North', 'South'] },
      limit: 5,
    });
    expect(q.sql).toBe(
      [
        'SELECT dim_date.year AS "year", sum(fact_sales.revenue) AS "revenue", count(*) AS "transactions"',
        'FROM fact_sales',
        'LEFT JOIN dim_market ON dim_market.market_code = fact_sales.market_code',
        'LEFT JOIN dim_date ON dim_date.date = fact_sales.order_date',
        'WHERE dim_market.zone IN (?, ?)',
        'GROUP BY dim_date.year',
        'ORDER BY "year" ASC',
        'LIMIT ?',
      ].join('\n'),
    );
    expect(q.params).toEqual(['North', 'South', 5]);
    expect(await run(q)).toEqual([{ year: 2019, revenue: 850, transactions: 3 }]);
  });

  test('compile() keeps a value that looks like SQL as data', async () => {
    const q = compile({ measures: ['revenue'], filters: { market: ["x') OR 1=1 --"] } });
    expect(q.params).toEqual(["x') OR 1=1 --"]);
    expect(await run(q)).toEqual([{ revenue: null }]);
  });

  test('compile() rejects an unknown measure or dimension before any SQL exists', () => {
    expect(() => compile({ measures: ['revnue'] })).toThrow(ModelError);
    expect(() => compile({ measures: ['revenue'], dimensions: ['city'] })).toThrow(
      'Unknown dimension "city". Known dimensions: market, zone, customer, customer_type, product, product_type, year, month, day.',
    );
    expect(() => compile({ measures: ['revenue'], filters: { 'market_name; DROP': ['x'] } })).toThrow(ModelError);
    expect(() => compile({ measures: ['revenue'], dimensions: ['toString'] })).toThrow(ModelError);
  });

  test('compile() rejects a sort key outside the selection and a bad limit', () => {
    expect(() => compile({ measures: ['revenue'], sort: [{ field: 'quantity' }] })).toThrow(AtliqError);
    expect(() => compile({ measures: ['revenue'], limit: 0 })).toThrow('limit must be a positive integer');
  });
});
