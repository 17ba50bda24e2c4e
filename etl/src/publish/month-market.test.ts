import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DAY_MARKET_COLUMNS,
  type DayMarketFile,
  MONTH_MARKET_COLUMNS,
  type MonthMarketFile,
} from '@atliq/sdk/contract';
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

describe('writeDayMarket()', () => {
  it('writes every day of the newest order day’s month a year, a quarter and a month earlier, by day and market name, as plain SQL over the facts', async () => {
    const out = await mkdtemp(join(tmpdir(), 'atliq-day-market-'));
    dirs.push(out);
    const { snapshotDir, manifest } = await publish({
      source: createSampleSource({ rows: 3000, withProfit: true }),
      out,
    });
    const db = join(snapshotDir, 'sales.duckdb');
    // The months by DuckDB's own date arithmetic from the newest order day.
    const [months] = await queryExtract(
      db,
      `WITH n AS (SELECT max(order_date) AS d FROM x.fact_sales)
       SELECT list_sort([strftime(d - INTERVAL 12 MONTH, '%Y-%m'), strftime(d - INTERVAL 3 MONTH, '%Y-%m'),
         strftime(d - INTERVAL 1 MONTH, '%Y-%m')]) AS months FROM n`,
    );
    expect(manifest.day_market!.months).toEqual(months!.months);
    const file = JSON.parse(await readFile(join(snapshotDir, 'day_market.json'), 'utf8')) as DayMarketFile;
    expect(file.columns).toEqual(DAY_MARKET_COLUMNS);
    expect(file.rows).toHaveLength(manifest.day_market!.rows);
    const truth = await queryExtract(
      db,
      `SELECT strftime(f.order_date, '%Y-%m-%d') AS day, m.market_name AS market, m.zone, sum(f.revenue) AS revenue,
         sum(f.sales_qty)::DOUBLE AS sales_qty, count(*)::DOUBLE AS orders, sum(f.profit) AS profit
       FROM x.fact_sales f JOIN x.dim_market m USING (market_code)
       WHERE strftime(f.order_date, '%Y-%m') IN (SELECT unnest(${JSON.stringify(months!.months).replaceAll('"', "'")}))
       GROUP BY ALL ORDER BY ALL`,
    );
    expect(truth.length).toBeGreaterThan(30);
    const rows = file.rows.map((r) => Object.fromEntries(file.columns.map((c, i) => [c, r[i]])));
    expect(rows.map((r) => [r.day, r.market, r.zone])).toEqual(truth.map((t) => [t.day, t.market, t.zone]));
    rows.forEach((row, i) => {
      for (const c of ['revenue', 'sales_qty', 'orders', 'profit'] as const) {
        expect(row[c]).toBeCloseTo(truth[i]![c] as number, 6);
      }
    });
  });
});
