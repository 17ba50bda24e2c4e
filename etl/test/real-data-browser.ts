/**
 * The browser side of the real-data acceptance test: `<atliq-insights>` as a page author embeds it, the components
 * built as they ship (`atliq.js` and its engine assets) into a temporary folder, served with the published extract
 * by the reference static server, and read in Debian's headless Chromium through real DuckDB-WASM.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { build } from 'vite';
// Relative: the dev server depends on the ETL, so the ETL's tests reach it by path rather than as a dependency.
import { CHROMIUM_LAUNCH } from '../../packages/devserver/src/chromium.ts';
import { startServer } from '../../packages/devserver/src/server.ts';

/** One insight as `<atliq-insights>`'s `data` gives it (the fields this test checks). */
export interface ShownInsight {
  kind: string;
  text: string;
  impact: number;
  select?: { dimension: string; member: string };
  current?: { from: string; to: string; value: number };
  baseline?: { from: string; to: string; value: number };
  contributions?: { dimension: string; member: string; change: number }[];
}

export interface ShownInsights {
  items: ShownInsight[];
  caveats: ShownInsight[];
  /** Whether the page read the snapshot's bridge_grain.json (the customer and product splits' file). */
  grainRead: boolean;
}

const components = fileURLToPath(new URL('../../packages/components/', import.meta.url));

/**
 * What `<atliq-insights max="20">` shows for the extract in `extractDir` (its defaults: the year to the newest order
 * day against the same days a year earlier, last year's margin as the profit target), in INR.
 */
export async function insightsInChromium(extractDir: string, workDir: string): Promise<ShownInsights> {
  const bundle = join(workDir, 'atliq');
  await build({
    configFile: join(components, 'vite.config.ts'),
    root: components,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: bundle, emptyOutDir: true },
  });
  const page = join(workDir, 'page');
  await mkdir(page, { recursive: true });
  await writeFile(
    join(page, 'index.html'),
    `<!doctype html><meta charset="utf-8"><script type="module" src="/atliq/atliq.js"></script>
<atliq-insights src="/extracts/manifest.json" max="20" currency="INR"></atliq-insights>`,
  );
  const server = await startServer({ '/': page, '/atliq': bundle, '/extracts': extractDir });
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, headless: true });
  try {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    let grainRead = false;
    tab.on('requestfinished', (r) => {
      if (r.url().endsWith('/bridge_grain.json')) grainRead = true;
    });
    await tab.goto(`${server.url}/`);
    const handle = await tab.waitForFunction(
      () => {
        const el = document.querySelector('atliq-insights') as
          | (HTMLElement & { data?: unknown; caveats?: unknown; pending?: string | null })
          | null;
        const failed = el?.shadowRoot?.querySelector('[part~="status"][role="alert"]')?.textContent;
        if (failed) return { error: failed };
        return el?.data === undefined || el.pending
          ? false
          : JSON.parse(JSON.stringify({ items: el.data, caveats: el.caveats }));
      },
      null,
      { timeout: 90_000, polling: 100 },
    );
    const shown = (await handle.jsonValue()) as Omit<ShownInsights, 'grainRead'> | { error: string };
    if ('error' in shown || errors.length > 0) {
      throw new Error(`<atliq-insights> failed on the real extract: ${'error' in shown ? shown.error : ''} ${errors}`);
    }
    return { ...shown, grainRead };
  } finally {
    await browser.close();
    await server.close();
  }
}
