/**
 * Content-Security-Policy problems that stop the engine. A page policy without the engine in `worker-src` blocks
 * the worker (the engine only sees "the worker script failed to load"); a policy on the worker script's own response
 * without `'wasm-unsafe-eval'` forbids compiling the engine, and the worker then waits forever without a word.
 */

/** The sources a policy allows for a fetch kind: the first directive of its fallback chain the policy declares. */
function sources(policy: string, chain: readonly string[]): string[] | null {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values.map((v) => v.toLowerCase())]),
  );
  for (const name of chain) {
    const values = directives.get(name);
    if (values) return values;
  }
  return null;
}

/**
 * True when the `Content-Security-Policy` header value forbids compiling WebAssembly. A header may carry several
 * policies separated by commas; every one must allow it.
 */
export function forbidsWasm(header: string): boolean {
  return header.split(',').some((policy) => {
    const allowed = sources(policy, ['script-src', 'default-src']);
    return allowed !== null && !allowed.includes("'wasm-unsafe-eval'") && !allowed.includes("'unsafe-eval'");
  });
}

/** Explains a worker script served with a policy that forbids WebAssembly, or returns null. */
export function explainWorkerPolicy(url: string, header: string): string | null {
  if (!forbidsWasm(header)) return null;
  return (
    `The server sends the DuckDB worker ${url} with a Content-Security-Policy that forbids WebAssembly ` +
    `("${header}"). Add 'wasm-unsafe-eval' to its script-src (or default-src) for the engine files.`
  );
}

/** The part of a `securitypolicyviolation` event we read. */
export interface Violation {
  readonly effectiveDirective: string;
  readonly blockedURI: string;
}

/**
 * Explains the page's policy blocking the engine's worker, started from `script`, or returns null when no violation
 * concerns it. When the engine lives on another origin, `script` is the `blob:` shim that imports `engine`.
 */
export function explainBlockedWorker(script: string, violations: readonly Violation[], engine = script): string | null {
  const blocked = violations.find((v) => v.blockedURI === script || (v.blockedURI && script.startsWith(v.blockedURI)));
  if (!blocked) return null;
  const url = engine;
  if (script.startsWith('blob:')) {
    return (
      `This page's Content-Security-Policy blocks the DuckDB worker (directive ${blocked.effectiveDirective}): ` +
      `the engine ${url} is on another origin, so it starts from a blob: URL. Add blob: to worker-src, or serve ` +
      "atliq.js and its files from this page's origin."
    );
  }
  return (
    `This page's Content-Security-Policy blocks the DuckDB worker ${url} (directive ${blocked.effectiveDirective}). ` +
    `Allow the engine files: add ${new URL(url).origin} (or 'self' on the same origin) to worker-src.`
  );
}
