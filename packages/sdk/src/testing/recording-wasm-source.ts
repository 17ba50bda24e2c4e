import { afterAll, beforeAll } from 'vitest';
import type { Connector } from '../connector.ts';
import { connectWasm } from '../connectors/wasm.ts';
import type { Manifest } from '../contract.ts';
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

/** A browser test file's published extract: its manifest, a plain engine on it, and recording sources. */
export interface WasmExtract {
  readonly url: string;
  /** Read before the file's tests. */
  manifest: Manifest;
  /** A DuckDB-WASM connection of its own on the extract's sales.duckdb: the tests' plain SQL, not a source's. */
  facts: Connector;
  /** A source of its own on the extract whose engine records the SQL it runs ({@link recordingWasmSource}). */
  recordingSource(options?: Partial<SourceOptions>): { source: AtliqSource; sql: string[] };
}

/**
 * For a browser test file on the extract published at `path` (e.g. `/extracts-profit/manifest.json`): registers
 * the hooks that read its manifest and open `facts` before the file's tests, and close `facts` and every recording
 * source after them.
 */
export function wasmExtract(path: string): WasmExtract {
  const url = new URL(path, location.href).href;
  const sources: AtliqSource[] = [];
  const extract: WasmExtract = {
    url,
    manifest: undefined as unknown as Manifest,
    facts: undefined as unknown as Connector,
    recordingSource: (options = {}) => recordingWasmSource(url, sources, options),
  };
  beforeAll(async () => {
    extract.manifest = (await (await fetch(url)).json()) as Manifest;
    extract.facts = await connectWasm(new URL(extract.manifest.browser_db, url).href);
  });
  afterAll(() => Promise.all([extract.facts?.close(), ...sources.map((s) => s.close())]));
  return extract;
}
