import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MONTH_MARKET_COLUMNS, type MonthMarketFile } from '@atliq/sdk/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { createSampleSource } from '../source/sample.ts';
import { queryExtract } from '../testing/fixtures.ts';
import { publish } from './publish.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('writeMonthMarket()', () => {
  it.each([false, true])(
    'writes the model’s month × market columns, summed by market name as plain SQL over the facts does (profit: %s)',
    async (withProfit) => {
      const out = await mkdtemp(join(tmpdir(), 'atliq-month-market-'));
      dirs.push(out);
      const { snapshotDir, manifest } = await publish({ source: createSampleSource({ rows: 3000, withProfit }), out });
      const file = JSON.parse(await readFile(join(snapshotDir, 'month_market.json'), 'utf8')) as MonthMarketFile;
      expect(file.columns).toEqual(MONTH_MARKET_COLUMNS);
      expect(file.rows).toHaveLength(manifest.month_market!.rows);
      const truth = await queryExtract(
        join(snapshotDir, 'sales.duckdb'),
        `SELECT year(f.order_date)::INTEGER AS year, month(f.order_date)::INTEGER AS month, m.market_name AS market,
           m.zone, sum(f.revenue) AS revenue, sum(f.sales_qty)::DOUBLE AS sales_qty, count(*)::DOUBLE AS orders,
           sum(f.profit) AS profit
         FROM x.fact_sales f JOIN x.dim_market m USING (market_code) GROUP BY ALL ORDER BY ALL`,
      );
      expect(truth.length).toBeGreaterThan(100);
      const rows = file.rows.map((r) => Object.fromEntries(file.columns.map((c, i) => [c, r[i]])));
      rows.forEach((row, i) => {
        const want = truth[i]!;
        expect([row.year, row.month, row.market, row.zone]).toEqual([want.year, want.month, want.market, want.zone]);
        for (const c of ['revenue', 'sales_qty', 'orders'] as const) expect(row[c]).toBeCloseTo(want[c] as number, 6);
        if (withProfit) expect(row.profit).toBeCloseTo(want.profit as number, 6);
        else expect(row.profit).toBeNull();
      });
    },
  );
});
