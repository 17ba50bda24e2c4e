import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compile, type QuerySpec } from './compile.ts';
import type { Connector } from './connector.ts';
import { connectNode } from './connectors/node.ts';
import type { Filters } from './filter.ts';
import { AtliqSource, type SourceOptions } from './source.ts';
import { generatedRows } from './testing/generated-rows.ts';
import { sampleManifest } from './testing/manifest.ts';
import { expectSameRows } from './testing/same-rows.ts';
import { createSampleDb } from './testing/sample-db.ts';

let db: Connector;
beforeAll(async () => {
  db = await connectNode(await createSampleDb(generatedRows(3000)));
});
afterAll(() => db.close());

/** A source over the real sample database whose engine records the SQL it runs; no month_market.json. */
function recordingSource(options: Partial<SourceOptions> = {}) {
  const sql: string[] = [];
  const source = new AtliqSource('https://intranet/extracts/manifest.json', {
    fetch: (async () => new Response(JSON.stringify(sampleManifest({ profit: true })))) as typeof fetch,
    connect: async () => ({
      query: (text, params) => {
        sql.push(text);
        return db.query(text, params);
      },
      close: async () => {},
    }),
    ...options,
  });
  return { source, sql };
}

/** What the engine answers for `spec` on its own. */
const truth = (spec: QuerySpec) => {
  const { sql, params } = compile(spec);
  return db.query(sql, params);
};

const topCustomers = (filters: Filters = {}): QuerySpec => ({
  measures: ['revenue', 'revenue_share', 'margin', 'orders'],
  dimensions: ['customer'],
  filters,
  sort: [{ field: 'revenue', order: 'desc' }],
  limit: 3,
});

describe('AtliqSource.prepare() (cubes)', () => {
  test('after prepare(), the same query filtered on the index dimension is answered without the engine, as the engine would', async () => {
    const { source, sql } = recordingSource();
    await source.prepare([topCustomers()], ['market']);
    expect(sql).toHaveLength(1);
    expect(sql[0]).toMatch(/GROUP BY .*customer_name.*market_name/s);
    for (const markets of [['Delhi NCR'], ['Chennai', 'Mumbai'], ['New York'], ['Nowhere'], []]) {
      expectSameRows(
        await source.query(topCustomers({ market: markets })),
        await truth(topCustomers({ market: markets })),
      );
    }
    // Without a market filter it is the same spec the cube was made from.
    expectSameRows(await source.query(topCustomers()), await truth(topCustomers()));
    expect(sql).toHaveLength(1);
  });

  test('a cube keeps the other filters it was built under: only queries with exactly those use it', async () => {
    const { source, sql } = recordingSource();
    const in2020 = (market?: string[]) => topCustomers({ year: [2020], ...(market ? { market } : {}) });
    await source.prepare([in2020()], ['market']);
    expectSameRows(await source.query(in2020(['Chennai'])), await truth(in2020(['Chennai'])));
    expect(sql).toHaveLength(1);
    // Another year is not in the cube: the engine answers.
    const in2019 = topCustomers({ year: [2019], market: ['Chennai'] });
    expectSameRows(await source.query(in2019), await truth(in2019));
    expect(sql).toHaveLength(2);
  });

  test('a query arriving while its cube is being built waits for the cube instead of asking the engine too', async () => {
    const { source, sql } = recordingSource();
    const preparing = source.prepare([topCustomers()], ['market']);
    const spec = topCustomers({ market: ['Chennai'] });
    expectSameRows(await source.query(spec), await truth(spec));
    await preparing;
    expect(sql).toHaveLength(1);
  });

  test('a cube over the size limit is dropped, and the engine answers', async () => {
    const { source, sql } = recordingSource({ cubeRows: 3 });
    await source.prepare([topCustomers()], ['market']);
    expect(sql[0]).toMatch(/LIMIT \?/);
    const spec = topCustomers({ market: ['Chennai'] });
    expectSameRows(await source.query(spec), await truth(spec));
    expect(sql).toHaveLength(2);
  });

  test('prepare() builds nothing for what needs no cube, cannot have one, or is not a query; it never throws', async () => {
    const { source, sql } = recordingSource();
    await source.prepare([topCustomers()], ['no_such_dimension']);
    await source.prepare([{ measures: ['nonsense'], dimensions: ['customer'] }], ['market']);
    await source.prepare([{ measures: ['revenue'], dimensions: ['day'] }], ['market']);
    await source.prepare([], ['market']);
    expect(sql).toEqual([]);
    const off = recordingSource({ preaggregates: false });
    await off.source.prepare([topCustomers()], ['market']);
    expect(off.sql).toEqual([]);
  });

  test('prepare() builds no cube for a measure the extract lacks (the query reports that)', async () => {
    const sql: string[] = [];
    const source = new AtliqSource('https://intranet/extracts/manifest.json', {
      fetch: (async () => new Response(JSON.stringify(sampleManifest()))) as typeof fetch,
      connect: async () => ({
        query: async (text) => {
          sql.push(text);
          return [];
        },
        close: async () => {},
      }),
    });
    await source.prepare([{ measures: ['profit'], dimensions: ['customer'] }], ['market']);
    expect(sql).toEqual([]);
  });
});
