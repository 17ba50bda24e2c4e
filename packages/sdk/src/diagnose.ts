import { explainWorkerPolicy } from './csp.ts';
import { explainStorageVersion } from './storage-version.ts';

/**
 * Turns the engine's misleading failures into messages that name the real cause and the fix.
 *
 * DuckDB-WASM reports a server without HTTP Range support, a missing file and an HTML fallback page all as
 * "database does not exist" or "Failed to open file"; a wasm file with the wrong Content-Type fails deep in
 * WebAssembly. The only reliable way to tell them apart is to ask the server ourselves, so we probe the URL with
 * the same kind of request the engine makes and read the answer. When the server is right, the file's first bytes
 * still tell a storage version the engine cannot read.
 */

/** What the server answered to a small Range request. */
export interface Probe {
  readonly status: number;
  readonly contentType: string;
  /** The first bytes of the body (at most 16). */
  readonly head: Uint8Array;
  /** The response's Content-Security-Policy header ('' when absent, or unreadable cross-origin). */
  readonly csp: string;
  /**
   * Content-Length of the answer to the HEAD request the engine makes first, to learn the file's size; null when
   * the server left it out, undefined when not asked (`head` false) or the HEAD failed.
   */
  readonly headLength?: string | null;
}

/** Engine messages that mean "I could not read the file", whatever the actual reason. */
export const UNREADABLE_FILE = /database does not exist|failed to open file|cannot open file|io error|http error/i;

/**
 * Asks for the first 16 bytes of `url` the way the engine does, and (unless `head` is false) for its size the way
 * the engine does before that: HEAD with `Range: bytes=0-`. A network failure is returned, not thrown.
 */
export async function probe(url: string, fetchFn: typeof fetch = fetch, head = true): Promise<Probe | Error> {
  try {
    const response = await fetchFn(url, { headers: { Range: 'bytes=0-15' }, cache: 'no-store' });
    const body = new Uint8Array(await response.arrayBuffer());
    const size = head
      ? await fetchFn(url, { method: 'HEAD', headers: { Range: 'bytes=0-' }, cache: 'no-store' }).then(
          (r) => r.headers.get('content-length'),
          () => undefined,
        )
      : undefined;
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      head: body.slice(0, 16),
      csp: response.headers.get('content-security-policy') ?? '',
      ...(size !== undefined ? { headLength: size } : {}),
    };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

const text = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const isHtml = (p: Probe) => /text\/html/i.test(p.contentType) || /^\s*</.test(text(p.head));

function unreachable(url: string, error: Error): string {
  return (
    `Could not reach ${url} (${error.message}). Check the network; if the file is on another origin than the page, ` +
    'its server must allow the page with CORS (Access-Control-Allow-Origin, allow the Range header, expose ' +
    'Content-Range).'
  );
}

function serverProblem(url: string, p: Probe, what: string): string | null {
  if (p.status === 404 || p.status === 410) {
    return `The ${what} ${url} is missing on the server (HTTP ${p.status}).`;
  }
  if (p.status !== 200 && p.status !== 206) return `The server answered HTTP ${p.status} for the ${what} ${url}.`;
  if (isHtml(p)) {
    return (
      `The server answered ${url} with an HTML page instead of the ${what}: the file is probably missing and a ` +
      'single-page-app fallback served index.html. Deploy the file, and serve the folder without that fallback.'
    );
  }
  return null;
}

/** The server refused the file to this reader (row-level security): not a fault to explain but an answer. */
export const refused = (p: Probe | Error): p is Probe =>
  !(p instanceof Error) && (p.status === 401 || p.status === 403);

/**
 * Explains why the snapshot's `sales.duckdb` cannot be read, or returns null when the server and the file look
 * right. `engineMessage` is what the engine said, for the storage versions it reads.
 */
export function explainDatabaseProbe(url: string, p: Probe | Error, engineMessage = ''): string | null {
  if (p instanceof Error) return unreachable(url, p);
  const problem = serverProblem(url, p, 'database file');
  if (problem) {
    return p.status === 404
      ? `${problem} The manifest names a snapshot that is not there: publish the extract again, or copy the whole v/<snapshot>/ folder together with manifest.json.`
      : problem;
  }
  if (p.status === 200) {
    return (
      `The server ignored the HTTP Range request for ${url} (it answered 200 with the whole file, not 206 Partial ` +
      'Content). The browser engine reads the database in ranges: serve the extracts from a server that answers ' +
      'Range requests (nginx, Apache, IIS and most static hosts do; `vite preview` does not).'
    );
  }
  if (text(p.head.slice(8, 12)) !== 'DUCK') {
    return `${url} is not a DuckDB database file: republish the extract, the file is damaged or was replaced.`;
  }
  if (p.headLength === null) {
    return (
      `The server does not send the size of ${url} (no Content-Length in its answer to a HEAD request), and the ` +
      'browser engine needs it to read the database in ranges. This is usually on-the-fly compression (gzip, ' +
      'brotli) of the extracts or a proxy that streams them: turn it off for .duckdb files, or send Content-Length.'
    );
  }
  return explainStorageVersion(url, p.head, engineMessage);
}

/** Explains why an engine file (`.wasm` or worker script) failed to load, or returns null. */
export function explainAssetProbe(url: string, p: Probe | Error): string | null {
  if (p instanceof Error) return unreachable(url, p);
  const problem = serverProblem(url, p, 'DuckDB engine file');
  if (problem)
    return p.status === 404 ? `${problem} Deploy the files that sit next to atliq.js together with it.` : problem;
  if (!/\.wasm($|\?)/.test(url)) return explainWorkerPolicy(url, p.csp);
  if (!/^application\/wasm\b/i.test(p.contentType)) {
    return (
      `The server sends ${url} as "${p.contentType || 'no Content-Type'}"; WebAssembly needs "application/wasm". ` +
      'Add that MIME type for .wasm files to the web server configuration.'
    );
  }
  if (text(p.head.slice(0, 4)) !== '\0asm') {
    return `${url} is not a WebAssembly file: deploy the files that sit next to atliq.js again, unchanged.`;
  }
  return null;
}
