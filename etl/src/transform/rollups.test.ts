import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORED } from '@atliq/sdk/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../publish/publish.ts';
import { createSampleSource } from '../source/sample.ts';
import { queryExtract } from '../testing/fixtures.ts';

let out: string;
let db: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'atliq-rollups-'));
  const { snapshotDir } = await publish({ source: createSampleSource({ rows: 3000, withProfit: true }), out });
  db = join(snapshotDir, 'sales.duckdb');
});
afterAll(() => rm(out, { recursive: true, force: true }));

/** The rollups' definition, written here by hand: sums of the fact columns and the count of fact rows. */
const byHand = (codes: string) => `
  SELECT year(order_date) AS year, month(order_date) AS month, ${codes}, sum(revenue) AS revenue,
    sum(sales_qty) AS sales_qty, count(*) AS orders, sum(profit) AS profit, sum(cost) AS cost
  FROM x.fact_sales GROUP BY ALL`;

describe('buildRollups()', () => {
  it.each([
    ['agg_sales_month', 'market_code, customer_code, product_code'],
    ['agg_sales_month_market', 'market_code'],
  ])('%s holds every stored column of the model, as plain SQL over the facts computes it', async (table, codes) => {
    const columns = await queryExtract(db, `SELECT column_name FROM (DESCRIBE x.${table})`);
    expect(columns.map((c) => c.column_name).slice(-Object.keys(STORED).length)).toEqual(Object.keys(STORED));
    const differing = await queryExtract(
      db,
      `SELECT count(*) AS n FROM ((SELECT * FROM x.${table} EXCEPT ALL ${byHand(codes)})
         UNION ALL (${byHand(codes)} EXCEPT ALL SELECT * FROM x.${table}))`,
    );
    expect(differing).toEqual([{ n: 0n }]);
    const [{ rows, profit }] = (await queryExtract(
      db,
      `SELECT count(*) AS rows, count(profit) AS profit FROM x.${table}`,
    )) as [{ rows: bigint; profit: bigint }];
    expect(rows).toBeGreaterThan(100n);
    expect(profit).toBe(rows);
  });
});
