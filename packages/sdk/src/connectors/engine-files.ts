/** The engine's files, named as DuckDB-WASM publishes them (and as `@atliq/sdk/dist/engine/` holds them). */
export const ENGINE_FILES = {
  eh: { mainModule: 'duckdb-eh.wasm', mainWorker: 'duckdb-browser-eh.worker.js' },
  mvp: { mainModule: 'duckdb-mvp.wasm', mainWorker: 'duckdb-browser-mvp.worker.js' },
} as const;

/**
 * The worker script and wasm of each engine build (DuckDB-WASM's `DuckDBBundles`, restated so that the SDK's public
 * types do not pull in DuckDB-WASM's, which need `@types/emscripten`).
 */
export interface EngineBundles {
  readonly eh: { readonly mainModule: string; readonly mainWorker: string };
  readonly mvp: { readonly mainModule: string; readonly mainWorker: string };
}

let chosen: EngineBundles | undefined;

/**
 * Serves the DuckDB-WASM engine's worker and wasm files from `folder` (relative to the page, or another origin
 * with CORS) instead of where the bundler emitted them, e.g. one shared copy on an intranet server. The folder
 * holds the files of {@link ENGINE_FILES}, copied from `@atliq/sdk/dist/engine/`. Call it before the first query:
 * the page's engine starts once.
 */
export function setEngineFiles(folder: string | URL): void {
  const base = new URL(folder, document.baseURI);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const at = (name: string) => new URL(name, base).href;
  chosen = {
    eh: { mainModule: at(ENGINE_FILES.eh.mainModule), mainWorker: at(ENGINE_FILES.eh.mainWorker) },
    mvp: { mainModule: at(ENGINE_FILES.mvp.mainModule), mainWorker: at(ENGINE_FILES.mvp.mainWorker) },
  };
}

/** The files {@link setEngineFiles} chose, if it was called. */
export function chosenEngineFiles(): EngineBundles | undefined {
  return chosen;
}
