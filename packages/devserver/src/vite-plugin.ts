import type { Plugin } from 'vite';
import { staticHandler } from './static.ts';

/**
 * Serves a published extract folder under `/extracts/` from Vite's dev server (Vitest browser mode, Storybook),
 * with the Range support and 404s the SDK needs — Vite's own static serving falls back to index.html.
 */
export function extractsPlugin(dir: string, prefix = '/extracts'): Plugin {
  const handle = staticHandler({ [prefix]: dir });
  return {
    name: 'atliq-extracts',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        handle(req, res, next).catch(next);
      });
    },
  };
}
