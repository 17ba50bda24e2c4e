import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { compressedBody } from './compress.ts';

/** URL prefix → folder on disk. Longest prefix wins. */
export type Mounts = Record<string, string>;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  // DuckDB-WASM streams-compiles the engine only when the MIME type is exactly this.
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.parquet': 'application/vnd.apache.parquet',
  '.duckdb': 'application/octet-stream',
};

function resolveFile(mounts: Mounts, urlPath: string): string | null {
  const prefix = Object.keys(mounts)
    .sort((a, b) => b.length - a.length)
    .find((p) => urlPath === p.replace(/\/$/, '') || urlPath.startsWith(p.endsWith('/') ? p : `${p}/`));
  if (prefix === undefined) return null;
  const root = resolve(mounts[prefix]!);
  const rest = decodeURIComponent(urlPath.slice(prefix.length)).replace(/^\/+/, '');
  const file = resolve(root, rest);
  // Never serve anything outside the mounted folder.
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file;
}

/**
 * Serves files the way the SDK needs them: HTTP Range requests answered with 206 (DuckDB-WASM ATTACHes
 * `sales.duckdb` through them), `.wasm` as `application/wasm`, a 404 for a missing file (never an SPA
 * fallback page that DuckDB would try to read as a database), CORS for extracts hosted on another origin,
 * `manifest.json` never cached, and compressed bodies for full-file requests.
 * Calls `next()` for URLs outside every mount.
 */
export function staticHandler(mounts: Mounts) {
  return async (req: IncomingMessage, res: ServerResponse, next?: () => void): Promise<void> => {
    const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
    let file = resolveFile(mounts, urlPath);
    if (file === null) {
      if (next) return next();
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', 'content-range, content-length, accept-ranges, etag');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-headers': 'range', 'access-control-allow-methods': 'GET, HEAD' });
      res.end();
      return;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!urlPath.endsWith('/')) {
        res.writeHead(301, { location: `${urlPath}/` }).end();
        return;
      }
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${urlPath}\n`);
      return;
    }
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string | number> = {
      'content-type': type,
      'accept-ranges': 'bytes',
      'last-modified': info.mtime.toUTCString(),
      'cache-control': file.endsWith('manifest.json') ? 'no-cache' : 'public, max-age=60',
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      const size = info.size;
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      res.writeHead(206, {
        ...headers,
        'content-range': `bytes ${start}-${end}/${size}`,
        'content-length': end - start + 1,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file, { start, end }).pipe(res);
      return;
    }
    const compressed =
      req.method === 'GET' ? await compressedBody(file, info, type, req.headers['accept-encoding']) : null;
    if (compressed) {
      res.writeHead(200, {
        ...headers,
        'content-encoding': compressed.encoding,
        'content-length': compressed.body.byteLength,
        vary: 'accept-encoding',
      });
      res.end(compressed.body);
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': info.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}
