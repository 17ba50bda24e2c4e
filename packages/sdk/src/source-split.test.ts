import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile, type QuerySpec } from './compile.ts';
import type { Connector } from './connector.ts';
import { connectNode } from './connectors/node.ts';
import { AtliqSource } from './source.ts';
import { generatedRows } from './testing/generated-rows.ts';
import { sampleManifest } from './testing/manifest.ts';
import { expectSameRows } from './testing/same-rows.ts';
import { createSampleDb } from './testing/sample-db.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectNode(await createSampleDb(generatedRows(3000)));
});
afterAll(() => db.close());

/** A source over the generated extract (sales 2019–2020) whose engine records the SQL and parameters it runs. */
function recordingSource() {
  const seen: { sql: string; params: readonly unknown[] }[] = [];
  const base = sampleManifest({ profit: true });
  const facts = { ...base.files[0]!, path: 'v/s1/fact_sales/part-0.parquet', table: 'fact_sales' as const };
  const manifest = {
    ...base,
    files: [...base.files, { ...facts, min_order_date: '2019-01-01', max_order_date: '2020-12-31' }],
  };
  const source = new AtliqSource('https://intranet/extracts/manifest.json', {
    fetch: (async () => new Response(JSON.stringify(manifest))) as typeof fetch,
    connect: async () => ({
      query: (sql, params) => {
        seen.push({ sql, params });
        return db.query(sql, params);
      },
      close: async () => {},
    }),
    preaggregates: false,
  });
  return { source, seen };
}

const truth = (spec: QuerySpec) => {
  const { sql, params } = compile(spec);
  return db.query(sql, params);
};

const days = { day: { from: '2019-01-01', to: '2019-06-26' } };

describe('AtliqSource and day ranges that cut a month short', () => {
  test('query() answers them as whole months plus the cut days, as the engine answers the whole range', async () => {
    const { source, seen } = recordingSource();
    const specs: QuerySpec[] = [
      { measures: ['revenue', 'margin', 'orders', 'quantity', 'profit'], filters: days },
      { measures: ['revenue', 'revenue_share', 'margin'], dimensions: ['market'], filters: days },
      {
        measures: ['revenue', 'profit'],
        dimensions: ['customer', 'zone'],
        filters: { ...days, product_type: ['Own Brand'] },
        sort: [{ field: 'revenue', order: 'desc' }],
      },
      { measures: ['revenue'], dimensions: ['month'], filters: { ...days, market: ['Nowhere'] } },
    ];
    for (const spec of specs) expectSameRows(await source.query(spec), await truth(spec));
    // The engine never scanned the half year: only the cut month's days reach the facts.
    const scans = seen.filter((q) => q.sql.includes('FROM fact_sales'));
    expect(scans.length).toBeGreaterThan(0);
    expect(scans.every((q) => q.params.includes('2019-06-01') && !q.params.includes('2019-01-01'))).toBe(true);
  });

  test('a top-N over such a range is ranked on the whole range by the engine', async () => {
    const { source, seen } = recordingSource();
    const spec: QuerySpec = {
      measures: ['revenue'],
      dimensions: ['customer'],
      filters: days,
      sort: [{ field: 'revenue', order: 'desc' }],
      limit: 2,
    };
    expectSameRows(await source.query(spec), await truth(spec));
    expect(seen.some((q) => q.params.includes('2019-01-01'))).toBe(true);
  });
});
