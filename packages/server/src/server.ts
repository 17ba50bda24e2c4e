import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AtliqError, compile, type FilterValue, type Manifest, type QuerySpec } from '@atliq/sdk';
import { parseManifest, type QualityReport, SCOPES_DIR } from '@atliq/sdk/contract';
import { type ClickHouseOptions, openClickHouse } from './clickhouse/engine.ts';
import { openSnapshot, QueryTimeoutError, type Snapshot } from './engine.ts';
import { type ScopeFilter, scoped, scopeFilters } from './scope.ts';

export interface QueryServerOptions {
  /**
   * The ETL's output folder: the one holding `manifest.json` (re-read on every manifest request), whose snapshot
   * DuckDB answers. Unused with a ClickHouse `engine`.
   */
  readonly extracts?: string;
  /**
   * Answer from the ClickHouse database the ETL's ClickHouse sink publishes to instead: the current snapshot and its
   * manifest are the newest row of its `atliq_publishes` table.
   */
  readonly engine?: { readonly kind: 'clickhouse' } & ClickHouseOptions;
  readonly host?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /**
   * Row-level security: each reader's scope, from the trusted identity a front server (SSO, `auth_request`) put in
   * `identityHeader`. Return the reader's scope (its name and its filter, as the ETL's `--scopes` file writes one),
   * 'all' for everything, or null for no access. Without it every reader sees everything: use it only behind a
   * server that lets no one else in.
   */
  readonly scopeOf?: (user: string | null) => ReaderScope | Promise<ReaderScope>;
  /** The header carrying the trusted identity; `x-remote-user` by default. */
  readonly identityHeader?: string;
  /** A query running longer is interrupted and answered 504. 10 s by default. */
  readonly timeoutMs?: number;
  /** A query answering more rows is refused (413) rather than sent: 100,000 by default. */
  readonly maxRows?: number;
  /** Queries one reader may have running at once; more are refused with 429. 8 by default. */
  readonly maxConcurrent?: number;
}

/** A reader's scope: a named filter, everything, or nothing. */
export type ReaderScope = { readonly name: string; readonly filter: ScopeFilter } | 'all' | null;

/** A scoped reader's conditions, with the scope's name for the manifest it is served. */
interface Narrowing {
  readonly name: string;
  readonly filters: Record<string, FilterValue>;
}

export interface QueryServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Where a source's queries go, relative to the manifest: what the served manifest's `query_service` says. */
const QUERY_PATH = 'query';
const MAX_BODY = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The query service (issue 15): a Node HTTP server that answers the SDK's query specs from a server-side engine, so a
 * page's components work unchanged on data too large for the browser. It serves
 * - `GET /manifest.json`: the published manifest, with `query_service` naming `POST /query` (sources then send it
 *   their queries and download no database) and, for a scoped reader, its scope and no month or day files;
 * - `GET /<the snapshot's month_market.json, day_market.json, bridge_grain.json>` to readers who may see everything;
 * - `POST /query` with `{ "spec": … }`: never SQL. The spec is checked against the semantic model, narrowed to the
 *   reader's scope (conditions the client cannot remove or widen), compiled with every value bound (DuckDB) or
 *   escaped (ClickHouse), and run read-only with a time limit, a row limit and a limit on each reader's concurrent
 *   queries.
 * Nothing else: `sales.duckdb` and the Parquet files are not served.
 */
export async function startQueryServer(options: QueryServerOptions): Promise<QueryServer> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRows = options.maxRows ?? 100_000;
  const maxConcurrent = options.maxConcurrent ?? 8;
  const identityHeader = (options.identityHeader ?? 'x-remote-user').toLowerCase();
  const running = new Map<string, number>();
  let current: { manifest: Manifest; snapshot: Promise<Snapshot>; version: string } | undefined;
  const retired: Promise<Snapshot>[] = [];
  const clickhouse = options.engine?.kind === 'clickhouse' ? openClickHouse(options.engine) : undefined;
  if (!clickhouse && !options.extracts) throw new Error('give the query service its extracts folder or an engine');

  /** The newest publication in ClickHouse, looked up on every request: the sink switches snapshots atomically. */
  const publishedClickHouse = async (engine: NonNullable<typeof clickhouse>) => {
    let publication: Awaited<ReturnType<typeof engine.current>>;
    try {
      publication = await engine.current();
    } catch (error) {
      throw new HttpError(503, `ClickHouse has no readable publication (${(error as Error).message})`);
    }
    if (!publication) throw new HttpError(503, 'nothing is published in ClickHouse yet: run the ETL with its sink');
    if (current?.version !== publication.id) {
      current = {
        manifest: publication.manifest,
        snapshot: Promise.resolve(engine.snapshot(publication.id)),
        version: publication.id,
      };
    }
    return current;
  };

  /**
   * The published manifest, and its snapshot opened once: a new publish is picked up on the next request. The ETL
   * replaces manifest.json by renaming a new file over it, so a request costs a stat; it is read again only when the
   * file changed.
   */
  const published = async () => {
    if (clickhouse) return publishedClickHouse(clickhouse);
    const extracts = options.extracts!;
    const file = join(extracts, 'manifest.json');
    let manifest: Manifest;
    let version: string;
    try {
      const { ino, mtimeMs, size } = await stat(file);
      version = `${ino}:${mtimeMs}:${size}`;
      if (current?.version === version) return current;
      manifest = parseManifest(JSON.parse(await readFile(file, 'utf8')));
    } catch (error) {
      throw new HttpError(
        503,
        `no readable extract is published in the service's folder (${(error as Error).message})`,
      );
    }
    if (current?.manifest.snapshot_id === manifest.snapshot_id) {
      current = { ...current, manifest, version };
    } else {
      // The previous snapshot stays open for queries already running on it; closed with the server.
      if (current) retired.push(current.snapshot);
      const snapshot = openSnapshot(manifest.snapshot_id, join(extracts, manifest.browser_db));
      current = { manifest, snapshot, version };
    }
    return current;
  };

  const scopeOf = async (request: IncomingMessage) => {
    if (!options.scopeOf) return 'all' as const;
    const header = request.headers[identityHeader];
    const user = typeof header === 'string' && header !== '' ? header : null;
    const scope = await options.scopeOf(user);
    if (scope === null) throw new HttpError(403, 'your account has no access to this data');
    return scope === 'all' ? ('all' as const) : { name: scope.name, filters: scopeFilters(scope.filter) };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://service').pathname;
    const scope = await scopeOf(request);
    if (request.method === 'GET' && path === '/manifest.json') {
      const { manifest } = await published();
      const served = servedManifest(manifest, scope, !clickhouse);
      if (scope !== 'all') served.quality = await scopedQuality(manifest, scope.name, options.extracts);
      return send(response, 200, served);
    }
    if (request.method === 'GET' && scope === 'all' && options.extracts) {
      const { manifest } = await published();
      const listed = [manifest.month_market?.path, manifest.day_market?.path, manifest.bridge_grain?.path].filter(
        (p) => p !== undefined,
      );
      if (listed.some((p) => path === `/${p}`)) {
        const body = await readFile(join(options.extracts, path.slice(1)));
        response.writeHead(200, {
          'Content-Type': 'application/json',
          'Cache-Control': 'private, max-age=31536000, immutable',
        });
        return response.end(body);
      }
    }
    if (path === `/${QUERY_PATH}`) {
      if (request.method !== 'POST') throw new HttpError(405, 'POST a JSON body { "spec": … } to /query');
      const spec = specOf(await body(request));
      const user = String(request.headers[identityHeader] ?? '');
      if ((running.get(user) ?? 0) >= maxConcurrent) {
        throw new HttpError(429, `more than ${maxConcurrent} queries at once: wait for the running ones`);
      }
      running.set(user, (running.get(user) ?? 0) + 1);
      try {
        return send(response, 200, { rows: await answer(spec, scope) });
      } finally {
        running.set(user, running.get(user)! - 1);
      }
    }
    throw new HttpError(404, `nothing at ${path}: this service answers GET /manifest.json and POST /${QUERY_PATH}`);
  };

  const answer = async (asked: QuerySpec, scope: Narrowing | 'all') => {
    const spec = scope === 'all' ? asked : scoped(asked, scope.filters);
    // One row past the limit tells a result that is too large from one that is exactly full.
    const limit = spec.limit === undefined ? maxRows + 1 : Math.min(spec.limit, maxRows + 1);
    compileOr400({ ...spec, limit });
    const { snapshot } = await published();
    let rows: Awaited<ReturnType<Snapshot['answer']>>;
    try {
      rows = await (await snapshot).answer({ ...spec, limit }, timeoutMs);
    } catch (error) {
      if (error instanceof QueryTimeoutError) throw new HttpError(504, error.message);
      if (error instanceof AtliqError) throw new HttpError(400, error.message);
      throw new HttpError(500, `the engine failed: ${(error as Error).message}`);
    }
    if (rows.length > maxRows) {
      throw new HttpError(413, `the answer has more than ${maxRows} rows: filter it or group it more coarsely`);
    }
    return rows;
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent) send(response, status, { error: message });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const snapshot of [...retired, current?.snapshot]) (await snapshot?.catch(() => undefined))?.close();
    },
  };
}

/**
 * The manifest a reader gets: the published one, answered by this service, narrowed to a scoped reader. `files`:
 * whether the service has the snapshot's JSON files to serve (ClickHouse has only the tables).
 */
function servedManifest(manifest: Manifest, scope: Narrowing | 'all', files: boolean): Manifest {
  const served: Manifest = { ...manifest, query_service: QUERY_PATH };
  if (scope === 'all' && files) return served;
  // The month, day and bridge grain files hold every market's totals: a scoped reader's come from queries, narrowed.
  const { month_market: _m, day_market: _d, bridge_grain: _b, ...rest } = served;
  return scope === 'all' ? rest : { ...rest, scope: { name: scope.name, detail: 'full' } };
}

/**
 * The quality block a scoped reader is served. The published one accounts for every market's lines: the
 * reconciliation sums their money, `unknown_members` the revenue booked on unknown codes, `missing_months` names every
 * market. A scoped reader gets its scope's own block when the ETL published the scope (`--scopes`, under
 * `scopes/<name>/`) from the same snapshot; otherwise the extract's counts and checks only, without those amounts and
 * names, and a warning that says so.
 */
async function scopedQuality(full: Manifest, scope: string, extracts: string | undefined): Promise<QualityReport> {
  if (extracts && /^[A-Za-z0-9_-]+$/.test(scope)) {
    try {
      const file = join(extracts, SCOPES_DIR, scope, 'manifest.json');
      const own = parseManifest(JSON.parse(await readFile(file, 'utf8')));
      if (own.snapshot_id === full.snapshot_id) return own.quality;
    } catch {
      // Not published for this scope, or not from this snapshot: the narrowed block below.
    }
  }
  const { unknown_members: _u, missing_months: _m, reconciliation, ...counts } = full.quality;
  return {
    ...counts,
    unknown_members: [],
    ...(reconciliation ? { reconciliation: { status: reconciliation.status } } : {}),
    warnings: [
      ...(full.quality.warnings ?? []),
      `The counts here are the whole extract's, not scope "${scope}"'s; unknown codes and months without sales are ` +
        "listed only in scoped extracts (the ETL's --scopes).",
    ],
  };
}

/** The spec in a request body, checked to be one: an object with a list of measures, and nothing that is SQL. */
function specOf(body: unknown): QuerySpec {
  const spec = (body as { spec?: unknown } | null)?.spec;
  if (
    typeof spec !== 'object' ||
    spec === null ||
    Array.isArray(spec) ||
    !Array.isArray((spec as QuerySpec).measures)
  ) {
    throw new HttpError(
      400,
      'the body must be { "spec": { "measures": [...], "dimensions": [...], "filters": {...} } }',
    );
  }
  const allowed = new Set(['measures', 'dimensions', 'filters', 'sort', 'limit']);
  const extra = Object.keys(spec).find((k) => !allowed.has(k));
  if (extra) throw new HttpError(400, `a spec has no "${extra}": measures, dimensions, filters, sort and limit only`);
  compileOr400(spec as QuerySpec);
  return spec as QuerySpec;
}

function compileOr400(spec: QuerySpec) {
  try {
    return compile(spec);
  } catch (error) {
    // Model and shape errors say what is wrong; anything else a malformed spec throws is still the client's.
    throw new HttpError(
      400,
      error instanceof AtliqError ? error.message : `a malformed spec: ${(error as Error).message}`,
    );
  }
}

async function body(request: IncomingMessage): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw new HttpError(415, 'send the spec as application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, `a spec is at most ${MAX_BODY / 1024} KB`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'the body is not JSON');
  }
}

function send(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(value));
}
