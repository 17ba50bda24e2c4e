import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';
import { loadDevserver, testExtractsPlugin } from '../packages/components/test/extracts-plugin.ts';
import { duckdbViteConfig } from '../packages/components/vite.duckdb.ts';

/** Stories live next to their components; they load the real test extract from `/extracts/`. */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../packages/components/src/**/*.stories.ts'],
  addons: ['@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  // The dev server serves the extract through the plugin below (Range support); a static build copies it in.
  staticDirs: async (dirs = [], options) =>
    options.configType === 'PRODUCTION'
      ? [...dirs, { from: await (await loadDevserver()).ensureTestExtracts(), to: '/extracts' }]
      : dirs,
  viteFinal: (vite) =>
    mergeConfig(vite, { ...duckdbViteConfig, plugins: [...duckdbViteConfig.plugins, testExtractsPlugin()] }),
};

export default config;
