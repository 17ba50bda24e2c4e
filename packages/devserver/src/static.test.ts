import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server.ts';

let server: RunningServer;
const body = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atliq-static-'));
  await writeFile(join(dir, 'sales.duckdb'), body);
  await writeFile(join(dir, 'engine.wasm'), body);
  await writeFile(join(dir, 'secret.txt'), 'outside');
  const extracts = join(dir, 'extracts');
  await mkdir(extracts);
  await writeFile(join(extracts, 'manifest.json'), '{}');
  await writeFile(join(extracts, 'sales.duckdb'), body);
  // A trailing slash on a mount root (as fileURLToPath(new URL('..', …)) gives) must not matter.
  server = await startServer({ '/extracts': extracts, '/': `${dir}/` });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('staticHandler()', () => {
  it('answers a Range request with 206 and exactly those bytes', async () => {
    const res = await fetch(`${server.url}/extracts/sales.duckdb`, { headers: { range: 'bytes=100-199' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 100-199/${body.length}`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(body.subarray(100, 200));
  });

  it('answers HEAD with the size and Range support, as DuckDB-WASM probes it', async () => {
    const res = await fetch(`${server.url}/extracts/sales.duckdb`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(body.length));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
  });

  it('serves .wasm as application/wasm, compressed when the client accepts it', async () => {
    const res = await fetch(`${server.url}/engine.wasm`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-type')).toBe('application/wasm');
    // fetch() decodes transparently; the raw size header tells compression happened.
    expect(Number(res.headers.get('content-length'))).toBeLessThan(body.length);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(body);
  });

  it('serves files of a mount whose root ends with a slash', async () => {
    const res = await fetch(`${server.url}/engine.wasm`, { method: 'HEAD' });
    expect(res.status).toBe(200);
  });

  it('answers a missing file with 404, never a fallback page', async () => {
    const res = await fetch(`${server.url}/extracts/v/nope/sales.duckdb`);
    expect(res.status).toBe(404);
  });

  it('refuses paths that climb out of a mount', async () => {
    const res = await fetch(`${server.url}/extracts/..%2Fsecret.txt`);
    expect(res.status).toBe(404);
  });

  it('marks manifest.json as not cacheable and allows cross-origin reads', async () => {
    const res = await fetch(`${server.url}/extracts/manifest.json`);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
