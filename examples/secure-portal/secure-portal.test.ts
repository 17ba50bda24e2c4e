import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot } from '../test/browser.ts';
import { queryPublished } from '../test/published.ts';
import { type Portal, startPortal } from './portal.ts';

const { bundle, scoped } = inject('e2e');

describe('examples/secure-portal: nginx decides, from the identity the SSO proxy sends', () => {
  let folder: string;
  let portal: Portal;

  beforeAll(async () => {
    // A published folder's shape (main extract, two scopes), each file naming whose it is.
    folder = await mkdtemp(join(tmpdir(), 'atliq-portal-files-'));
    const files = {
      'manifest.json': '{"whose":"all"}',
      'v/s1/sales.duckdb': 'ALL-ROWS',
      'scopes/north/manifest.json': '{"whose":"north"}',
      'scopes/north/v/s1/sales.duckdb': 'NORTH-ROWS',
      'scopes/south/manifest.json': '{"whose":"south"}',
      'scopes/south/v/s1/sales.duckdb': 'SOUTH-ROWS',
    };
    for (const [path, body] of Object.entries(files)) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), body);
    }
    portal = await startPortal({
      extracts: folder,
      bundle,
      users: { alice: ['north'], bob: ['south', 'north'], director: ['all'], nobody: [] },
      ssoStandIn: true,
    });
  });
  afterAll(async () => {
    await portal?.close();
    await rm(folder, { recursive: true, force: true });
  });

  const get = (path: string, user?: string, headers: Record<string, string> = {}) =>
    fetch(`${portal.url}${path}`, {
      headers: { ...(user === undefined ? {} : { 'X-Remote-User': user }), ...headers },
      redirect: 'manual',
    });

  it('serves a scope only to its readers, and the full extract only to `all`; everything else is 403', async () => {
    const cases: [string, string | undefined, number][] = [
      ['/extracts/scopes/north/manifest.json', 'alice', 200],
      ['/extracts/scopes/north/v/s1/sales.duckdb', 'alice', 200],
      ['/extracts/scopes/south/manifest.json', 'alice', 403],
      ['/extracts/scopes/south/v/s1/sales.duckdb', 'alice', 403],
      ['/extracts/manifest.json', 'alice', 403],
      ['/extracts/v/s1/sales.duckdb', 'alice', 403],
      ['/extracts/scopes/south/manifest.json', 'bob', 200],
      ['/extracts/manifest.json', 'director', 200],
      ['/extracts/scopes/south/v/s1/sales.duckdb', 'director', 200],
      // Fail closed: no identity, an unknown reader, a reader without scopes, a hostile name.
      ['/extracts/scopes/north/manifest.json', undefined, 403],
      ['/extracts/scopes/north/manifest.json', 'mallory', 403],
      ['/extracts/scopes/north/manifest.json', 'nobody', 403],
      ['/extracts/scopes/north/manifest.json', "alice'; DROP TABLE x;--", 403],
      ['/extracts/manifest.json', '', 403],
      // Ways around the path: dot segments (raw and encoded), double slashes.
      ['/extracts/scopes/north/%2e%2e/south/manifest.json', 'alice', 403],
      ['/extracts/scopes/north/..%2fsouth/manifest.json', 'alice', 403],
      ['/extracts//manifest.json', 'alice', 403],
    ];
    for (const [path, user, status] of cases) {
      const response = await get(path, user);
      expect({ path, user, status: response.status }).toEqual({ path, user, status });
      const body = await response.text();
      if (status === 403) expect(body).not.toMatch(/ROWS|whose/);
    }
  });

  it('answers ranges, and marks every extract file private: the manifest revalidated, snapshot files immutable', async () => {
    const part = await get('/extracts/scopes/north/v/s1/sales.duckdb', 'alice', { Range: 'bytes=0-4' });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('NORTH');
    expect(part.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const manifest = await get('/extracts/scopes/north/manifest.json', 'alice');
    expect(manifest.headers.get('cache-control')).toBe('private, no-cache');
    const refused = await get('/extracts/scopes/south/manifest.json', 'alice');
    expect(refused.headers.get('cache-control')).toMatch(/^private/);
  });

  it('/extracts/me/manifest.json leads each reader to their own scope (the first listed), `all` to the full extract', async () => {
    const where = async (user?: string) => {
      const response = await get('/extracts/me/manifest.json', user);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      return response.status === 302 ? response.headers.get('location') : response.status;
    };
    expect(await where('alice')).toBe('/extracts/scopes/north/manifest.json');
    expect(await where('bob')).toBe('/extracts/scopes/south/manifest.json');
    expect(await where('director')).toBe('/extracts/manifest.json');
    expect(await where('nobody')).toBe(403);
    expect(await where(undefined)).toBe(403);
    // Followed, as the SDK's fetch does: the reader's manifest and nothing else.
    const followed = await fetch(`${portal.url}/extracts/me/manifest.json`, { headers: { 'X-Remote-User': 'alice' } });
    expect(await followed.json()).toEqual({ whose: 'north' });
  });

  it('the SSO stand-in overwrites a header a browser sends: identity comes from the login, never from the page', async () => {
    const spoofed = { Cookie: 'sso_user=alice', 'X-Remote-User': 'director' };
    expect((await fetch(`${portal.front}/extracts/manifest.json`, { headers: spoofed })).status).toBe(403);
    expect((await fetch(`${portal.front}/extracts/scopes/north/manifest.json`, { headers: spoofed })).status).toBe(200);
  });
});

describe('examples/secure-portal in Chromium, through the real nginx, on scoped extracts', () => {
  let browser: Browser;
  let portal: Portal;

  beforeAll(async () => {
    browser = await launchChromium();
    portal = await startPortal({
      extracts: scoped,
      bundle,
      users: { alice: ['north'], carol: ['key-accounts'], board: ['north-totals'], director: ['all'], outsider: [] },
      ssoStandIn: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  async function open(user: string) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.addCookies([{ name: 'sso_user', value: user, url: portal.front }]);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${portal.front}/`);
    return { page, requests, close: () => context.close() };
  }

  /** Revenue by market as the default dashboard's first bar chart shows it, once loaded. */
  async function marketsShown(page: Page) {
    const chart = page.locator('atliq-revenue-chart').first();
    await expect
      .poll(() => chart.evaluate((el) => (el as HTMLElement & { data?: unknown[] }).data?.length ?? 0), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
    return chart.evaluate((el) =>
      ((el as HTMLElement & { data: { label: string; value: number }[] }).data ?? []).map((d) => [d.label, d.value]),
    ) as Promise<[string, number][]>;
  }

  /** Revenue by market of the full published extract, filtered by `where` in SQL: the truth a scope must match. */
  const truthByMarket = (where: string) =>
    queryPublished<{ market: string; revenue: number }>(
      scoped,
      `SELECT m.market_name AS market, sum(f.revenue) AS revenue FROM x.fact_sales f
       JOIN x.dim_market m USING (market_code) JOIN x.dim_customer c USING (customer_code)
       WHERE ${where} GROUP BY 1 ORDER BY 2 DESC`,
    );

  it("a zone manager's dashboard shows only the North's numbers, equal to SQL on the full extract filtered to it", async () => {
    const { page, requests, close } = await open('alice');
    try {
      const shown = await marketsShown(page);
      const truth = await truthByMarket("m.zone = 'North'");
      expect(shown.map(([m]) => m)).toEqual(truth.map((t) => t.market));
      shown.forEach(([, v], i) => {
        expect(v).toBeCloseTo(truth[i]!.revenue, 2);
      });
      // Every extract file came from the reader's own scope.
      const files = requests.filter((r) => r.startsWith('/extracts/') && r !== '/extracts/me/manifest.json');
      expect(files.length).toBeGreaterThan(0);
      expect(files.filter((r) => !r.startsWith('/extracts/scopes/north/'))).toEqual([]);
      await screenshot(page, 'secure-portal-north');
    } finally {
      await close();
    }
  });

  it("a key-account reader sees only those two customers; asking for the North's files, they are told no", async () => {
    const { page, close } = await open('carol');
    try {
      const shown = await marketsShown(page);
      const truth = await truthByMarket("c.customer_code IN ('Cus006', 'Cus003')");
      expect(shown.map(([m]) => m)).toEqual(truth.map((t) => t.market));
      shown.forEach(([, v], i) => {
        expect(v).toBeCloseTo(truth[i]!.revenue, 2);
      });
      // Another scope's extract, named in a page: the server refuses it and the component says so.
      await page.evaluate(() => {
        const kpi = document.createElement('atliq-kpi');
        kpi.id = 'other';
        kpi.setAttribute('src', '/extracts/scopes/north/manifest.json');
        document.body.append(kpi);
      });
      const notice = page.locator('#other [data-state="forbidden"]');
      await notice.waitFor({ timeout: 30_000 });
      expect(await notice.locator('strong').textContent()).toBe('You do not have access to this data');
      const direct = await page.evaluate(async () => (await fetch('/extracts/manifest.json')).status);
      expect(direct).toBe(403);
    } finally {
      await close();
    }
  });

  it('a totals-only reader sees the North by market and month, and "not available at this level of detail" for customers', async () => {
    const { page, close } = await open('board');
    try {
      const shown = await marketsShown(page);
      const truth = await truthByMarket("m.zone = 'North'");
      expect(shown.map(([m]) => m)).toEqual(truth.map((t) => t.market));
      // Whole months only: the year to date ends with the last complete month, against the same months a year earlier.
      const [{ last }] = await queryPublished<{ last: string }>(
        scoped,
        "SELECT strftime(max(order_date), '%Y-%m-%d') AS last FROM x.fact_sales",
      );
      const end = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)) - 1, 0))
        .toISOString()
        .slice(0, 10);
      const [ytd] = await queryPublished<{ revenue: number }>(
        scoped,
        `SELECT sum(f.revenue) AS revenue FROM x.fact_sales f JOIN x.dim_market m USING (market_code)
         WHERE m.zone = 'North' AND f.order_date BETWEEN DATE '${end.slice(0, 4)}-01-01' AND DATE '${end}'`,
      );
      const kpi = page.locator('atliq-kpi').first();
      await expect
        .poll(() => kpi.evaluate((el) => (el as HTMLElement & { data?: { value: number } }).data?.value ?? null), {
          timeout: 60_000,
        })
        .not.toBeNull();
      expect(await kpi.evaluate((el) => (el as HTMLElement & { data: { value: number } }).data.value)).toBeCloseTo(
        ytd!.revenue,
        2,
      );
      const customers = page.locator('atliq-top-list').first().locator('[data-state="unavailable"]');
      await customers.waitFor({ timeout: 30_000 });
      expect(await customers.locator('strong').textContent()).toBe('Not available at this level of detail');
      // No customer types in market × month totals: no slicer for them.
      const bar = page.locator('atliq-filter-bar');
      await bar.locator('select[name="zone"]').waitFor({ timeout: 30_000 });
      expect(await bar.locator('select[name="customer_type"]').count()).toBe(0);
      await screenshot(page, 'secure-portal-totals-only');
    } finally {
      await close();
    }
  });

  it('the full extract is reachable with the `all` scope: the director sees every market', async () => {
    const { page, close } = await open('director');
    try {
      const shown = await marketsShown(page);
      const truth = await truthByMarket('true');
      expect(shown.map(([m]) => m)).toEqual(truth.map((t) => t.market));
      expect(shown.reduce((s, [, v]) => s + v, 0)).toBeCloseTo(
        truth.reduce((s, t) => s + t.revenue, 0),
        2,
      );
    } finally {
      await close();
    }
  });

  it('a reader without a scope is told "You do not have access to this data", once, not a generic error', async () => {
    const { page, close } = await open('outsider');
    try {
      const dashboard = page.locator('atliq-dashboard');
      const notice = dashboard.locator('[data-state="forbidden"]');
      await notice.waitFor({ timeout: 30_000 });
      expect(await notice.locator('strong').textContent()).toBe('You do not have access to this data');
      expect(await dashboard.locator('[role="alert"]').count()).toBe(0);
      await screenshot(page, 'secure-portal-refused');
    } finally {
      await close();
    }
  });
});
