import type { Browser, Request } from 'playwright';
import { measureMemory, type PageMemory } from './memory.ts';
import type { Click } from './pages/instrument.ts';

export type Variant = 'ours' | 'baseline';

/** What one page load and its clicks measured; times in ms since navigation start. */
export interface PageRun {
  variant: Variant;
  marks: { engineReady: number; firstChart: number; allTiles: number } & Record<string, number>;
  /** Where the time before the first chart went (network events as the browser timed them). */
  profile: Record<string, number>;
  /** Bytes of sales.duckdb fetched by the page's range requests. */
  dbBytes: number;
  /** From the pointer entering the revenue chart until the cubes for the other tiles were built (0: none). */
  activation: number;
  /** Each click's latencies, in click order. */
  clicks: Click[];
  /** How many of the first clicks selected a member not selected before (a cold query for every chart). */
  firstVisits: number;
  memory: PageMemory;
}

const LOAD_TIMEOUT_MS = 600_000;
/** How long after the last tile our page's full insights are waited for before the clicks start. */
const INSIGHTS_TIMEOUT_MS = 30_000;

/**
 * Loads one page in a fresh browser context (empty HTTP and code caches: a first visit), waits until every tile of
 * the dashboard shows data, then clicks through the bars of the revenue chart `clicks` times, one after another.
 */
export async function runPage(browser: Browser, url: string, variant: Variant, clicks: number): Promise<PageRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    const requests: Request[] = [];
    page.on('requestfinished', (r) => requests.push(r));

    await page.goto(url);
    await page.waitForFunction(
      () => window.__bench?.marks['allTiles'] !== undefined || window.__bench?.errors.length > 0,
      null,
      { timeout: LOAD_TIMEOUT_MS, polling: 50 },
    );
    // Every insight too, on our page: its full set may come after the last tile (before this session's bridge grain
    // it did, by seconds), and the clicks that follow would replace it before it was timed. The baseline's insights
    // take minutes of full scans: not waited for.
    if (variant === 'ours') {
      await page
        .waitForFunction(() => window.__bench?.marks['insightsComplete'] !== undefined, null, {
          timeout: INSIGHTS_TIMEOUT_MS,
          polling: 50,
        })
        .catch(() => {});
    }
    const loaded = await page.evaluate(() => ({
      marks: window.__bench.marks,
      errors: window.__bench.errors,
      origin: performance.timeOrigin,
      domReady: performance.getEntriesByType('navigation')[0]?.toJSON().domContentLoadedEventEnd as number,
      bars: window.__bench.bars(),
    }));
    if (loaded.errors.length + problems.length > 0) {
      throw new Error(`${variant}: the dashboard failed: ${[...loaded.errors, ...problems].join('; ')}`);
    }
    const profile = networkProfile(requests, loaded.origin);
    const memoryAfterLoad = await measureMemory(page);

    // A person's pointer enters the chart before the first click (Mosaic's activation); clicks then follow.
    const activation = await page.evaluate(() => window.__bench.activate());
    const latencies: Click[] = [];
    for (let i = 0; i < clicks; i++) {
      latencies.push(await page.evaluate((index) => window.__bench.click(index), i % loaded.bars));
      // Let the click's leftovers (tooltips, GC) finish, as between two clicks of a person.
      await page.waitForTimeout(50);
    }
    if (problems.length > 0) throw new Error(`${variant}: page errors while clicking: ${problems.join('; ')}`);
    const after = await measureMemory(page);
    const dbBytes = requests
      .filter((r) => r.url().endsWith('/sales.duckdb') && r.method() === 'GET')
      .reduce((sum, r) => sum + rangeLength(r.headers()['range']), 0);
    return {
      variant,
      marks: loaded.marks as PageRun['marks'],
      profile: { domReady: loaded.domReady, ...profile },
      dbBytes,
      activation,
      clicks: latencies,
      firstVisits: Math.min(clicks, loaded.bars),
      memory: { wasm: Math.max(after.wasm, memoryAfterLoad.wasm), jsHeap: after.jsHeap },
    };
  } finally {
    await context.close();
  }
}

/** When the manifest and the engine's wasm arrived, and when the first read of sales.duckdb (ATTACH) started. */
function networkProfile(requests: Request[], origin: number): Record<string, number> {
  const at = (r: Request | undefined, phase: 'start' | 'end') => {
    if (!r) return Number.NaN;
    const t = r.timing();
    return t.startTime - origin + (phase === 'start' ? 0 : t.responseEnd);
  };
  const wasm = requests.find((r) => r.url().endsWith('.wasm') && !r.headers()['range']);
  const db = requests.filter((r) => r.url().endsWith('/sales.duckdb'));
  return {
    manifestFetched: at(
      requests.find((r) => r.url().endsWith('/manifest.json')),
      'end',
    ),
    wasmRequested: at(wasm, 'start'),
    wasmFetched: at(wasm, 'end'),
    attachStarted: Math.min(...db.map((r) => at(r, 'start'))),
  };
}

function rangeLength(range: string | undefined): number {
  const m = /bytes=(\d+)-(\d+)/.exec(range ?? '');
  return m ? Number(m[2]) - Number(m[1]) + 1 : 0;
}
