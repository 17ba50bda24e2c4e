import { connectWasm } from '../connectors/wasm.ts';
import { AtliqSource, type SourceOptions } from '../source.ts';

/**
 * For browser tests: a source of its own on the extract at `manifestUrl`, on real DuckDB-WASM, whose engine records
 * the SQL it runs (`sql`), so a test can tell what the files answered from what the engine did. It is added to
 * `sources` for the test file to close.
 */
export function recordingWasmSource(
  manifestUrl: string,
  sources: AtliqSource[],
  options: Partial<SourceOptions> = {},
): { source: AtliqSource; sql: string[] } {
  const sql: string[] = [];
  const source = new AtliqSource(manifestUrl, {
    connect: async (dbUrl) => {
      const engine = await connectWasm(dbUrl);
      return {
        query: (text, params) => {
          sql.push(text);
          return engine.query(text, params);
        },
        close: () => engine.close(),
      };
    },
    ...options,
  });
  sources.push(source);
  return { source, sql };
}
