import { describe, expect, test } from 'vitest';
import { explainAssetProbe, explainDatabaseProbe, type Probe, probe } from './diagnose.ts';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const answer = (status: number, contentType: string, head: string, csp = ''): Probe => ({
  status,
  contentType,
  head: bytes(head),
  csp,
});
const DB = 'https://intranet/extracts/v/1/sales.duckdb';
const WASM = 'https://intranet/atliq/assets/duckdb-eh.wasm';
/** Checksum, magic, and the storage format number as a little-endian uint64 (its low 4 bytes): 65 is v1.2.0. */
const headOf = (format: number) => `\0\0\0\0\0\0\0\0DUCK${String.fromCharCode(format & 255, format >> 8, 0, 0)}`;
const duckdbHead = headOf(65);
/** What DuckDB-WASM 1.32 says when it ATTACHes a file written with STORAGE_VERSION 'v1.5.0' (observed in Chromium). */
const REFUSED =
  'IO Error: Trying to read a database file with version number 68, but we can only read versions between 64 and ' +
  '67.\nThe database file was created with an newer version of DuckDB.\n\nNewer DuckDB version might introduce ' +
  'backward incompatible changes (possibly guarded by compatibility settings).\nSee the storage page for migration ' +
  'strategy and more information: https://duckdb.org/internals/storage';

describe('explainDatabaseProbe()', () => {
  test('explainDatabaseProbe() accepts a 206 answer that starts like a DuckDB file', () => {
    expect(explainDatabaseProbe(DB, answer(206, 'application/octet-stream', duckdbHead))).toBeNull();
  });

  test('explainDatabaseProbe() names a server that ignores Range', () => {
    expect(explainDatabaseProbe(DB, answer(200, 'application/octet-stream', duckdbHead))).toMatch(
      /^The server ignored the HTTP Range request for https:\/\/intranet\/extracts\/v\/1\/sales\.duckdb \(it answered 200/,
    );
  });

  test('explainDatabaseProbe() names a missing snapshot and the fix', () => {
    expect(explainDatabaseProbe(DB, answer(404, 'text/plain', 'not found'))).toMatch(
      /is missing on the server \(HTTP 404\)\. The manifest names a snapshot that is not there/,
    );
  });

  test('explainDatabaseProbe() recognises an SPA fallback by its content type or its first bytes', () => {
    expect(explainDatabaseProbe(DB, answer(200, 'text/html; charset=utf-8', '<!doctype html>'))).toMatch(/HTML page/);
    expect(explainDatabaseProbe(DB, answer(206, '', '  <html><body>'))).toMatch(/HTML page/);
  });

  test('explainDatabaseProbe() rejects a file that is not a DuckDB database', () => {
    expect(explainDatabaseProbe(DB, answer(206, 'application/octet-stream', 'PAR1\0\0\0\0\0\0\0\0\0\0\0\0'))).toMatch(
      /is not a DuckDB database file/,
    );
  });

  test('explainDatabaseProbe() names a HEAD answer without Content-Length, and accepts one with it', () => {
    const ok = answer(206, 'application/octet-stream', duckdbHead);
    expect(explainDatabaseProbe(DB, { ...ok, headLength: null })).toMatch(
      /^The server does not send the size of https:\/\/intranet\/extracts\/v\/1\/sales\.duckdb \(no Content-Length/,
    );
    expect(explainDatabaseProbe(DB, { ...ok, headLength: '8400896' })).toBeNull();
  });

  test('explainDatabaseProbe() names a file written by a newer DuckDB, what the engine reads, and both fixes', () => {
    expect(explainDatabaseProbe(DB, answer(206, 'application/octet-stream', headOf(68)), REFUSED)).toBe(
      `${DB} was written by a newer DuckDB, in storage version v1.5.0 (format 68); this page's engine reads ` +
        "storage versions up to v1.4.0 (formats 64 to 67). Republish the extract with this project's ETL, which " +
        "writes storage version v1.2.0 (or, writing the file yourself, ATTACH it with STORAGE_VERSION 'v1.2.0'), or " +
        "upgrade the page's @atliq bundle to one whose engine reads it.",
    );
  });

  test('explainDatabaseProbe() reads the storage format from the header when the engine does not say', () => {
    const newer = explainDatabaseProbe(DB, answer(206, 'application/octet-stream', headOf(0x101)));
    expect(newer).toMatch(/newer DuckDB, in storage version newer than v1\.5\.0 \(format 257\); .* up to v1\.4\.0/);
    const older = explainDatabaseProbe(DB, answer(206, 'application/octet-stream', headOf(51)));
    expect(older).toMatch(/older DuckDB, in storage format 51; .* Republish the extract .* 'v1\.2\.0'\)\.$/);
    for (const format of [64, 65, 66, 67]) {
      expect(explainDatabaseProbe(DB, answer(206, 'application/octet-stream', headOf(format)))).toBeNull();
    }
  });

  test('explainDatabaseProbe() takes the range the engine reads from its message, not from the pinned one', () => {
    const wider = REFUSED.replace('version number 68', 'version number 69').replace('and 67', 'and 68');
    expect(explainDatabaseProbe(DB, answer(206, 'application/octet-stream', headOf(68)), wider)).toBeNull();
    expect(explainDatabaseProbe(DB, answer(206, 'application/octet-stream', headOf(69)), wider)).toMatch(
      /up to v1\.5\.0 \(formats 64 to 68\)/,
    );
  });

  test('explainDatabaseProbe() mentions CORS when the server cannot be reached', () => {
    expect(explainDatabaseProbe(DB, new TypeError('Failed to fetch'))).toMatch(
      /Could not reach .*\(Failed to fetch\).*CORS/,
    );
  });
});

describe('explainAssetProbe()', () => {
  test('explainAssetProbe() accepts application/wasm starting with the wasm magic', () => {
    expect(explainAssetProbe(WASM, answer(206, 'application/wasm', '\0asm\x01\0\0\0'))).toBeNull();
  });

  test('explainAssetProbe() names a wrong MIME type, the one WebAssembly needs, and where to fix it', () => {
    expect(explainAssetProbe(WASM, answer(206, 'application/octet-stream', '\0asm'))).toBe(
      `The server sends ${WASM} as "application/octet-stream"; WebAssembly needs "application/wasm". ` +
        'Add that MIME type for .wasm files to the web server configuration.',
    );
  });

  test('explainAssetProbe() names missing engine files and a damaged wasm', () => {
    expect(explainAssetProbe(WASM, answer(404, 'text/plain', ''))).toMatch(
      /missing on the server \(HTTP 404\)\. Deploy the files/,
    );
    expect(explainAssetProbe(WASM, answer(206, 'application/wasm', 'gzip'))).toMatch(/is not a WebAssembly file/);
  });

  test('explainAssetProbe() does not apply wasm rules to the worker script', () => {
    expect(
      explainAssetProbe(
        'https://intranet/atliq/assets/duckdb-browser-eh.worker.js',
        answer(200, 'text/javascript', 'var a'),
      ),
    ).toBeNull();
  });

  test('explainAssetProbe() names a worker script served with a policy that forbids WebAssembly', () => {
    const worker = 'https://intranet/atliq/assets/duckdb-browser-eh.worker.js';
    expect(explainAssetProbe(worker, answer(206, 'text/javascript', 'var a', "default-src 'self'"))).toMatch(
      /^The server sends the DuckDB worker .* Add 'wasm-unsafe-eval' to its script-src/,
    );
    expect(explainAssetProbe(WASM, answer(206, 'application/wasm', '\0asm', "default-src 'self'"))).toBeNull();
  });
});

test('probe() asks for the first 16 bytes and returns a network failure instead of throwing', async () => {
  const requests: string[] = [];
  const fake = (async (_url: string, init?: RequestInit) => {
    requests.push(`${init?.method ?? 'GET'} ${new Headers(init?.headers).get('range')}`);
    const headers = { 'content-type': 'application/octet-stream', 'content-security-policy': "default-src 'self'" };
    return new Response(init?.method === 'HEAD' ? null : duckdbHead, { status: 206, headers });
  }) as typeof fetch;
  const result = await probe(DB, fake);
  expect(requests).toEqual(['GET bytes=0-15', 'HEAD bytes=0-']);
  expect(result).toMatchObject({
    status: 206,
    contentType: 'application/octet-stream',
    csp: "default-src 'self'",
    headLength: null,
  });
  expect(await probe(DB, fake, false)).not.toHaveProperty('headLength');

  const failing = (async () => {
    throw new TypeError('Failed to fetch');
  }) as typeof fetch;
  expect(await probe(DB, failing)).toBeInstanceOf(TypeError);
});
