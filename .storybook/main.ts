import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';
import { testExtractMounts, testExtractsPlugin } from '../packages/components/test/extracts-plugin.ts';
import { duckdbViteConfig } from '../packages/components/vite.duckdb.ts';

/**
 * Stories live next to their components; they load the real test extracts from `/extracts/` and (with profit
 * columns) `/extracts-profit/`.
 */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../packages/components/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  // The dev server serves the extracts through the plugin below (Range support); a static build copies them in.
  staticDirs: async (dirs = [], options) =>
    options.configType === 'PRODUCTION'
      ? [...dirs, ...Object.entries(await testExtractMounts()).map(([to, from]) => ({ from, to }))]
      : dirs,
  viteFinal: (vite) =>
    mergeConfig(vite, { ...duckdbViteConfig, plugins: [...duckdbViteConfig.plugins, testExtractsPlugin()] }),
};

export default config;
