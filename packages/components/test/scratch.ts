import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CHROMIUM_LAUNCH, startServer } from '@atliq/devserver';
import { type Browser, chromium, type Locator, type Page } from 'playwright';
import { expect } from 'vitest';

/**
 * What the tests of scratch projects outside the workspace share: running a user's commands, making the project,
 * opening a page that records what goes wrong on it, and checking a chart and its `atliq-select` there.
 */

const exec = promisify(execFile);

/** The scratch project's commands see a user's shell: no pnpm `npm_*` settings, no Vitest NODE_ENV. */
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && !k.startsWith('PNPM_') && k !== 'NODE_ENV'),
);

/** Runs `command` in `cwd` as a user would; rejects with its output when it fails. */
export const run = (cwd: string, command: string, args: string[]) =>
  exec(command, args, { cwd, env: userEnv, maxBuffer: 16 * 1024 * 1024 });

/** The packed tarballs as a user's package.json names them. */
export const tarballDependencies = (tarballs: Record<string, string>) =>
  Object.fromEntries(Object.entries(tarballs).map(([name, tarball]) => [name, `file:${tarball}`]));

/**
 * A new project in a temporary folder outside the workspace: `package.json` made from `dependencies` and
 * `devDependencies`, the other `files` written as given (by path), then `npm install` from npm's cache when it can.
 */
export async function createApp(
  name: string,
  dependencies: Record<string, string>,
  devDependencies: Record<string, string>,
  files: Record<string, string>,
): Promise<string> {
  const app = await mkdtemp(join(tmpdir(), `atliq-${name}-`));
  const packageJson = { name, private: true, type: 'module', dependencies, devDependencies };
  for (const [path, text] of Object.entries({ ...files, 'package.json': JSON.stringify(packageJson, null, 2) })) {
    await mkdir(dirname(join(app, path)), { recursive: true });
    await writeFile(join(app, path), text);
  }
  await run(app, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund']);
  return app;
}

/**
 * A project of `examples/<name>` for createApp: its files as they are (not node_modules or dist) and its
 * package.json's dependencies, where each `@atliq/*` one becomes its tarball, with `@atliq/sdk` (no registry has
 * it). The example the docs link to is then the project that the test installs, type-checks and builds.
 */
async function exampleProject(name: string, tarballs: Record<string, string>) {
  const root = fileURLToPath(new URL(`../../../examples/${name}/`, import.meta.url));
  const paths = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length))
    .filter((path) => !/^(node_modules|dist)\//.test(path) && path !== 'package.json');
  const files = Object.fromEntries(
    await Promise.all(paths.map(async (p) => [p, await readFile(join(root, p), 'utf8')])),
  );
  const { dependencies, devDependencies } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const atliq = ['@atliq/sdk', ...Object.keys(dependencies).filter((d) => d.startsWith('@atliq/'))];
  return { dependencies: { ...dependencies, ...tarballsOf(tarballs, [...new Set(atliq)]) }, devDependencies, files };
}

/** createApp of `examples/<name>` (see exampleProject) with the packed `tarballs`. */
export async function createExampleApp(name: string, tarballs: Record<string, string>): Promise<string> {
  const { dependencies, devDependencies, files } = await exampleProject(name, tarballs);
  return createApp(`user-${name}-app`, dependencies, devDependencies, files);
}

/**
 * `routes` served as a user's web server would (e.g. the built app at `/`, the extract at `/extracts`) and a
 * headless Chromium: `open()` gives a new page of it (see openPage), `close()` ends both.
 */
export async function serve(routes: Record<string, string>) {
  const server = await startServer(routes);
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, headless: true });
  return {
    url: server.url,
    open: (width?: number) => openPage(browser, width),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** A new page, and what goes wrong on it: uncaught errors, console errors, failed requests. */
export async function openPage(browser: Browser, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return { page, errors };
}

/** The bars a chart shows, as its `data` property holds them. */
export const barsOf = (chart: HTMLElement) =>
  (chart as HTMLElement & { data: { label: string; value: number }[] }).data;

/** The tarballs of `names` only, as a user's package.json names them (a project that does not use @atliq/react). */
export const tarballsOf = (tarballs: Record<string, string>, names: string[]) =>
  tarballDependencies(Object.fromEntries(names.map((name) => [name, tarballs[name]!])));

/**
 * A user's strict tsconfig.json for `include`: strict, unused code refused, and the packages' declarations checked
 * too (no skipLibCheck); `compilerOptions` adds to it (e.g. `jsx`).
 */
export const strictTsconfig = (include: string[], compilerOptions: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noUnusedLocals: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        skipLibCheck: false,
        noEmit: true,
        types: [],
        ...compilerOptions,
      },
      include,
    },
    null,
    2,
  );

/** That `chart` shows the extract's revenue by market (the truth from SQL): the same markets in order, the same sums. */
export async function expectRevenueByMarket(chart: Locator, revenueByMarket: { label: string; value: number }[]) {
  await chart.locator('rect.bar').first().waitFor({ timeout: 60_000 });
  const shown = await chart.evaluate(barsOf);
  expect(shown.map((b) => b.label)).toEqual(revenueByMarket.map((r) => r.label));
  for (const [i, b] of shown.entries()) expect(b.value).toBeCloseTo(revenueByMarket[i]!.value, 2);
}

/**
 * That a click on the first bar of `chart` (by market) reaches the host's handler of `atliq-select`, which writes
 * `market=<member>` into the element `picked`.
 */
export async function expectSelectReachesHost(
  chart: Locator,
  picked: Locator,
  revenueByMarket: { label: string; value: number }[],
) {
  await chart.locator('g.mark').first().click();
  await expect.poll(() => picked.textContent()).toBe(`market=${revenueByMarket[0]!.label}`);
}

/**
 * The whole check of a built app: `dist` served at / beside the extract at /extracts, opened in Chromium, its
 * `chart` showing the extract's revenue by market and a click on a bar reaching the host's handler, which writes
 * into `picked`; nothing may go wrong on the page.
 */
export async function expectAppChartAndSelect(
  dist: string,
  { extracts, revenueByMarket }: { extracts: string; revenueByMarket: { label: string; value: number }[] },
  { chart = 'atliq-revenue-chart', picked = 'output' } = {},
) {
  const served = await serve({ '/': dist, '/extracts': extracts });
  try {
    const { page, errors } = await served.open();
    await page.goto(`${served.url}/`);
    await expectRevenueByMarket(page.locator(chart), revenueByMarket);
    await expectSelectReachesHost(page.locator(chart), page.locator(picked), revenueByMarket);
    expect(errors).toEqual([]);
  } finally {
    await served.close();
  }
}
