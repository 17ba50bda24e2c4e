import { defineConfig, mergeConfig } from 'vite';
import { duckdbViteConfig } from './vite.duckdb.ts';

/**
 * The one-script-tag bundle: `dist/atliq.js` (stable name, so pages can reference it) with the DuckDB engine's
 * wasm and worker files as separate assets beside it, referenced relative to the script (`base: './'`), so the
 * folder can be copied to any path of any intranet server. An app build with a JS entry, not library mode:
 * library mode inlines assets as base64, which would put 34 MB of wasm into the script.
 */
export default defineConfig(
  mergeConfig(duckdbViteConfig, {
    base: './',
    publicDir: false,
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      rolldownOptions: {
        input: 'src/index.ts',
        // Keep the entry's exports: pages may import the element classes from atliq.js.
        preserveEntrySignatures: 'exports-only',
        output: {
          entryFileNames: 'atliq.js',
          // One script: a page that copies atliq.js without assets/ would otherwise fail on a static import of a
          // shared chunk before any element is defined, a blank page with no message. Only the engine's worker
          // and wasm stay beside it, and the SDK names them when they are missing.
          inlineDynamicImports: true,
          chunkFileNames: 'assets/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  }),
);
