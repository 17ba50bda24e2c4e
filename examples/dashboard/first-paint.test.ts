import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot } from '../test/browser.ts';

const { url } = inject('e2e');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

type WithData = HTMLElement & { data?: unknown[] | { value: number } };

describe('examples/dashboard first paint', () => {
  it('draws the month × market charts from month_market.json while the engine never loads', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The engine's wasm never arrives: whatever is drawn did not wait for it.
    await page.route('**/*.wasm', () => {});
    await page.goto(`${url}/dashboard/`);
    const root = page.locator('atliq-dashboard');
    const revenue = root.locator('atliq-revenue-chart').first();
    await revenue.locator('rect.bar').first().waitFor({ timeout: 30_000 });
    const bars = await revenue.evaluate((el) => ((el as WithData).data as unknown[]).length);
    expect(bars).toBeGreaterThan(5);
    const kpi = await root
      .locator('atliq-kpi')
      .first()
      .evaluate((el) => ((el as WithData).data as { value: number } | undefined)?.value);
    expect(kpi).toBeGreaterThan(0);
    await root.locator('atliq-trend-chart path').first().waitFor({ timeout: 10_000 });
    // Customers need the engine: the top list is still loading, not failing and not empty.
    const topList = root.locator('atliq-top-list').first();
    await expect(topList.evaluate((el) => (el as WithData).data)).resolves.toBeUndefined();
    await screenshot(page, 'dashboard-first-paint-without-engine');
    await page.close();
  });
});
