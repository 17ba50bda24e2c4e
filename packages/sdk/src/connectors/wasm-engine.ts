import { AsyncDuckDB, ConsoleLogger, LogLevel, selectBundle } from '@duckdb/duckdb-wasm';
import { explainBlockedWorker, type Violation } from '../csp.ts';
import { explainAssetProbe, probe } from '../diagnose.ts';
import { messageOf, SourceError } from '../errors.ts';
import { chosenEngineFiles } from './engine-files.ts';
import { BUNDLED } from './engine-urls.ts';

let engine: Promise<AsyncDuckDB> | undefined;

/**
 * Starts DuckDB-WASM once per page and shares it between every source. A failed start is forgotten so a later
 * call (after the server is fixed, say) tries again.
 */
export function startEngine(): Promise<AsyncDuckDB> {
  engine ??= start().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

async function start(): Promise<AsyncDuckDB> {
  const bundle = await selectBundle(chosenEngineFiles() ?? BUNDLED);
  const workerUrl = bundle.mainWorker!;
  const violations = watchViolations();
  const { worker, script } = engineWorker(workerUrl);
  // AsyncDuckDB swallows worker errors (pending requests are dropped, never rejected): without this race a worker
  // script that fails to load leaves every query waiting forever.
  const workerFailed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'the worker script failed to load')));
  });
  // Nor does the worker report a wasm it cannot compile (wrong Content-Type, an HTML page, a worker policy without
  // 'wasm-unsafe-eval'): it waits forever. So check both files ourselves while the engine downloads them; good
  // answers leave the race to instantiate().
  const assetRejected = (url: string) =>
    probe(url, fetch, false).then((answer) => {
      const reason = explainAssetProbe(url, answer);
      return reason ? Promise.reject(new SourceError(reason, url)) : new Promise<never>(() => {});
    });
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  try {
    await Promise.race([
      db.instantiate(bundle.mainModule, bundle.pthreadWorker),
      workerFailed,
      assetRejected(bundle.mainModule),
      assetRejected(workerUrl),
    ]);
    await db.open({
      // All three, or 1.32 registers remote files with full reads forced and ATTACH fails with no request sent.
      filesystem: { reliableHeadRequests: true, allowFullHTTPReads: false, forceFullHTTPReads: false },
      // Plain numbers and millisecond dates come back instead of bigint, decimal words and microsecond timestamps.
      query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true },
    });
    return db;
  } catch (cause) {
    worker.terminate();
    if (cause instanceof SourceError) throw cause;
    const blocked = explainBlockedWorker(script, violations.seen, workerUrl);
    throw blocked
      ? new SourceError(blocked, workerUrl, { cause })
      : await explainStartFailure([workerUrl, bundle.mainModule], cause);
  } finally {
    violations.stop();
    // The worker has loaded its script (or failed to): the shim's blob is not needed any more.
    if (script !== workerUrl) URL.revokeObjectURL(script);
  }
}

/**
 * The engine's worker, and the URL of the script it starts from. A page cannot start a worker script of another
 * origin (`new Worker` throws a SecurityError): the case of an atliq.js hosted on a central server and embedded in
 * a portal on another host. There a same-origin `blob:` script imports the engine's worker script (DuckDB-WASM's
 * own recipe for bundles on a CDN), and the engine then fetches its wasm across origins, with CORS.
 */
function engineWorker(url: string): { worker: Worker; script: string } {
  if (new URL(url).origin === location.origin) return { worker: new Worker(url), script: url };
  const shim = new Blob([`importScripts(${JSON.stringify(url)});`], { type: 'text/javascript' });
  const script = URL.createObjectURL(shim);
  return { worker: new Worker(script), script };
}

/** Collects the page's Content-Security-Policy violations until stopped: the only trace of a blocked worker. */
function watchViolations() {
  const seen: Violation[] = [];
  const record = (e: SecurityPolicyViolationEvent) => seen.push(e);
  document.addEventListener('securitypolicyviolation', record);
  return { seen, stop: () => document.removeEventListener('securitypolicyviolation', record) };
}

async function explainStartFailure(urls: string[], cause: unknown): Promise<SourceError> {
  for (const url of urls) {
    const reason = explainAssetProbe(url, await probe(url, fetch, false));
    if (reason) return new SourceError(reason, url, { cause });
  }
  return new SourceError(`The DuckDB engine failed to start: ${messageOf(cause)}`, urls[0]!, { cause });
}
