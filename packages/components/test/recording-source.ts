import { AtliqSource } from '@atliq/sdk';
// AtliqSource picks the WASM connector itself; a test wraps it to see what reaches the engine.
import { connectWasm } from '@atliq/sdk/wasm';

/** Every query a recording source sent to its engine, in order. */
export interface Recorded {
  readonly queries: { sql: string; params: readonly unknown[] }[];
}

/**
 * Registers a source for `url` that answers from the real extract through the page's DuckDB-WASM engine and
 * records each SQL string and its bound parameters, for tests that check what a component sent. By default every
 * query must reach the engine to be recorded, month × market ones included; `preaggregates` keeps the source's
 * own answers from month_market.json and cubes, for tests of what does not reach the engine.
 */
export function recordingSource(
  url: string,
  { preaggregates = false } = {},
): { src: string; source: AtliqSource } & Recorded {
  const queries: Recorded['queries'] = [];
  const source = new AtliqSource(url, {
    preaggregates,
    connect: async (dbUrl) => {
      const engine = await connectWasm(dbUrl);
      return {
        query: (sql, params) => {
          queries.push({ sql, params });
          return engine.query(sql, params);
        },
        close: () => engine.close(),
      };
    },
  });
  AtliqSource.register(source);
  return { src: source.url, source, queries };
}
