import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { newerStorageDb } from './newer-storage-db.ts';

/**
 * The misconfigurations seen on real intranet servers, each reproduced under `/broken/<mode>/` for browser tests:
 * - `no-range`: ignores `Range` and sends the whole file with 200, like `vite preview`;
 * - `spa`: answers every missing file with the app's index.html (a single-page-app fallback);
 * - `missing-db`: the manifest is there, the snapshot directory is not (copied without `v/`);
 * - `html-manifest`: even the manifest URL answers with index.html;
 * - `no-length`: answers HEAD without Content-Length, as on-the-fly compression and streaming proxies do;
 * - `new-storage`: serves a `sales.duckdb` written by a newer DuckDB in a newer storage version (v1.5.0), as when
 *   someone republishes the extract with their own DuckDB instead of this project's ETL.
 */
const MODES = new Set(['no-range', 'spa', 'missing-db', 'html-manifest', 'no-length', 'new-storage']);

/** Makes `res` leave out Content-Length, however the handler after this one sets it. */
function withoutContentLength(res: ServerResponse): void {
  const isLength = (name: string) => name.toLowerCase() === 'content-length';
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => (isLength(name) ? res : setHeader(name, value));
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: Record<string, unknown>) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((r) => typeof r === 'object' && r !== null && !Array.isArray(r)) as
      | Record<string, unknown>
      | undefined;
    const kept = Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !isLength(name)));
    res.removeHeader('content-length');
    return writeHead(status, kept);
  }) as ServerResponse['writeHead'];
}

/** Answers `req` with `body`, honouring a `Range: bytes=a-b` header as a static server does (206). */
function sendBytes(req: IncomingMessage, res: ServerResponse, body: Uint8Array): void {
  const headers = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes' };
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  const start = range ? Number(range[1]) : 0;
  const end = range?.[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
  const part = { 'content-range': `bytes ${start}-${end}/${body.length}` };
  res.writeHead(range ? 206 : 200, { ...headers, ...(range ? part : {}), 'content-length': end - start + 1 });
  res.end(req.method === 'HEAD' ? undefined : body.subarray(start, end + 1));
}

const INDEX_HTML = '<!doctype html><html><body><div id="app"></div></body></html>';

/**
 * Serves `/broken/<mode>/<path>` from the real `/extracts/<path>`, misbehaving as `<mode>` says. Must come before
 * the extracts plugin: it rewrites the URL and hands the request on.
 */
export function brokenServerPlugin(): Plugin {
  return {
    name: 'atliq-broken-server',
    configureServer(server) {
      let newer: Promise<Uint8Array> | undefined;
      server.middlewares.use((req, res, next) => {
        const [, mode, path] = /^\/broken\/([a-z-]+)\/(.*)$/.exec(req.url ?? '') ?? [];
        if (mode === undefined || path === undefined || !MODES.has(mode)) return next();
        const isManifest = path === 'manifest.json';
        if ((mode === 'spa' && !isManifest) || (mode === 'html-manifest' && isManifest)) {
          res.writeHead(200, { 'content-type': 'text/html' }).end(INDEX_HTML);
          return;
        }
        if (mode === 'missing-db' && !isManifest) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        if (mode === 'new-storage' && path.endsWith('.duckdb')) {
          newer ??= newerStorageDb('v1.5.0');
          newer.then((body) => sendBytes(req, res, body), next);
          return;
        }
        if (mode === 'no-range') delete req.headers.range;
        if (mode === 'no-length' && req.method === 'HEAD') withoutContentLength(res);
        req.url = `/extracts/${path}`;
        next();
      });
    },
  };
}
