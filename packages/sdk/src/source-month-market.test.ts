import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Connector } from './connector.ts';
import { MONTH_MARKET_COLUMNS } from './contract.ts';
import { AtliqSource } from './source.ts';
import { sampleManifest } from './testing/manifest.ts';

const ROWS = [
  [2020, 1, 'Delhi NCR', 'North', 300, 30, 3, null],
  [2020, 2, 'Delhi NCR', 'North', 200, 20, 2, null],
  [2020, 1, 'Mumbai', 'Central', 400, 40, 4, null],
];
const FILE = `${JSON.stringify({ columns: MONTH_MARKET_COLUMNS, rows: ROWS })}\n`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A source whose server holds the manifest and `file` as month_market.json, over an engine that records queries. */
function sourceWith(file: string | null, listed = FILE, days = { from: '2020-01-04', to: '2020-02-15' }) {
  const base = sampleManifest();
  const facts = { ...base.files[0]!, path: 'v/s1/fact_sales/year=2020/part-0.parquet', table: 'fact_sales' as const };
  const manifest = {
    ...base,
    files: [...base.files, { ...facts, min_order_date: days.from, max_order_date: days.to }],
    month_market: { path: 'v/s1/month_market.json', rows: ROWS.length, bytes: listed.length, sha256: sha256(listed) },
  };
  const engineQueries: string[] = [];
  let connects = 0;
  const engine: Connector = {
    query: async (sql) => {
      engineQueries.push(sql);
      return [{ from: 'engine' }];
    },
    close: async () => {},
  };
  const source = new AtliqSource('https://intranet/extracts/manifest.json', {
    fetch: (async (url: string) => {
      if (String(url).endsWith('/manifest.json')) return new Response(JSON.stringify(manifest));
      return file === null ? new Response('', { status: 404 }) : new Response(file);
    }) as typeof fetch,
    connect: async () => {
      connects++;
      return engine;
    },
  });
  return { source, engineQueries, connects: () => connects };
}

const byMarket = {
  measures: ['revenue', 'orders'],
  dimensions: ['market'],
  sort: [{ field: 'revenue' as const, order: 'desc' as const }],
};

describe('AtliqSource and month_market.json', () => {
  test("query() answers days that cover whole months of the data from the file, and a cut month's days from the engine", async () => {
    const { source, engineQueries } = sourceWith(FILE);
    // The data runs from 4 Jan to 15 Feb 2020: 1 Jan–15 Feb is all of January and February.
    const whole = { measures: ['revenue'], filters: { day: { from: '2020-01-01', to: '2020-02-15' } } };
    expect(await source.query(whole)).toEqual([{ revenue: 900 }]);
    expect(engineQueries).toEqual([]);
    // 1 Jan–10 Feb: January from the file, only the days of February from the engine.
    const cut = { measures: ['revenue'], filters: { day: { from: '2020-01-01', to: '2020-02-10' } } };
    await source.query(cut);
    expect(engineQueries).toHaveLength(1);
    expect(engineQueries[0]).toContain('BETWEEN');
    expect(engineQueries[0]).not.toContain('month');
  });

  test('query() answers month × market questions from the file, not the engine, and starts the engine meanwhile', async () => {
    const { source, engineQueries, connects } = sourceWith(FILE);
    expect(await source.query(byMarket)).toEqual([
      { market: 'Delhi NCR', revenue: 500, orders: 5 },
      { market: 'Mumbai', revenue: 400, orders: 4 },
    ]);
    expect(
      await source.query({ measures: ['revenue'], filters: { month: { from: '2020-02', to: '2020-12' } } }),
    ).toEqual([{ revenue: 200 }]);
    expect(engineQueries).toEqual([]);
    await expect.poll(connects).toBe(1);
    // Finer than month × market: the engine.
    expect(await source.query({ measures: ['revenue'], dimensions: ['customer'] })).toEqual([{ from: 'engine' }]);
    expect(engineQueries).toHaveLength(1);
  });

  test('query() ignores a file that differs from what the manifest lists, or is missing, and asks the engine', async () => {
    const tampered = FILE.replace('300', '900');
    for (const { source, engineQueries } of [sourceWith(tampered), sourceWith(null), sourceWith('{}', '{}')]) {
      expect(await source.query(byMarket)).toEqual([{ from: 'engine' }]);
      expect(engineQueries).toHaveLength(1);
    }
  });

  test('manifestReady resolves without waiting for the engine', async () => {
    const source = new AtliqSource('https://intranet/extracts/manifest.json', {
      fetch: (async () => new Response(JSON.stringify(sampleManifest()))) as typeof fetch,
      connect: () => new Promise<Connector>(() => {}),
    });
    expect((await source.manifestReady).snapshot_id).toBe('s1');
    expect(source.manifest?.snapshot_id).toBe('s1');
  });
});
