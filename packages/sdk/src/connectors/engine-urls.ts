import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import type { EngineBundles } from './engine-files.ts';

/**
 * Self-hosted engine files, inside this repository: Vite emits them next to the bundle (atliq.js, the examples,
 * Storybook, the tests) and these URLs point there, so a page on a closed network never needs a CDN. Resolved
 * against the page because the worker fetches the wasm from its own location.
 *
 * The published package replaces this module with `engine-urls.dist.js` (`new URL(…, import.meta.url)` into the
 * package's own `dist/engine/`), which any bundler follows with no plugin, and a browser without one too.
 */
const absolute = (url: string) => new URL(url, location.href).href;
export const BUNDLED: EngineBundles = {
  mvp: { mainModule: absolute(mvpWasm), mainWorker: absolute(mvpWorker) },
  eh: { mainModule: absolute(ehWasm), mainWorker: absolute(ehWorker) },
};
