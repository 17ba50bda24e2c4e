import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@atliq/devserver';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../test/browser.ts';
import { queryPublished } from '../test/published.ts';

/**
 * A page author who copies atliq.js but not the assets/ folder beside it. atliq.js used to import a shared chunk
 * from assets/ statically: that import failed before any element was defined, a blank page with only a console
 * error. Now one script holds all the code; what needs only the extract's month × market totals still shows, and
 * what needs the engine (its worker and wasm in assets/) says which file is missing and what to deploy.
 */
const { bundle, extracts } = inject('e2e');
let browser: Browser;
let server: RunningServer;
let site: string;
let atliq: string;

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>atliq.js alone</title></head>
  <body>
    <script type="module" src="/atliq/atliq.js"></script>
    <atliq-revenue-chart id="markets" src="/extracts/manifest.json" by="market"></atliq-revenue-chart>
    <atliq-revenue-chart id="customers" src="/extracts/manifest.json" by="customer"></atliq-revenue-chart>
  </body>
</html>
`;

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'atliq-no-assets-'));
  await writeFile(join(site, 'index.html'), PAGE);
  atliq = await mkdtemp(join(tmpdir(), 'atliq-js-alone-'));
  await copyFile(join(bundle, 'atliq.js'), join(atliq, 'atliq.js'));
  server = await startServer({ '/': site, '/atliq': atliq, '/extracts': extracts });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of [site, atliq]) if (dir) await rm(dir, { recursive: true, force: true });
});

/** Market names by revenue, largest first, straight from the published DuckDB file. */
const marketsByRevenue = async () =>
  (
    await queryPublished<{ label: string }>(
      extracts,
      `SELECT m.market_name AS label FROM x.fact_sales f
       JOIN x.dim_market m USING (market_code) GROUP BY 1 ORDER BY sum(f.revenue) DESC`,
    )
  ).map((r) => r.label);

describe('atliq.js copied without its assets/ folder', () => {
  it('draws what the totals answer, and names the missing /atliq/assets/ engine file where the engine is needed', async () => {
    const page = await browser.newPage();
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404) missing.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}/`);
    const markets = page.locator('#markets');
    await markets.locator('text.label').first().waitFor({ timeout: 30_000 });
    await expect(markets.locator('text.label').allTextContents()).resolves.toEqual(await marketsByRevenue());

    const message = page.locator('#customers').getByText(/engine file/);
    await message.waitFor({ timeout: 30_000 });
    const text = (await message.textContent()) ?? '';
    expect(text).toMatch(/\/atliq\/assets\/duckdb-[\w.-]+ is missing on the server \(HTTP 404\)/);
    expect(text).toContain('next to atliq.js');
    expect(missing.length).toBeGreaterThan(0);
    for (const path of missing) expect(path).toMatch(/^\/atliq\/assets\/duckdb-/);
    await page.close();
  });
});
