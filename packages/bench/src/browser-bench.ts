/**
 * `pnpm bench:browser [--rows 150000,1000000,10000000] [--clicks 30] [--baseline-clicks N] [--reuse-extracts]`:
 * the full `<atliq-dashboard>` in headless Chromium, ours against the baseline of plain per-chart queries, on
 * generated extracts of each size, in one run (see README "Benchmarks"). Not a test: it prints figures and the
 * issue's targets, it asserts nothing.
 *
 * Per size and page, in a fresh browser context: time to engine ready, to the first chart and to every tile drawn;
 * click-to-every-tile-re-rendered latency over `--clicks` clicks through the revenue chart's bars; the engine's
 * WASM memory and the main thread's JS heap.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '@atliq/devserver';
import { build } from 'vite';
import { launchChromium } from './chromium.ts';
import { ensureBenchExtract } from './extracts.ts';
import { clickTable, profileTable, resultTable, type SizeResult, targetLines } from './report.ts';
import { runPage, type Variant } from './run-page.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '150000,1000000,10000000' },
    clicks: { type: 'string', default: '30' },
    // The baseline needs seconds per click at 10M rows: fewer of its clicks keep a full run in minutes.
    'baseline-clicks': { type: 'string' },
    // Use the newest cached extract of each size even if the ETL code changed since (it is republished otherwise).
    'reuse-extracts': { type: 'boolean', default: false },
  },
});
const sizes = values.rows.split(',').map(Number);
const clicks = Number(values.clicks);
const baselineClicks = Number(values['baseline-clicks'] ?? clicks);
if (sizes.some((n) => !Number.isInteger(n) || n <= 0) || !(clicks >= 1) || !(baselineClicks >= 1)) {
  process.stderr.write(
    'usage: pnpm bench:browser [--rows N,N,…] [--clicks N] [--baseline-clicks N] [--reuse-extracts]\n',
  );
  process.exit(2);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const bench = fileURLToPath(new URL('..', import.meta.url));

// Built on every run: the components change under us, and the benchmark must measure the code as it is now.
// Production mode, or Vite would pick Lit's development build.
process.env['NODE_ENV'] = 'production';
let t = performance.now();
await build({ configFile: `${bench}vite.config.ts` });
log(`pages built in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const mounts: Record<string, string> = { '/': `${bench}dist` };
for (const rows of sizes) mounts[`/extracts/${rows}`] = await ensureBenchExtract(rows, log, values['reuse-extracts']);
const server = await startServer(mounts);
// The server compresses the 34 MB engine once per process, on first request: pay that before measuring, as a real
// server serving precompressed files would.
await warmCompression(server.url);
const browser = await launchChromium();
const results: SizeResult[] = [];
try {
  for (const rows of sizes) {
    const runs = {} as Record<Variant, SizeResult['ours']>;
    for (const variant of ['ours', 'baseline'] as const) {
      t = performance.now();
      const url = `${server.url}/${variant}.html?src=/extracts/${rows}/manifest.json`;
      runs[variant] = await runPage(browser, url, variant, variant === 'ours' ? clicks : baselineClicks);
      log(`${rows.toLocaleString('en')} rows, ${variant}: done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    results.push({ rows, ...runs });
  }
} finally {
  await browser.close();
  await server.close();
}

log(`\nChromium headless, ${clicks} clicks per page, ${new Date().toISOString()}; times from navigation start.\n`);
log(resultTable(results));
log('\nWhere a click goes (queries until the last one resolved, then rendering):\n');
log(clickTable(results));
log('\nOur page, time to first chart by phase (each phase ends at):\n');
log(profileTable(results));
log('\nTargets (our page):');
for (const line of targetLines(results)) log(`  ${line}`);

async function warmCompression(origin: string): Promise<void> {
  const page = await (await fetch(`${origin}/ours.html`)).text();
  const entry = /src="\.\/(assets\/[^"]+\.js)"/.exec(page)?.[1];
  const assets = [`${origin}/${entry}`];
  for (const name of ['duckdb-eh', 'duckdb-browser-eh.worker']) {
    const file = readdirSync(`${bench}dist/assets`).find((f) => f.startsWith(`${name}-`));
    if (file) assets.push(`${origin}/assets/${file}`);
  }
  for (const url of assets) await (await fetch(url, { headers: { 'accept-encoding': 'br' } })).arrayBuffer();
}
