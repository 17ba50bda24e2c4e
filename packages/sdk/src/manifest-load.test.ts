import { describe, expect, test } from 'vitest';
import { ForbiddenError, SourceError } from './errors.ts';
import { fetchManifest, loadManifest } from './manifest-load.ts';
import { ManifestError } from './manifest-validate.ts';
import { sampleManifest } from './testing/manifest.ts';

const URL = 'https://intranet/extracts/manifest.json';
const serve = (body: string, init: ResponseInit = {}) => (async () => new Response(body, init)) as typeof fetch;

const manifest = sampleManifest();

async function failure(fetchFn: typeof fetch): Promise<SourceError> {
  const error = await loadManifest(URL, fetchFn).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SourceError);
  expect((error as SourceError).url).toBe(URL);
  return error as SourceError;
}

describe('loadManifest()', () => {
  test('loadManifest() returns a valid manifest', async () => {
    expect(await loadManifest(URL, serve(JSON.stringify(manifest)))).toEqual(manifest);
  });

  test('loadManifest() says where it looked and what to check on 404', async () => {
    expect((await failure(serve('not found', { status: 404 }))).message).toBe(
      `No extract at ${URL} (HTTP 404). Check the src attribute, and that the ETL has published an extract there ` +
        '(manifest.json is written last, when a snapshot is complete).',
    );
  });

  test.each([401, 403])(
    'loadManifest() tells a refused reader (HTTP %i) that the data is not theirs to see',
    async (status) => {
      const error = await failure(
        serve('<html>Forbidden</html>', { status, headers: { 'content-type': 'text/html' } }),
      );
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).status).toBe(status);
      expect(error.message).toMatch(/^Your account does not have access to this data\./);
      expect(error.message).toContain(`HTTP ${status} for ${URL}`);
    },
  );

  test("fetchManifest() resolves files against where a redirect ended, e.g. /extracts/me/ to a reader's scope", async () => {
    const scoped = 'https://intranet/extracts/scopes/north/manifest.json';
    const redirected = (async () => {
      const response = new Response(JSON.stringify(manifest));
      Object.defineProperty(response, 'url', { value: scoped });
      return response;
    }) as typeof fetch;
    expect(await fetchManifest(URL, redirected)).toEqual({ manifest, base: scoped });
    expect((await fetchManifest(URL, serve(JSON.stringify(manifest)))).base).toBe(URL);
  });

  test('loadManifest() recognises an HTML page served in place of the manifest', async () => {
    const html = serve('<!doctype html><div id=app>', { headers: { 'content-type': 'text/html' } });
    expect((await failure(html)).message).toMatch(/with an HTML page, not the manifest/);
  });

  test('loadManifest() keeps the parse and contract errors as cause', async () => {
    expect((await failure(serve('{"contract_version": 1,'))).cause).toBeInstanceOf(SyntaxError);
    const wrongVersion = await failure(serve(JSON.stringify({ ...manifest, contract_version: 2 })));
    expect(wrongVersion.cause).toBeInstanceOf(ManifestError);
    expect(wrongVersion.message).toMatch(/does not follow the extract contract: contract version 2 is not supported/);
  });

  test('loadManifest() reports an unreachable server with the network error as cause', async () => {
    const cause = new TypeError('fetch failed');
    const error = await failure((async () => Promise.reject(cause)) as typeof fetch);
    expect(error.cause).toBe(cause);
    expect(error.message).toMatch(/^Could not reach the manifest .* \(fetch failed\)/);
  });
});
