import { describe, expect, test } from 'vitest';
import { explainBlockedWorker, explainWorkerPolicy, forbidsWasm } from './csp.ts';

const WORKER = 'https://intranet/atliq/assets/duckdb-browser-eh.worker.js';

describe('Content-Security-Policy diagnosis', () => {
  test('forbidsWasm() reads script-src, falling back to default-src, in every policy of the header', () => {
    expect(forbidsWasm('')).toBe(false);
    expect(forbidsWasm("img-src 'self'")).toBe(false);
    expect(forbidsWasm("default-src 'self'")).toBe(true);
    expect(forbidsWasm("default-src 'self'; script-src 'self' 'WASM-UNSAFE-EVAL'")).toBe(false);
    expect(forbidsWasm("script-src 'self' 'unsafe-eval'; default-src 'none'")).toBe(false);
    expect(forbidsWasm("script-src 'self' 'wasm-unsafe-eval', default-src 'self'")).toBe(true);
  });

  test('explainWorkerPolicy() names the header and the missing source', () => {
    expect(explainWorkerPolicy(WORKER, "script-src 'self' 'wasm-unsafe-eval'")).toBeNull();
    expect(explainWorkerPolicy(WORKER, "default-src 'self'")).toBe(
      `The server sends the DuckDB worker ${WORKER} with a Content-Security-Policy that forbids WebAssembly ` +
        `("default-src 'self'"). Add 'wasm-unsafe-eval' to its script-src (or default-src) for the engine files.`,
    );
  });

  test('explainBlockedWorker() answers only for a violation that blocked the worker', () => {
    const other = { effectiveDirective: 'img-src', blockedURI: 'https://cdn/x.png' };
    expect(explainBlockedWorker(WORKER, [other])).toBeNull();
    expect(explainBlockedWorker(WORKER, [other, { effectiveDirective: 'worker-src', blockedURI: WORKER }])).toBe(
      `This page's Content-Security-Policy blocks the DuckDB worker ${WORKER} (directive worker-src). ` +
        "Allow the engine files: add https://intranet (or 'self' on the same origin) to worker-src.",
    );
  });

  test('explainBlockedWorker() names blob: when the engine on another origin starts from a shim', () => {
    const shim = 'blob:https://portal/5e1d7a44-6c1b-4c35-9d0e-1f2a3b4c5d6e';
    // Chromium reports a blocked blob: worker with the scheme only.
    const violation = { effectiveDirective: 'worker-src', blockedURI: 'blob' };
    expect(
      explainBlockedWorker(shim, [{ effectiveDirective: 'img-src', blockedURI: 'https://cdn/x.png' }], WORKER),
    ).toBeNull();
    expect(explainBlockedWorker(shim, [violation], WORKER)).toBe(
      `This page's Content-Security-Policy blocks the DuckDB worker (directive worker-src): the engine ${WORKER} ` +
        'is on another origin, so it starts from a blob: URL. Add blob: to worker-src, or serve atliq.js and its ' +
        "files from this page's origin.",
    );
  });
});
