import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createExampleApp, expectAppChartAndSelect, run } from './scratch.ts';

/**
 * A Vue 3 user, outside this workspace: examples/vue (the example docs/frameworks.md links to: Vite,
 * @vitejs/plugin-vue with `isCustomElement`, the tag types of `@atliq/components/vue`) copied into a new folder,
 * the tarballs installed with npm, type-checked with vue-tsc in strict mode, built, served beside a published
 * extract and used in Chromium.
 */

/** A template with a measure the KPI does not take and an `@atliq-select` handler of the wrong event type. */
const WRONG = `<script setup lang="ts">
import '@atliq/components';
function onKey(event: KeyboardEvent) {
  return event.key;
}
</script>

<template>
  <atliq-kpi measure="colour"></atliq-kpi>
  <atliq-revenue-chart @atliq-select="onKey"></atliq-revenue-chart>
</template>
`;

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

  it('refuses a measure the element does not take and a handler of another event than its detail type', async () => {
    await writeFile(join(app, 'src/Wrong.vue'), WRONG);
    const failed = await run(app, 'npx', ['vue-tsc', '--noEmit']).then(
      () => undefined,
      (e: { stdout: string; stderr: string }) => e.stdout + e.stderr,
    );
    await rm(join(app, 'src/Wrong.vue'));
    expect(failed).toMatch(/Wrong\.vue\(9,\d+\): error TS2322: Type '"colour"' is not assignable to type 'KpiMeasure/);
    expect(failed).toMatch(
      /Wrong\.vue\(10,\d+\): error TS2322: Type '\(event: KeyboardEvent\) => string' is not assignable to type '\(event: CustomEvent<AtliqSelectDetail>\) => void'/,
    );
  });

  it('builds with vite build', async () => {
    await expect(run(app, 'npx', ['vite', 'build'])).resolves.toBeDefined();
  });

  it("shows the extract's revenue by market, and a click on a bar reaches the Vue handler of @atliq-select", async () => {
    await expectAppChartAndSelect(join(app, 'dist'), { extracts, revenueByMarket });
  });
});
