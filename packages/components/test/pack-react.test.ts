import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createApp,
  expectRevenueByMarket,
  expectSelectReachesHost,
  run,
  serve,
  strictTsconfig,
  tarballDependencies,
} from './scratch.ts';

/**
 * What a React user of the npm packages does, outside this workspace: install the packed tarballs (@atliq/react and
 * what it depends on) into a new Vite + React 19 project in strict TypeScript, type-check it, build it, serve the
 * result beside a published extract, and use the charts in Chromium.
 *
 * Set ATLIQ_SHOTS to a folder to keep screenshots of the app (desktop and 390 px wide) there.
 */

const { tarballs, extracts, revenueByMarket } = inject('pack');
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>A user's React app</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/src/main.tsx"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

/**
 * The wrappers with a typed onSelect and a ref, and a raw tag through the JSX types of @atliq/react/jsx with its
 * event prop: each writes what it received into the page, where the test reads it.
 */
const MAIN = `import type {} from '@atliq/react/jsx';
import { AtliqRevenueChart } from '@atliq/components/elements';
import { type AtliqSelectDetail, Kpi, RevenueChart } from '@atliq/react';
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

const src = '/extracts/manifest.json';

function App() {
  const [picked, setPicked] = useState<AtliqSelectDetail | null>(null);
  const [rawPicked, setRawPicked] = useState('');
  const [reached, setReached] = useState('');
  const chart = useRef<AtliqRevenueChart>(null);
  useEffect(() => {
    if (chart.current instanceof AtliqRevenueChart) setReached(\`\${chart.current.localName} by \${chart.current.by}\`);
  }, []);
  return (
    <main style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16, padding: 16 }}>
      <h1>Revenue</h1>
      <Kpi src={src} measure="revenue" onError={(e) => setPicked({ dimension: 'error', value: null, label: e.detail.message })} />
      <RevenueChart
        id="wrapped"
        ref={chart}
        src={src}
        by="market"
        style={{ display: 'block', height: 400 }}
        onSelect={(e) => setPicked(e.detail)}
      />
      <p>Picked: <output id="picked">{picked ? \`\${picked.dimension}=\${String(picked.value)}\` : ''}</output></p>
      <p>Ref: <output id="ref">{reached}</output></p>
      <atliq-revenue-chart
        id="raw"
        src={src}
        by="zone"
        as-of=""
        style={{ display: 'block', height: 200 }}
        onatliq-select={(e) => setRawPicked(\`\${e.detail.dimension}=\${String(e.detail.value)}\`)}
      />
      <p>Raw tag picked: <output id="raw-picked">{rawPicked}</output></p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
`;

describe('a Vite + React 19 app in strict TypeScript, installing the tarballs with npm', () => {
  let app: string;
  let served: Awaited<ReturnType<typeof serve>> | undefined;

  beforeAll(async () => {
    app = await createApp(
      'user-react-app',
      { ...tarballDependencies(tarballs), react: '19.3.1', 'react-dom': '19.3.1' },
      { '@types/react': '19.3.3', '@types/react-dom': '19.3.0', typescript: '5.9.3', vite: '8.3.8' },
      { 'tsconfig.json': strictTsconfig(['src'], { jsx: 'react-jsx' }), 'index.html': PAGE, 'src/main.tsx': MAIN },
    );
  });
  afterAll(async () => {
    await served?.close();
    if (app) await rm(app, { recursive: true, force: true });
  });

  it('type-checks with tsc --noEmit', async () => {
    await expect(run(app, 'npx', ['tsc', '-p', '.'])).resolves.toBeDefined();
  });

  it('builds with vite build and no config', async () => {
    await expect(run(app, 'npx', ['vite', 'build'])).resolves.toBeDefined();
  });

  it("shows the extract's revenue by market, and a click on a bar reaches the host's onSelect", async () => {
    served = await serve({ '/': join(app, 'dist'), '/extracts': extracts });
    const { page, errors } = await served.open();
    await page.goto(`${served.url}/`);
    const chart = page.locator('#wrapped');
    await expectRevenueByMarket(chart, revenueByMarket);
    await expect.poll(() => page.locator('#ref').textContent()).toBe('atliq-revenue-chart by market');
    await expectSelectReachesHost(chart, page.locator('#picked'), revenueByMarket);

    const raw = page.locator('#raw');
    await raw.locator('g.mark').first().waitFor({ timeout: 60_000 });
    await raw.locator('g.mark').first().click();
    await expect.poll(() => page.locator('#raw-picked').textContent()).toMatch(/^zone=\S+/);

    const shots = process.env['ATLIQ_SHOTS'];
    if (shots) {
      await mkdir(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'react-desktop.png'), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(shots, 'react-390.png'), fullPage: true });
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  // Last, because it replaces React 19 in the app: the same code against React 18's types (Chromium ran React 19).
  it('type-checks with React 18 and its types too', async () => {
    const react18 = ['react@18', 'react-dom@18', '@types/react@18', '@types/react-dom@18'];
    await run(app, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...react18]);
    const { stdout } = await run(app, 'npm', ['ls', '@types/react', '--depth=0', '--json']);
    expect(JSON.parse(stdout).dependencies['@types/react'].version).toMatch(/^18\./);
    await expect(run(app, 'npx', ['tsc', '-p', '.'])).resolves.toBeDefined();
  });
});
