/**
 * After tsc (`build:lib`): puts the DuckDB-WASM engine into the published dist/. The four files an app serves go
 * to dist/engine/, and engine-urls.dist.js replaces the compiled engine-urls.js, whose `?url` imports only Vite
 * understands, by URLs relative to the module that every bundler follows.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const FILES = ['duckdb-eh.wasm', 'duckdb-browser-eh.worker.js', 'duckdb-mvp.wasm', 'duckdb-browser-mvp.worker.js'];

const dist = new URL('../dist/', import.meta.url);
const require = createRequire(import.meta.url);

await copyFile(
  new URL('../src/connectors/engine-urls.dist.js', import.meta.url),
  new URL('connectors/engine-urls.js', dist),
);
await mkdir(new URL('engine/', dist), { recursive: true });
for (const name of FILES) {
  const from = require.resolve(`@duckdb/duckdb-wasm/dist/${name}`);
  const to = new URL(`engine/${name}`, dist);
  if (name.endsWith('.wasm')) await copyFile(from, to);
  // The worker's source map is not shipped (2.4 MB, into Arrow sources DuckDB does not publish): without the
  // comment pointing at it, dev servers and browsers do not go looking.
  else await writeFile(to, (await readFile(from, 'utf8')).replace(/\/\/# sourceMappingURL=\S+\s*$/, ''));
}
