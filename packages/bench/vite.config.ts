import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import { duckdbViteConfig } from '../components/vite.duckdb.ts';

const pages = fileURLToPath(new URL('src/pages/', import.meta.url));

/** The two benchmark pages, built as the components bundle is (DuckDB settings shared), into dist/. */
export default defineConfig(
  mergeConfig(duckdbViteConfig, {
    root: pages,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: fileURLToPath(new URL('dist/', import.meta.url)),
      emptyOutDir: true,
      rolldownOptions: { input: { ours: `${pages}ours.html`, baseline: `${pages}baseline.html` } },
    },
  }),
);
