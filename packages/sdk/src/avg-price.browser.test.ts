import { describe, expect, inject, test } from 'vitest';
import type { QuerySpec } from './compile.ts';
import type { Row } from './connector.ts';
import { wasmExtract } from './testing/recording-wasm-source.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Revenue and quantity per `YYYY-MM` month, from the published Parquet files in Node (global-extracts.ts). */
    byMonth: { month: string; revenue: number; quantity: number }[];
  }
}

/**
 * `avg_price`, declared only in the model's MEASURES, in real DuckDB-WASM over the published test extract: each
 * path a query can take (month_market.json, a rollup, the fact table, a cube) gives sum(revenue) / sum(sales_qty)
 * as plain SQL computes it — by month from the Parquet files in Node (the browser project's global setup), and
 * by market or under filters from the published fact_sales on a connection of its own, never from the rollups.
 */

const extract = wasmExtract('/extracts/manifest.json');
const { recordingSource } = extract;

/** `rows` (ordered by their one dimension) against the truth's `{ key, avg_price }` rows. */
function expectSame(rows: readonly Row[], dimension: string, want: readonly Row[]) {
  expect(want.length).toBeGreaterThan(1);
  expect(rows.map((r) => String(r[dimension]))).toEqual(want.map((r) => String(r['key'])));
  rows.forEach((r, i) => {
    expect(r['avg_price'] as number).toBeCloseTo(want[i]!['avg_price'] as number, 6);
  });
}

/** `rows` against plain SQL `sql` over the published facts, which returns `{ key, avg_price }` ordered by key. */
const truth = async (rows: readonly Row[], dimension: string, sql: string) =>
  expectSame(rows, dimension, await extract.facts.query(sql, []));

/** avg_price by month against revenue ÷ units per month from the Parquet files. */
const monthTruth = (rows: readonly Row[]) =>
  expectSame(
    rows,
    'month',
    inject('byMonth').map((m) => ({ key: m.month, avg_price: m.revenue / m.quantity })),
  );

const byMarket: QuerySpec = { measures: ['avg_price'], dimensions: ['market'] };
const BY_MARKET = `SELECT m.market_name AS key, sum(f.revenue) / sum(f.sales_qty) AS avg_price
  FROM fact_sales f JOIN dim_market m USING (market_code) GROUP BY 1 ORDER BY 1`;
const byMonth: QuerySpec = { measures: ['avg_price'], dimensions: ['month'] };

/** Every day from the first sale to the last, as a list: a `day` filter only the fact table answers. */
function everyDay(): string[] {
  const db = extract.manifest.files.find((f) => f.table === 'browser_db')!;
  const days: string[] = [];
  for (let t = Date.parse(db.min_order_date!); t <= Date.parse(db.max_order_date!); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

describe('avg_price over the published extract', () => {
  test('query() answers avg_price by market and by month from month_market.json, without the engine', async () => {
    const { source, sql } = recordingSource();
    await truth(await source.query(byMarket), 'market', BY_MARKET);
    monthTruth(await source.query(byMonth));
    await truth(
      await source.query({ ...byMarket, filters: { zone: ['North', 'South'], month_of_year: { from: 1, to: 3 } } }),
      'market',
      `SELECT m.market_name AS key, sum(f.revenue) / sum(f.sales_qty) AS avg_price
       FROM fact_sales f JOIN dim_market m USING (market_code)
       WHERE m.zone IN ('North', 'South') AND month(f.order_date) BETWEEN 1 AND 3 GROUP BY 1 ORDER BY 1`,
    );
    expect(sql).toEqual([]);
  });

  test('query() answers avg_price by market and by month from the month × market rollup', async () => {
    const { source, sql } = recordingSource({ preaggregates: false });
    await truth(await source.query(byMarket), 'market', BY_MARKET);
    monthTruth(await source.query(byMonth));
    await truth(
      await source.query({ ...byMonth, filters: { zone: ['North'] } }),
      'month',
      `SELECT strftime(f.order_date, '%Y-%m') AS key, sum(f.revenue) / sum(f.sales_qty) AS avg_price
       FROM fact_sales f JOIN dim_market m USING (market_code) WHERE m.zone = 'North' GROUP BY 1 ORDER BY 1`,
    );
    expect(sql).toHaveLength(3);
    for (const text of sql) expect(text).toMatch(/^FROM agg_sales_month_market$/m);
  });

  test('query() answers avg_price from the fact table for a list of days', async () => {
    const { source, sql } = recordingSource({ preaggregates: false });
    const days = everyDay();
    monthTruth(await source.query({ ...byMonth, filters: { day: days } }));
    const cut = days.filter((d) => d.endsWith('-01') || d.endsWith('-15'));
    await truth(
      await source.query({ ...byMarket, filters: { day: cut } }),
      'market',
      `SELECT m.market_name AS key, sum(f.revenue) / sum(f.sales_qty) AS avg_price
       FROM fact_sales f JOIN dim_market m USING (market_code)
       WHERE day(f.order_date) IN (1, 15) GROUP BY 1 ORDER BY 1`,
    );
    expect(sql).toHaveLength(2);
    for (const text of sql) expect(text).toMatch(/^FROM fact_sales$/m);
  });

  test('after prepare(), query() answers avg_price by month under a customer type filter from the cube', async () => {
    const { source, sql } = recordingSource();
    await source.prepare([byMonth], ['customer_type']);
    expect(sql).toHaveLength(1);
    for (const type of ['E-Commerce', 'Brick & Mortar']) {
      await truth(
        await source.query({ ...byMonth, filters: { customer_type: [type] } }),
        'month',
        `SELECT strftime(f.order_date, '%Y-%m') AS key, sum(f.revenue) / sum(f.sales_qty) AS avg_price
         FROM fact_sales f JOIN dim_customer c USING (customer_code)
         WHERE c.customer_type = '${type}' GROUP BY 1 ORDER BY 1`,
      );
    }
    expect(sql).toHaveLength(1);
  });
});
