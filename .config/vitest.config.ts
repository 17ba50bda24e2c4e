import './node20.ts';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { testExtractsPlugin } from '../packages/components/test/extracts-plugin.ts';
import { queryServicePlugin } from '../packages/components/test/service-plugin.ts';
import { duckdbViteConfig } from '../packages/components/vite.duckdb.ts';
import { CHROMIUM_LAUNCH } from '../packages/devserver/src/chromium.ts';
import { brokenServerPlugin } from '../packages/sdk/src/testing/broken-server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Headless Debian Chromium (no browser download). A function, not a shared object: Vitest rejects one browser
 * config reused by two projects ("project name … was already defined").
 */
function chromium() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: CHROMIUM_LAUNCH,
    }),
    instances: [{ browser: 'chromium' as const }],
  };
}

/**
 * Test projects:
 * - unit: pure Node tests next to the code (`*.test.ts` under etl/src, packages/sdk/src, packages/devserver/src).
 * - etl: ETL integration tests against a private MariaDB the global setup starts and stops.
 * - browser: component and SDK tests in real headless Chromium against real DuckDB-WASM and real extracts.
 * - storybook: every story rendered (and its play function run) in Chromium.
 * - e2e: the demo page driven by Playwright from Node.
 * - pack: the npm tarballs installed into a new Vite app outside the workspace, built and shown in Chromium.
 */
export default defineConfig({
  root,
  test: {
    // Failure screenshots and annotations; Vitest applies the root setting to every project (git-ignored).
    attachmentsDir: '.vitest-attachments',
    projects: [
      {
        test: {
          name: 'unit',
          root,
          environment: 'node',
          include: [
            'etl/src/**/*.test.ts',
            'packages/sdk/src/**/*.test.ts',
            'packages/devserver/src/**/*.test.ts',
            'packages/components/test/editor-data.test.ts',
            'packages/components/test/manifest.test.ts',
            'packages/server/src/**/*.test.ts',
          ],
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
          globalSetup: ['.config/test-tmpdir.ts'],
        },
      },
      {
        test: {
          name: 'etl',
          root,
          environment: 'node',
          include: ['etl/test/**/*.test.ts'],
          // The temporary folder first: its teardown runs last, after the MariaDB server (whose data it holds) stopped.
          globalSetup: ['.config/test-tmpdir.ts', 'etl/test/global-mariadb.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...duckdbViteConfig,
        plugins: [...duckdbViteConfig.plugins, brokenServerPlugin(), testExtractsPlugin(), queryServicePlugin()],
        // Discover lit, @lit/task and d3 before the first test: optimising them mid-run reloads the page.
        optimizeDeps: { ...duckdbViteConfig.optimizeDeps, entries: ['packages/components/src/**/*.ts'] },
        test: {
          name: 'browser',
          root,
          include: ['packages/components/src/**/*.test.ts', 'packages/sdk/src/**/*.browser.test.ts'],
          globalSetup: ['packages/components/test/global-extracts.ts'],
          browser: chromium(),
          // The first test of a file starts the engine (~3 s on two busy cores) before its first query.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          environment: 'node',
          include: ['examples/**/*.test.ts'],
          globalSetup: ['examples/test/global-e2e.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'pack',
          root,
          environment: 'node',
          include: ['packages/components/test/pack.test.ts', 'packages/components/test/pack-*.test.ts'],
          globalSetup: ['.config/test-tmpdir.ts', 'packages/components/test/global-pack.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
      {
        ...duckdbViteConfig,
        plugins: [...duckdbViteConfig.plugins, storybookTest({ configDir: `${root}.storybook` })],
        test: {
          name: 'storybook',
          root,
          browser: chromium(),
          testTimeout: 30_000,
        },
      },
    ],
  },
});
