import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';

type Devserver = typeof import('@atliq/devserver');

/**
 * Serves the test extracts (Range requests, 404s, application/wasm) from a Vite dev server: the default one under
 * `/extracts/`, the one with profit columns under `/extracts-profit/`. Vitest browser mode and Storybook share it.
 *
 * `@atliq/devserver` is imported through tsx rather than statically: Vite 8 bundles a config file but leaves bare
 * imports to plain Node, and Node 20 cannot load the package's TypeScript sources (ERR_UNKNOWN_FILE_EXTENSION).
 * Vite's own SSR loader is no alternative: it inlines the CommonJS `@duckdb/node-api` the ETL needs ("exports is
 * not defined"). Importing here also builds the extract only when a browser project's server starts.
 */
export function loadDevserver(): Promise<Devserver> {
  return tsImport('@atliq/devserver', import.meta.url) as Promise<Devserver>;
}

/** URL prefix → folder of each test extract, built (or reused) first. */
export async function testExtractMounts(): Promise<Record<string, string>> {
  const { ensureTestExtracts } = await loadDevserver();
  return {
    '/extracts': await ensureTestExtracts(),
    '/extracts-profit': await ensureTestExtracts(undefined, { withProfit: true }),
  };
}

export function testExtractsPlugin(): Plugin {
  return {
    name: 'atliq-test-extracts',
    async configureServer(server) {
      const { extractsPlugin } = await loadDevserver();
      const plugin = extractsPlugin(await testExtractMounts());
      if (typeof plugin.configureServer === 'function') await plugin.configureServer.call(this, server);
    },
  };
}
