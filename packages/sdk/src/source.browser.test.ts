import { describe, expect, test } from 'vitest';
import { AtliqSource, ModelError, QueryError, type QuerySpec, SourceError, UnavailableMeasureError } from './index.ts';

const revenueByMarket: QuerySpec = {
  measures: ['revenue'],
  dimensions: ['market'],
  sort: [{ field: 'revenue', order: 'desc' }],
};

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe('AtliqSource over DuckDB-WASM', () => {
  test('AtliqSource.for() returns one source per absolute manifest URL', () => {
    const source = AtliqSource.for('/extracts/manifest.json');
    expect(AtliqSource.for(new URL('/extracts/manifest.json', location.href))).toBe(source);
    expect(source.url).toBe(new URL('/extracts/manifest.json', location.href).href);
  });

  test('query() counts every published row once, and groups revenue by market name, largest first', async () => {
    const source = AtliqSource.for('/extracts/manifest.json');
    const t0 = performance.now();
    const manifest = await source.ready;
    const t1 = performance.now();
    const rows = await source.query({ ...revenueByMarket, measures: ['revenue', 'orders'] });
    const t2 = performance.now();
    await source.query(revenueByMarket);
    const t3 = performance.now();
    console.info(
      `engine start + attach ${Math.round(t1 - t0)} ms, first query ${Math.round(t2 - t1)} ms, warm ${Math.round(t3 - t2)} ms`,
    );
    expect(source.manifest).toBe(manifest);
    // The ETL's own count, from the manifest: an independent check that no fact is lost or doubled by the joins.
    expect(rows.reduce((n, r) => n + Number(r.orders), 0)).toBe(manifest.quality.rows_published);
    expect(new Set(rows.map((r) => r.market)).size).toBe(rows.length);
    const revenue = rows.map((r) => r.revenue as number);
    expect(revenue).toEqual([...revenue].sort((a, b) => b - a));
  });

  test('query() binds values and returns integers, counts and dates as numbers and YYYY-MM-DD', async () => {
    const source = AtliqSource.for('/extracts/manifest.json');
    const [top] = await source.query({ ...revenueByMarket, limit: 1 });
    const rows = await source.query({
      measures: ['revenue', 'quantity', 'orders'],
      dimensions: ['year'],
      filters: { market: [top!.market as string] },
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.reduce((sum, r) => sum + (r.revenue as number), 0)).toBeCloseTo(top!.revenue as number, 2);
    for (const row of rows) {
      expect(typeof row.year).toBe('number');
      expect(typeof row.quantity).toBe('number');
      expect(typeof row.orders).toBe('number');
    }
    // Days sort ascending by default: the first is the manifest's first order date, as text, in any time zone.
    const [first] = await source.query({ measures: ['revenue'], dimensions: ['day'], limit: 1 });
    const db = (await source.ready).files.find((f) => f.table === 'browser_db');
    expect(first!.day).toBe(db!.min_order_date);
  });

  test('query() answers from the rollups in the browser engine exactly as from the facts', async () => {
    const source = AtliqSource.for('/extracts/manifest.json');
    const measures = ['revenue', 'quantity', 'orders', 'revenue_share'];
    const spec: QuerySpec = { measures, dimensions: ['zone', 'month'], filters: { month_of_year: [1, 2, 12] } };
    // A filter on `day` spanning every date keeps all rows but makes the query read fact_sales.
    const db = (await source.ready).files.find((f) => f.table === 'browser_db')!;
    const allDays = { day: { from: db.min_order_date!, to: db.max_order_date! } };
    const fromRollup = await source.query(spec);
    const fromFacts = await source.query({ ...spec, filters: { ...spec.filters, ...allDays } });
    expect(fromRollup.length).toBeGreaterThan(0);
    expect(fromRollup.map((r) => [r.zone, r.month])).toEqual(fromFacts.map((r) => [r.zone, r.month]));
    expect(fromRollup.every((r) => /^\d{4}-(01|02|12)$/.test(r.month as string))).toBe(true);
    // Revenue is converted with FX rates, so sums added in another order may differ in the last bits.
    fromRollup.forEach((row, i) => {
      for (const m of measures) expect(row[m]).toBeCloseTo(fromFacts[i]![m] as number, 6);
    });
  });

  test('query() reports profit as unavailable when the manifest says the extract has none', async () => {
    const source = AtliqSource.for('/extracts/manifest.json');
    // The test extract is generated from the v1 schema, which has no profit columns.
    expect((await source.ready).measures.profit).toBe(false);
    const error = await failure(source.query({ measures: ['margin'], dimensions: ['market'] }));
    expect(error).toBeInstanceOf(UnavailableMeasureError);
    expect(error.message).toBe(
      'Margin is not available in this source: the extract was published from a database without profit columns.',
    );
  });

  test('query() rejects an unknown dimension with a ModelError and fetches nothing', async () => {
    const source = AtliqSource.for('/never-fetched/manifest.json');
    const error = await failure(source.query({ measures: ['revenue'], dimensions: ['city'] }));
    expect(error).toBeInstanceOf(ModelError);
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('/never-fetched/'))).toBe(false);
  });
});

describe('AtliqSource explains a misconfigured server', () => {
  // By customer: finer than month_market.json, so only the engine can answer and its errors surface.
  const reasonFor = async (url: string) => {
    const error = await failure(AtliqSource.for(url).query({ measures: ['revenue'], dimensions: ['customer'] }));
    expect(error).toBeInstanceOf(SourceError);
    return error.message;
  };

  test('a missing manifest names the URL and what to check', async () => {
    expect(await reasonFor('/extracts/nowhere/manifest.json')).toMatch(
      /^No extract at .*nowhere\/manifest\.json \(HTTP 404\)/,
    );
  });

  test('a manifest answered with HTML names the SPA fallback', async () => {
    expect(await reasonFor('/broken/html-manifest/manifest.json')).toMatch(/HTML page, not the manifest/);
  });

  test('a server that ignores Range requests is named as the cause', async () => {
    const message = await reasonFor('/broken/no-range/manifest.json');
    expect(message).toMatch(/ignored the HTTP Range request .*sales\.duckdb/);
  });

  test('a server that answers HEAD without Content-Length is named as the cause, with the fix', async () => {
    const message = await reasonFor('/broken/no-length/manifest.json');
    expect(message).toMatch(/does not send the size of .*sales\.duckdb \(no Content-Length .*HEAD request\)/);
    expect(message).toMatch(/on-the-fly compression/);
  });

  test('a missing database file is named as missing, with the fix', async () => {
    expect(await reasonFor('/broken/missing-db/manifest.json')).toMatch(
      /sales\.duckdb is missing on the server \(HTTP 404\)/,
    );
  });

  test('a database answered with HTML names the SPA fallback', async () => {
    expect(await reasonFor('/broken/spa/manifest.json')).toMatch(/HTML page instead of the database file/);
  });

  test('a database written by a newer DuckDB names its storage version, what the engine reads, and the fixes', async () => {
    const error = await failure(
      AtliqSource.for('/broken/new-storage/manifest.json').query({ measures: ['revenue'], dimensions: ['customer'] }),
    );
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toMatch(
      /sales\.duckdb was written by a newer DuckDB, in storage version v1\.5\.0 \(format 68\); this page's engine reads storage versions up to v1\.4\.0 \(formats 64 to 67\)\./,
    );
    expect(error.message).toMatch(
      /Republish the extract with this project's ETL, which writes storage version v1\.2\.0/,
    );
    expect(error.message).toMatch(/upgrade the page's @atliq bundle/);
    // The engine's own words stay available to whoever debugs it.
    expect((error.cause as Error).message).toMatch(
      /version number 68, but we can only read versions between 64 and 67/,
    );
  });

  test('the engine error is kept as the cause', async () => {
    const error = await failure(AtliqSource.for('/broken/no-range/manifest.json').ready);
    expect((error as SourceError).cause).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(QueryError);
  });
});
