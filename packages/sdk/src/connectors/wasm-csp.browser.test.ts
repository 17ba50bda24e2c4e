import { expect, test } from 'vitest';
import { SourceError } from '../errors.ts';
import { startEngine } from './wasm-engine.ts';

// This file runs in its own frame: the policy below, once added, stays for the frame's lifetime.
test("startEngine() names the page's Content-Security-Policy when it blocks the DuckDB worker", async () => {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "worker-src 'none'";
  document.head.append(meta);
  const error = await startEngine().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  expect((error as SourceError).message).toMatch(
    /^This page's Content-Security-Policy blocks the DuckDB worker http:.*duckdb-browser-eh\.worker\.js \(directive worker-src\)\. Allow the engine files: add http:\/\/localhost:\d+ \(or 'self' on the same origin\) to worker-src\.$/,
  );
  expect((error as SourceError).cause).toBeInstanceOf(Error);
});
