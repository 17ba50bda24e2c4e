/**
 * Global setup of the `e2e` project: the embeddable bundle built as a page author gets it, the test extract,
 * and the reference server serving pages, bundle and extracts from one origin — the demo's exact layout.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestExtracts, startServer } from '@atliq/devserver';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The reference server, the test extract folder, and the built components (atliq.js and its assets). */
    e2e: { url: string; extracts: string; bundle: string; scoped: string };
  }
}

/** The scopes of the secure portal's tests: a zone, two key accounts, and a zone's totals without customer rows. */
export const SCOPES = {
  north: { zone: ['North'] },
  'key-accounts': { customer: ['Cus006', 'Cus003'] },
  'north-totals': { zone: ['North'], detail: 'aggregate' },
};

const examples = fileURLToPath(new URL('..', import.meta.url));
const repo = join(examples, '..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Vitest sets NODE_ENV=test, which would make Vite pick Lit's development build; test what ships.
  const build = spawnSync('pnpm', ['--filter', '@atliq/components', 'run', 'build'], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error(`building the components bundle failed:\n${build.stdout}\n${build.stderr}`);
  const extracts = await ensureTestExtracts();
  // The same sample published with row-level security's scopes beside the full extract (examples/secure-portal).
  const scoped = await ensureTestExtracts(undefined, { scopes: SCOPES });
  const bundle = join(repo, 'packages/components/dist');
  const server = await startServer({
    '/': examples,
    '/atliq': bundle,
    '/extracts': extracts,
  });
  project.provide('e2e', { url: server.url, extracts, bundle, scoped });
  return () => server.close();
}
