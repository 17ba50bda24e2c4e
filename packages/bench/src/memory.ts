import type { Page } from 'playwright';

/** Memory of one benchmark page, in bytes. */
export interface PageMemory {
  /** The DuckDB worker's WebAssembly linear memory (reserved by growth; it never shrinks). */
  wasm: number;
  /** Used JS heap of the page's main thread: components, result rows, DOM wrappers. */
  jsHeap: number;
}

/**
 * Measures from outside the page. No page API reports the engine's memory: measureUserAgentSpecificMemory needs
 * cross-origin isolation, performance.memory covers the main thread's JS heap only, and the WebAssembly.Memory
 * lives in the worker (CDP `Runtime.queryObjects` on the worker target hung here; `Runtime.getHeapUsage` leaves
 * wasm memory out). The DuckDB worker publishes its bindings as `globalThis.DUCKDB_BINDINGS`, whose Emscripten
 * module's `HEAPU8` views the whole linear memory (re-created on every growth), so its buffer size is the answer.
 */
export async function measureMemory(page: Page): Promise<PageMemory> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const jsHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  const worker = page.workers().find((w) => /duckdb-browser/.test(w.url()));
  const wasm = worker
    ? await worker.evaluate(() => {
        const bindings = (globalThis as { DUCKDB_BINDINGS?: { mod?: { HEAPU8?: Uint8Array } } }).DUCKDB_BINDINGS;
        return bindings?.mod?.HEAPU8?.buffer.byteLength ?? Number.NaN;
      })
    : Number.NaN;
  return { wasm, jsHeap };
}
