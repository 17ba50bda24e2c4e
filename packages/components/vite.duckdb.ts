import { readFile } from 'node:fs/promises';
import type { Plugin, UserConfig } from 'vite';

/**
 * The engine's eh worker ships a source map into Arrow sources it does not publish; the dev server warns about
 * each (~50 lines on every start) when it serves the worker. Serving the worker without its map silences that;
 * builds copy the file as an asset and never read the map.
 */
const workerWithoutSourcemap: Plugin = {
  name: 'atliq-duckdb-worker-without-sourcemap',
  apply: 'serve',
  async load(id) {
    const [file = '', query] = id.split('?');
    if (!/@duckdb\/duckdb-wasm\/dist\/duckdb-browser-[a-z]+\.worker\.js$/.test(file) || query?.includes('url'))
      return null;
    const code = await readFile(file, 'utf8');
    return { code: code.replace(/\/\/# sourceMappingURL=\S+\s*$/, ''), map: null };
  },
};

/**
 * Vite settings DuckDB-WASM needs (PITFALLS, DuckDB-WASM), shared by the bundle build, Vitest browser mode and
 * Storybook: pre-bundling the package breaks its worker and wasm URLs, and the engine needs ES2022 output.
 */
export const duckdbViteConfig = {
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { target: 'es2022' },
  worker: { format: 'es' },
  plugins: [workerWithoutSourcemap],
} satisfies UserConfig;
