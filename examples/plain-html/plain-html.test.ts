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

/** Revenue by market name computed straight from the published DuckDB file, without the SDK. */
const truth = () =>
  queryPublished<{ label: string; value: number }>(
    extracts,
    `SELECT m.market_name AS label, sum(f.revenue) AS value FROM x.fact_sales f
     JOIN x.dim_market m USING (market_code) GROUP BY 1 ORDER BY 2 DESC`,
  );

describe('examples/plain-html', () => {
  it('draws revenue by market from the published extract, asking nothing of any other origin', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
    });

    await page.goto(`${url}/plain-html/`);
    const chart = page.locator('atliq-revenue-chart');
    await chart.locator('rect.bar').first().waitFor({ timeout: 60_000 });

    const expected = await truth();
    const shown = await chart.evaluate((el) => (el as HTMLElement & { data: unknown }).data);
    expect((shown as { label: string }[]).map((b) => b.label)).toEqual(expected.map((r) => r.label));
    (shown as { value: number }[]).forEach((b, i) => {
      expect(b.value).toBeCloseTo(expected[i]!.value, 2);
    });
    await expect(chart.locator('rect.bar').count()).resolves.toBe(expected.length);
    await expect(chart.locator('text.label').allTextContents()).resolves.toEqual(expected.map((r) => r.label));

    const origin = new URL(url).origin;
    const foreign = requests.filter(
      (r) => !r.startsWith(`${origin}/`) && !r.startsWith('blob:') && !r.startsWith('data:'),
    );
    expect(foreign).toEqual([]);
    expect(requests.some((r) => r.endsWith('.wasm'))).toBe(true);
    expect(errors).toEqual([]);
    await screenshot(page, 'plain-html');
    await page.close();
  });
});
