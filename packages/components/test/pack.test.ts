import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createApp,
  expectRevenueByMarket,
  expectSelectReachesHost,
  run,
  serve,
  strictTsconfig,
  tarballsOf,
} from './scratch.ts';

/**
 * What a user of the npm packages does, outside this workspace: install the packed tarballs into a new Vite
 * project written in strict TypeScript, type-check it, build it with no plugin or config, serve the result beside
 * a published extract, and use the chart in Chromium.
 */

const { tarballs, extracts, revenueByMarket } = inject('pack');
const listing = async (tarball: string) => (await run(tmpdir(), 'tar', ['tzf', tarball])).stdout.split('\n');
const manifestOf = async (tarball: string) =>
  JSON.parse((await run(tmpdir(), 'tar', ['xzf', tarball, '-O', 'package/package.json'])).stdout);

describe('the tarballs', () => {
  it.each(Object.entries(tarballs))(
    '%s holds dist, README and LICENSE, and no tests, stories or snapshots',
    async (_, tarball) => {
      const files = await listing(tarball);
      expect(files.filter((f) => /\.test\.|\.stories\.|__snapshots__|\.snap$|\/src\//.test(f))).toEqual([]);
      expect(files).toEqual(expect.arrayContaining(['package/README.md', 'package/LICENSE', 'package/package.json']));
      expect(files.some((f) => f.startsWith('package/dist/') && f.endsWith('.d.ts'))).toBe(true);
    },
  );

  it('@atliq/components depends on the version of @atliq/sdk, not on workspace:*', async () => {
    const sdk = await manifestOf(tarballs['@atliq/sdk']);
    const components = await manifestOf(tarballs['@atliq/components']);
    expect(components.dependencies['@atliq/sdk']).toBe(sdk.version);
    expect(components.exports['.']).toEqual({ types: './dist/lib/index.d.ts', default: './dist/lib/index.js' });
  });
});

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A user's app</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/src/main.ts"></script>
  </head>
  <body>
    <atliq-revenue-chart src="/extracts/manifest.json" by="market" style="display: block; height: 400px"></atliq-revenue-chart>
    <p>Picked: <output></output></p>
  </body>
</html>
`;

/** Registers every element, reaches a class and an event's detail through the published types, asks the SDK. */
const MAIN = `import { setEngineFiles } from '@atliq/components';
import { AtliqRevenueChart } from '@atliq/components/elements';
import { AtliqSource, type Row } from '@atliq/sdk';

const engine = new URLSearchParams(location.search).get('engine');
if (engine) setEngineFiles(engine);

const chart = document.querySelector('atliq-revenue-chart');
if (!(chart instanceof AtliqRevenueChart)) throw new Error('<atliq-revenue-chart> is not registered');
chart.addEventListener('atliq-select', (e) => {
  document.querySelector('output')!.textContent = \`\${e.detail.dimension}=\${String(e.detail.value)}\`;
});
// A source of its own that answers from the engine only, not from the extract's month × market totals.
const rows: Promise<Row[]> = new AtliqSource('/extracts/manifest.json', { preaggregates: false }).query({
  measures: ['revenue'],
  dimensions: ['market'],
  sort: [{ field: 'revenue', order: 'desc' }],
});
Object.assign(window, { sdkRows: rows });
`;

/** A page with one element, defined from the classes alone: what stays out of its script is the point. */
const KPI_PAGE = PAGE.replace('/src/main.ts', '/main.ts').replace(
  /<atliq-revenue-chart[^\n]*\n\s*<p>Picked[^\n]*/,
  '<atliq-kpi src="/extracts/manifest.json"></atliq-kpi>',
);
const KPI_MAIN = `import { AtliqKpi } from '@atliq/components/elements';

customElements.define('atliq-kpi', AtliqKpi);
`;

describe('a Vite app in strict TypeScript, installing the tarballs with npm', () => {
  let app: string;
  let served: Awaited<ReturnType<typeof serve>> | undefined;

  beforeAll(async () => {
    app = await createApp(
      'user-app',
      tarballsOf(tarballs, ['@atliq/components', '@atliq/sdk']),
      // The versions this workspace builds with, from the registry (or npm's cache).
      { typescript: '5.9.3', vite: '8.3.8' },
      {
        'tsconfig.json': strictTsconfig(['src', 'kpi']),
        'index.html': PAGE,
        'src/main.ts': MAIN,
        'kpi/index.html': KPI_PAGE,
        'kpi/main.ts': KPI_MAIN,
      },
    );
  });
  afterAll(async () => {
    await served?.close();
    if (app) await rm(app, { recursive: true, force: true });
  });

  /** A new page of the served app, and what goes wrong on it: uncaught errors, console errors, failed requests. */
  async function open() {
    served ??= await serve({
      '/': join(app, 'dist'),
      '/kpi': join(app, 'dist-kpi'),
      '/extracts': extracts,
      // What `npx atliq-assets public/engine` copied: a folder no bundler touched.
      '/engine': join(app, 'public/engine'),
    });
    return served.open();
  }

  it('type-checks with tsc --noEmit', async () => {
    await expect(run(app, 'npx', ['tsc', '-p', '.'])).resolves.toBeDefined();
  });

  it('builds with vite build and no config, the engine worker and wasm emitted beside the bundle', async () => {
    await run(app, 'npx', ['vite', 'build']);
    const assets = await readdir(join(app, 'dist/assets'));
    for (const engineFile of [/^duckdb-eh-.*\.wasm$/, /^duckdb-browser-eh\.worker-.*\.js$/])
      expect(assets.some((f) => engineFile.test(f))).toBe(true);
  });

  it('builds a page with one element, from /elements, to less than half the script of a page with all of them', async () => {
    await run(app, 'npx', ['vite', 'build', 'kpi', '--outDir', '../dist-kpi', '--base', '/kpi/']);
    const entrySize = async (dist: string) => {
      const entry = (await readdir(join(dist, 'assets'))).find((f) => /^index-.*\.js$/.test(f))!;
      return (await stat(join(dist, 'assets', entry))).size;
    };
    const all = await entrySize(join(app, 'dist'));
    const kpi = await entrySize(join(app, 'dist-kpi'));
    expect(kpi, `one KPI ${kpi} bytes, everything ${all} bytes`).toBeLessThan(all / 2);
  });

  it('npx atliq-assets copies the engine files byte for byte and names the setEngineFiles() line to use', async () => {
    const { stdout } = await run(app, 'npx', ['atliq-assets', 'public/engine']);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toContain("setEngineFiles('/engine/')");
    const shipped = join(app, 'node_modules/@atliq/sdk/dist/engine');
    const names = ['duckdb-eh.wasm', 'duckdb-browser-eh.worker.js', 'duckdb-mvp.wasm', 'duckdb-browser-mvp.worker.js'];
    expect((await readdir(join(app, 'public/engine'))).sort()).toEqual([...names].sort());
    for (const name of names)
      expect(
        Buffer.compare(await readFile(join(app, 'public/engine', name)), await readFile(join(shipped, name))),
        name,
      ).toBe(0);
  });

  it.each([
    { args: [], code: 2 },
    { args: ['a', 'b'], code: 2 },
    { args: ['package.json/engine'], code: 1 },
  ])('npx atliq-assets $args fails in one line with exit $code, no stack', async ({ args, code }) => {
    const failed = await run(app, 'npx', ['atliq-assets', ...args]).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failed?.code).toBe(code);
    expect(failed?.stdout).toBe('');
    expect(failed?.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed?.stderr).toMatch(/^atliq-assets: /);
  });

  it.each([
    { engine: 'from the bundle', query: '', wasm: /\/assets\/duckdb-eh-[^/]+\.wasm$/ },
    { engine: 'from a folder setEngineFiles() names', query: '?engine=/engine/', wasm: /\/engine\/duckdb-eh\.wasm$/ },
  ])(
    'shows the chart with the numbers of the published extract in Chromium, the engine $engine',
    async ({ query, wasm }) => {
      const { page, errors } = await open();
      const wasmRequests: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('.wasm')) wasmRequests.push(r.url());
      });
      await page.goto(`${served!.url}/${query}`);
      const chart = page.locator('atliq-revenue-chart');
      await expectRevenueByMarket(chart, revenueByMarket);
      const rows = (await page.evaluate('window.sdkRows')) as { market: string; revenue: number }[];
      expect(rows.map((r) => r.market)).toEqual(revenueByMarket.map((r) => r.label));
      expect(wasmRequests.length).toBeGreaterThan(0);
      for (const url of wasmRequests) expect(url).toMatch(wasm);
      await expectSelectReachesHost(chart, page.locator('output'), revenueByMarket);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('shows the one-element page working in Chromium: nothing it needs was left out of its script', async () => {
    const { page, errors } = await open();
    await page.goto(`${served!.url}/kpi/`);
    await page.waitForFunction(
      () =>
        typeof (document.querySelector('atliq-kpi') as { data?: { value: unknown } } | null)?.data?.value === 'number',
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.locator('atliq-kpi [part=value]').textContent()).toMatch(/₹\s*[\d.,]+/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
