import { AtliqSource } from '@atliq/sdk';
// The SDK exports no WASM connector (AtliqSource picks it itself); a test wraps it to see what reaches the engine.
import { connectWasm } from '../../sdk/src/connectors/wasm.ts';

/** Every query a recording source sent to its engine, in order. */
export interface Recorded {
  readonly queries: { sql: string; params: readonly unknown[] }[];
}

/**
 * Registers a source for `url` that answers from the real extract through the page's DuckDB-WASM engine and
 * records each SQL string and its bound parameters, for tests that check what a component sent.
 */
export function recordingSource(url: string): { src: string } & Recorded {
  const queries: Recorded['queries'] = [];
  const source = new AtliqSource(url, {
    // Every query must reach the engine to be recorded, month × market ones included.
    monthMarket: false,
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
  return { src: source.url, queries };
}
