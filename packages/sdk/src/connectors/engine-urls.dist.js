/**
 * The published package's engine files (see engine-urls.ts, which this replaces in dist/): `new URL` with a
 * literal path relative to `import.meta.url` is what Vite, webpack 5 and Parcel follow to emit the file with the
 * app (Rollup alone needs a plugin), and what a browser resolves itself when the package is served unbundled.
 */
export const BUNDLED = {
  mvp: {
    mainModule: new URL('../engine/duckdb-mvp.wasm', import.meta.url).href,
    mainWorker: new URL('../engine/duckdb-browser-mvp.worker.js', import.meta.url).href,
  },
  eh: {
    mainModule: new URL('../engine/duckdb-eh.wasm', import.meta.url).href,
    mainWorker: new URL('../engine/duckdb-browser-eh.worker.js', import.meta.url).href,
  },
};
