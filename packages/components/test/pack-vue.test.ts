import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createExampleApp, expectAppChartAndSelect, run } from './scratch.ts';

/**
 * A Vue 3 user, outside this workspace: examples/vue (the example docs/frameworks.md links to: Vite,
 * @vitejs/plugin-vue with `isCustomElement`, the tag types of `@atliq/components/vue`) copied into a new folder,
 * the tarballs installed with npm, type-checked with vue-tsc in strict mode, built, served beside a published
 * extract and used in Chromium.
 *
 * No test of a wrong template here: the generated vue.d.ts gives every tag an index signature
 * (`& { [attribute: string]: unknown }`), and with it vue-tsc accepts any attribute value and any handler type
 * (`theme="blue"`, `:compare="'yes'"`, an `@atliq-select` handler taking a KeyboardEvent): nothing to assert yet.
 */

const { tarballs, extracts, revenueByMarket } = inject('pack');

describe('examples/vue: a Vite + Vue 3 app type-checked with vue-tsc, installing the tarballs with npm', () => {
  let app: string;

  beforeAll(async () => {
    app = await createExampleApp('vue', tarballs);
  });
  afterAll(async () => {
    if (app) await rm(app, { recursive: true, force: true });
  });

  it('type-checks with vue-tsc --noEmit', async () => {
    await expect(run(app, 'npx', ['vue-tsc', '--noEmit'])).resolves.toBeDefined();
  });

  it('builds with vite build', async () => {
    await expect(run(app, 'npx', ['vite', 'build'])).resolves.toBeDefined();
  });

  it("shows the extract's revenue by market, and a click on a bar reaches the Vue handler of @atliq-select", async () => {
    await expectAppChartAndSelect(join(app, 'dist'), { extracts, revenueByMarket });
  });
});
