import type { Manifest } from './contract.ts';
import { ForbiddenError, messageOf, SourceError } from './errors.ts';
import { parseManifest } from './manifest-validate.ts';

/**
 * Fetches and validates `manifest.json`, with the URL its files are relative to: where the server finally answered
 * from (a redirect, e.g. row-level security's `/extracts/me/manifest.json` to the reader's own scope, moves it).
 */
export async function fetchManifest(
  url: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ readonly manifest: Manifest; readonly base: string }> {
  let base = url;
  const manifest = await loadManifest(url, async (input, init) => {
    const response = await fetchFn(input, init);
    if (response.url) base = response.url;
    return response;
  });
  return { manifest, base };
}

/**
 * Fetches and validates `manifest.json`. Each way this goes wrong in practice (wrong `src`, nothing published yet,
 * a web server answering with its index.html, a half-written file, a contract mismatch) gets its own message.
 * @throws {SourceError} with the failing URL and the original error as `cause`.
 */
export async function loadManifest(url: string, fetchFn: typeof fetch = fetch): Promise<Manifest> {
  let response: Response;
  try {
    // The manifest is the only mutable file of an extract: never take it from a cache.
    response = await fetchFn(url, { cache: 'no-cache' });
  } catch (cause) {
    throw new SourceError(
      `Could not reach the manifest ${url} (${messageOf(cause)}). Check the address; if it is on another origin, ` +
        'its server must allow this page with CORS (Access-Control-Allow-Origin).',
      url,
      { cause },
    );
  }
  if (response.status === 404 || response.status === 410) {
    throw new SourceError(
      `No extract at ${url} (HTTP ${response.status}). Check the src attribute, and that the ETL has published ` +
        'an extract there (manifest.json is written last, when a snapshot is complete).',
      url,
    );
  }
  if (response.status === 401 || response.status === 403) throw new ForbiddenError(url, response.status);
  if (!response.ok) throw new SourceError(`The server answered HTTP ${response.status} for the manifest ${url}.`, url);
  const body = await response.text();
  if (/text\/html/i.test(response.headers.get('content-type') ?? '') || /^\s*</.test(body)) {
    throw new SourceError(
      `The server answered ${url} with an HTML page, not the manifest: the file is probably missing and a ` +
        'single-page-app fallback served index.html instead. Check the src attribute and the published folder.',
      url,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw new SourceError(`The manifest ${url} is not valid JSON (${messageOf(cause)}).`, url, { cause });
  }
  try {
    return parseManifest(json);
  } catch (cause) {
    throw new SourceError(`The manifest ${url} does not follow the extract contract: ${messageOf(cause)}`, url, {
      cause,
    });
  }
}
