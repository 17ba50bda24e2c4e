import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@atliq/devserver';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot } from '../test/browser.ts';
import { queryPublished } from '../test/published.ts';

const { url, extracts } = inject('e2e');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** The eight best customers by revenue, straight from the published DuckDB file, without the SDK. */
const topCustomers = () =>
  queryPublished<{ label: string; value: number }>(
    extracts,
    `SELECT c.customer_name AS label, sum(f.revenue) AS value FROM x.fact_sales f
     JOIN x.dim_customer c USING (customer_code) GROUP BY 1 ORDER BY 2 DESC LIMIT 8`,
  );

describe('examples/crm-portal', () => {
  it('embeds from another origin: the CRM page on its own host, atliq.js and the extract on the analytics server', async () => {
    // The CRM's page as its authors would write it, pointing at the central server (the e2e server's origin).
    const html = (await readFile(join(import.meta.dirname, 'index.html'), 'utf8'))
      .replace('src="/atliq/atliq.js"', `src="${url}/atliq/atliq.js"`)
      .replace('src="/extracts/manifest.json"', `src="${url}/extracts/manifest.json"`);
    expect(html).toContain(`${url}/atliq/atliq.js`);
    const site = await mkdtemp(join(tmpdir(), 'atliq-crm-'));
    await writeFile(join(site, 'index.html'), html);
    const crm = await startServer({ '/': site });
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    try {
      expect(new URL(crm.url).origin).not.toBe(new URL(url).origin);
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });

      await page.goto(`${crm.url}/`);
      const list = page.locator('atliq-top-list');
      // The top list needs the engine (customers are finer than month × market): its worker came from the other
      // origin through the blob: shim, and its wasm across origins.
      await list.locator('li.item').first().waitFor({ timeout: 90_000 });
      const expected = await topCustomers();
      const shown = (await list.evaluate((el) => (el as HTMLElement & { data: unknown }).data)) as {
        label: string;
        value: number;
      }[];
      expect(shown.map((r) => r.label)).toEqual(expected.map((r) => r.label));
      shown.forEach((r, i) => {
        expect(r.value).toBeCloseTo(expected[i]!.value, 2);
      });
      expect(requests.some((r) => r.startsWith(`${url}/atliq/`) && r.endsWith('.wasm'))).toBe(true);

      // The host page hears the component's event and shows the account; the KPI follows the selection.
      const kpi = page.locator('atliq-kpi');
      const kpiValue = () =>
        kpi.evaluate((el) => (el as HTMLElement & { data?: { value: number } }).data?.value ?? null);
      await expect.poll(kpiValue, { timeout: 30_000 }).not.toBeNull();
      const total = (await kpiValue())!;
      await list.locator('li.item').first().click();
      await expect.poll(() => page.locator('#customer-name').textContent()).toBe(expected[0]!.label);
      await expect.poll(kpiValue, { timeout: 30_000 }).toBeLessThan(total);

      const foreign = requests.filter(
        (r) => !r.startsWith(`${url}/`) && !r.startsWith(`${crm.url}/`) && !/^(blob|data):/.test(r),
      );
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
      await screenshot(page, 'crm-portal-cross-origin');
    } finally {
      await page.close();
      await crm.close();
      await rm(site, { recursive: true, force: true });
    }
  });
});
