import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createExampleApp, expectAppChartAndSelect, run } from './scratch.ts';

/**
 * An Angular user, outside this workspace: examples/angular (the example docs/frameworks.md links to: a standalone
 * component with CUSTOM_ELEMENTS_SCHEMA, built by the Angular CLI's esbuild builder) copied into a new folder, the
 * tarballs installed with npm, its templates type-checked by ngc with strictTemplates, built, served beside a
 * published extract and used in Chromium.
 */

const { tarballs, extracts, revenueByMarket } = inject('pack');

/** A handler that takes the wrong event: Angular types `$event` of `(atliq-select)` from the element's event map. */
const WRONG = `import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';

@Component({
  selector: 'app-wrong',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: '<atliq-revenue-chart (atliq-select)="onSelect($event)"></atliq-revenue-chart>',
})
export class WrongComponent {
  protected onSelect(event: KeyboardEvent): void {
    console.log(event.key);
  }
}
`;

describe('examples/angular: an Angular app with CUSTOM_ELEMENTS_SCHEMA, installing the tarballs with npm', () => {
  let app: string;

  beforeAll(async () => {
    app = await createExampleApp('angular', tarballs);
  });
  afterAll(async () => {
    if (app) await rm(app, { recursive: true, force: true });
  });

  it('type-checks its templates with ngc (strictTemplates)', async () => {
    await expect(run(app, 'npx', ['ngc', '-p', 'tsconfig.json', '--noEmit'])).resolves.toBeDefined();
  });

  it('refuses an (atliq-select) handler that takes another event than CustomEvent<AtliqSelectDetail>', async () => {
    await writeFile(join(app, 'src/app/wrong.component.ts'), WRONG);
    // Beside main.ts, whose import of @atliq/components brings the elements' types in.
    const tsconfig = { extends: './tsconfig.json', files: ['src/main.ts', 'src/app/wrong.component.ts'] };
    await writeFile(join(app, 'tsconfig.wrong.json'), JSON.stringify(tsconfig));
    const failed = await run(app, 'npx', ['ngc', '-p', 'tsconfig.wrong.json', '--noEmit']).then(
      () => undefined,
      // ngc colours its report whatever --pretty says.
      (e: { stdout: string; stderr: string }) => stripVTControlCharacters(e.stdout + e.stderr),
    );
    expect(failed).toMatch(/wrong\.component\.ts:6:\d+ - error TS2345/);
    expect(failed).toContain(
      "Argument of type 'CustomEvent<AtliqSelectDetail>' is not assignable to parameter of type 'KeyboardEvent'",
    );
    await rm(join(app, 'src/app/wrong.component.ts'));
  });

  it("builds with ng build, angular.json's assets copying the engine's files", async () => {
    await run(app, 'npx', ['ng', 'build']);
    const engine = await readdir(join(app, 'dist/browser/engine'));
    expect(engine.filter((f) => f.endsWith('.wasm')).sort()).toEqual(['duckdb-eh.wasm', 'duckdb-mvp.wasm']);
  });

  it("shows the extract's revenue by market, and a click on a bar reaches the component's (atliq-select)", async () => {
    await expectAppChartAndSelect(join(app, 'dist/browser'), { extracts, revenueByMarket });
  });
});
