import type { Plugin } from 'vite';
import { type Mounts, staticHandler } from './static.ts';

/**
 * Serves published extract folders from Vite's dev server (Vitest browser mode, Storybook), with the Range support
 * and 404s the SDK needs — Vite's own static serving falls back to index.html. `mounts` maps URL prefixes to
 * folders, e.g. `{ '/extracts': plain, '/extracts-profit': withProfit }`.
 */
export function extractsPlugin(mounts: Mounts): Plugin {
  const handle = staticHandler(mounts);
  return {
    name: 'atliq-extracts',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        handle(req, res, next).catch(next);
      });
    },
  };
}
