import { cp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot } from '../test/browser.ts';
import { queryPublished } from '../test/published.ts';
import { publicFolder, readmeBlock, type ServerName, shareable, startServer, type WebServer } from './servers.ts';

/**
 * The README's claims about web servers, against the real ones: Debian's nginx and Apache with their stock settings
 * plus only the block the README tells a site to add, serving the embed example (examples/plain-html), the built
 * bundle under /atliq/ and a published extract under /extracts/ — the layout the README describes.
 */

const { extracts, bundle } = inject('e2e');
const here = import.meta.dirname;

let site: string;
let browser: Browser;
let manifest: { browser_db: string };

beforeAll(async () => {
  // A site folder every server's workers can read (Apache serves as www-data), laid out as the README says.
  site = await publicFolder('atliq-site-');
  await cp(bundle, join(site, 'atliq'), { recursive: true });
  await cp(extracts, join(site, 'extracts'), { recursive: true });
  await cp(join(here, '../plain-html/index.html'), join(site, 'index.html'));
  await shareable(site);
  manifest = JSON.parse(await readFile(join(site, 'extracts/manifest.json'), 'utf8'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

/** Revenue by market name, straight from the published DuckDB file: what the embedded chart must show. */
const truth = () =>
  queryPublished<{ label: string; value: number }>(
    extracts,
    `SELECT m.market_name AS label, sum(f.revenue) AS value FROM x.fact_sales f
     JOIN x.dim_market m USING (market_code) GROUP BY 1 ORDER BY 2 DESC`,
  );

const ADDITIONS: Record<ServerName, (block: string) => string> = {
  nginx: (block) => block,
  // The README's `a2enmod headers`: Debian's Apache has mod_headers but does not enable it.
  apache: (block) => `LoadModule headers_module /usr/lib/apache2/modules/mod_headers.so\n${block}`,
};

describe.each(['nginx', 'apache'] as const)('%s with stock settings plus the README block', (name) => {
  let server: WebServer;
  let assets: string[];

  beforeAll(async () => {
    server = await startServer(name, site, ADDITIONS[name](await readmeBlock(name)));
    assets = await readdir(join(site, 'atliq/assets'));
  });
  afterAll(() => server?.close());

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${server.url}${path}`, { headers, method });

  it('answers Range requests on sales.duckdb with 206 and the exact bytes, and HEAD with its length', async () => {
    const path = `/extracts/${manifest.browser_db}`;
    const file = await readFile(join(site, 'extracts', manifest.browser_db));
    const part = await get(path, { Range: 'bytes=4096-8191' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4096-8191/${file.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(file.subarray(4096, 8192))).toBe(true);
    // Browsers ask with Accept-Encoding: the engine learns the size from HEAD, which must still say it.
    const head = await get(path, { 'Accept-Encoding': 'gzip, deflate, br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(file.length));
    expect(head.headers.get('content-encoding')).toBeNull();
  });

  it('serves the engine as application/wasm, compressed (the 34 MB engine travels as a quarter of it)', async () => {
    const wasm = assets.find((f) => f.startsWith('duckdb-eh') && f.endsWith('.wasm'))!;
    const size = (await stat(join(site, 'atliq/assets', wasm))).size;
    const plain = await get(`/atliq/assets/${wasm}`, {}, 'HEAD');
    expect(plain.headers.get('content-type')).toBe('application/wasm');
    // fetch() decodes the body itself: ask with curl's view, the raw bytes on the wire.
    const zipped = await rawLength(`${server.url}/atliq/assets/${wasm}`, 'gzip');
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.bytes).toBeLessThan(size * 0.35);
  });

  it('answers a missing file with 404, not a page', async () => {
    expect((await get('/extracts/v/no-such-snapshot/sales.duckdb')).status).toBe(404);
    expect((await get('/extracts/missing/manifest.json')).status).toBe(404);
  });

  it('caches by name: atliq.js and manifest.json revalidated, hashed assets and snapshots kept for a year', async () => {
    const cache = async (path: string) => (await get(path, {}, 'HEAD')).headers.get('cache-control');
    expect(await cache('/atliq/atliq.js')).toBe('no-cache');
    expect(await cache('/extracts/manifest.json')).toBe('no-cache');
    expect(await cache(`/atliq/assets/${assets.find((f) => f.endsWith('.js'))}`)).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(await cache(`/extracts/${manifest.browser_db}`)).toBe('private, max-age=31536000, immutable');
  });

  it('revalidates atliq.js with a 304, compressed or not (no-cache costs a round trip, not the file)', async () => {
    for (const encoding of ['identity', 'gzip, deflate, br']) {
      const first = await get('/atliq/atliq.js', { 'Accept-Encoding': encoding });
      await first.arrayBuffer();
      const validators: Record<string, string> = {};
      const etag = first.headers.get('etag');
      const modified = first.headers.get('last-modified');
      if (etag) validators['If-None-Match'] = etag;
      if (modified) validators['If-Modified-Since'] = modified;
      const again = await get('/atliq/atliq.js', { 'Accept-Encoding': encoding, ...validators });
      expect({ encoding, status: again.status }).toEqual({ encoding, status: 304 });
    }
  });

  it('shows the embedded chart with the numbers of the published extract, in Chromium', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}/`);
    const chart = page.locator('atliq-revenue-chart');
    await chart.locator('rect.bar').first().waitFor({ timeout: 60_000 });
    const shown = (await chart.evaluate((el) => (el as HTMLElement & { data: unknown }).data)) as {
      label: string;
      value: number;
    }[];
    const expected = await truth();
    expect(shown.map((b) => b.label)).toEqual(expected.map((r) => r.label));
    for (const [i, b] of shown.entries()) expect(b.value).toBeCloseTo(expected[i]!.value, 2);
    expect(errors).toEqual([]);
    await screenshot(page, `web-server-${name}`);
    await page.close();
  });
});

describe('nginx compressing sales.duckdb (application/octet-stream added to gzip_types)', () => {
  it('answers a Range request with 200 and the whole file, and HEAD without Content-Length: what the README warns of', async () => {
    const block = `${await readmeBlock('nginx')}\ngzip_types application/octet-stream;`;
    const server = await startServer('nginx', site, block);
    try {
      const url = `${server.url}/extracts/${manifest.browser_db}`;
      const head = await fetch(url, { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } });
      expect(head.headers.get('content-length')).toBeNull();
      const part = await fetch(url, { headers: { 'Accept-Encoding': 'gzip', Range: 'bytes=0-99' } });
      expect(part.status).toBe(200);
      expect(part.headers.get('content-encoding')).toBe('gzip');
      const size = (await stat(join(site, 'extracts', manifest.browser_db))).size;
      expect((await part.arrayBuffer()).byteLength).toBe(size);
    } finally {
      await server.close();
    }
  });
});

describe('vite preview, as the README says', () => {
  it('answers Range requests, but a missing manifest.json with its index.html and status 200', async () => {
    const { preview } = await import('vite');
    const server = await preview({
      root: site,
      logLevel: 'silent',
      build: { outDir: site },
      preview: { host: '127.0.0.1', port: 0 },
    });
    try {
      const url = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
      const part = await fetch(`${url}/extracts/${manifest.browser_db}`, { headers: { Range: 'bytes=0-99' } });
      expect(part.status).toBe(206);
      expect((await part.arrayBuffer()).byteLength).toBe(100);
      const missing = await fetch(`${url}/extracts/missing/manifest.json`);
      expect(missing.status).toBe(200);
      expect(missing.headers.get('content-type')).toContain('text/html');
    } finally {
      await server.close();
    }
  });
});

/** The body's length on the wire and its Content-Encoding, asked with `Accept-Encoding: encoding` (no decoding). */
async function rawLength(url: string, encoding: string): Promise<{ bytes: number; encoding: string | null }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'Accept-Encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ bytes, encoding: res.headers['content-encoding'] ?? null }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}
