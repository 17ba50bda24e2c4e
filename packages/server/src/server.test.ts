import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureTestExtracts } from '@atliq/devserver';
import { AtliqSource, ForbiddenError, type Manifest, type Row } from '@atliq/sdk';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type QueryServer, startQueryServer } from './server.ts';

/**
 * The query service against the published test extract: its answers are compared with SQL written here over the
 * extract's Parquet files (never the compiler's SQL), for a reader who sees everything and for scoped readers.
 */

let extracts: string;
let server: QueryServer;
const USERS: Record<string, { name: string; filter: Record<string, string[]> } | 'all'> = {
  boss: 'all',
  north: { name: 'north', filter: { zone: ['North'] } },
  key: { name: 'key-accounts', filter: { customer: ['Cus006', 'Cus003'] } },
};

/** Revenue by market name from the Parquet files, optionally under a WHERE on f (facts), m (markets), c (customers). */
async function truth(where = 'TRUE'): Promise<{ market: string; revenue: number }[]> {
  const manifest = JSON.parse(await readFile(join(extracts, 'manifest.json'), 'utf8')) as {
    files: { path: string; table: string }[];
  };
  const files = (table: string) =>
    `[${manifest.files
      .filter((f) => f.table === table)
      .map((f) => `'${join(extracts, f.path)}'`)
      .join(', ')}]`;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(
    `SELECT m.market_name AS market, sum(f.revenue)::DOUBLE AS revenue
     FROM read_parquet(${files('fact_sales')}) f
     LEFT JOIN read_parquet(${files('dim_market')}) m USING (market_code)
     LEFT JOIN read_parquet(${files('dim_customer')}) c USING (customer_code)
     WHERE ${where} GROUP BY 1 ORDER BY 1`,
  );
  const rows = reader.getRowObjectsJS() as { market: string; revenue: number }[];
  connection.closeSync();
  instance.closeSync();
  return rows;
}

const byMarket = (rows: readonly Row[]) =>
  rows
    .map((r) => ({ market: r['market'], revenue: r['revenue'] }))
    .sort((a, b) => String(a.market).localeCompare(String(b.market)));

/** Every URL the sources asked for. */
const asked: string[] = [];

/** `rows` are `expected`'s markets with their revenue, to the paisa. */
function expectRevenue(rows: readonly Row[], expected: readonly { market: string; revenue: number }[]) {
  const shown = byMarket(rows);
  expect(shown.map((r) => r.market)).toEqual(expected.map((r) => r.market));
  for (const [i, r] of shown.entries()) expect(r.revenue).toBeCloseTo(expected[i]!.revenue, 2);
}

/** A source on the service as `user`: the SDK as a page uses it, with the front server's identity header. */
function sourceAs(user: string | null): AtliqSource {
  const fetchAs: typeof fetch = (input, init) => {
    asked.push(String(input));
    return fetch(input, {
      ...init,
      headers: { ...(init?.headers as object), ...(user ? { 'X-Remote-User': user } : {}) },
    });
  };
  return new AtliqSource(`${server.url}/manifest.json`, { fetch: fetchAs, cacheSize: 0 });
}

const post = (body: unknown, user = 'boss', type = 'application/json') =>
  fetch(`${server.url}/query`, {
    method: 'POST',
    headers: { 'Content-Type': type, 'X-Remote-User': user },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  extracts = await ensureTestExtracts();
  server = await startQueryServer({ extracts, scopeOf: (user) => (user ? (USERS[user] ?? null) : null) });
}, 120_000);
afterAll(() => server?.close());

describe('the query service', () => {
  it('serves the manifest naming its query endpoint, and neither the database nor the Parquet files', async () => {
    const response = await fetch(`${server.url}/manifest.json`, { headers: { 'X-Remote-User': 'boss' } });
    const manifest = (await response.json()) as Manifest;
    expect(manifest.query_service).toBe('query');
    expect(manifest.month_market).toBeDefined();
    const db = await fetch(`${server.url}/${manifest.browser_db}`, { headers: { 'X-Remote-User': 'boss' } });
    expect(db.status).toBe(404);
  });

  it("serves the snapshot's JSON files it lists to a reader who sees everything, byte for byte", async () => {
    const response = await fetch(`${server.url}/manifest.json`, { headers: { 'X-Remote-User': 'boss' } });
    const manifest = (await response.json()) as Manifest;
    const files = [manifest.month_market, manifest.day_market, manifest.bridge_grain];
    expect(files.every((f) => f !== undefined)).toBe(true);
    for (const file of files) {
      const served = await fetch(`${server.url}/${file!.path}`, { headers: { 'X-Remote-User': 'boss' } });
      expect(served.status).toBe(200);
      const bytes = Buffer.from(await served.arrayBuffer());
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file!.sha256);
    }
  });

  it("answers the SDK's queries with the extract's numbers, the source sending specs and no SQL", async () => {
    const source = sourceAs('boss');
    const rows = await source.query({ measures: ['revenue'], dimensions: ['market'] });
    const expected = await truth();
    expectRevenue(rows, expected);
    await source.close();
  });

  it('builds cubes through the service as specs, and answers a cross-filter from them with no query', async () => {
    const source = sourceAs('boss');
    const spec = { measures: ['revenue'], dimensions: ['customer_type'] };
    await source.prepare([spec], ['market']);
    const market = (await truth())[0]!.market;
    const before = asked.filter((url) => url.endsWith('/query')).length;
    const rows = await source.query({ ...spec, filters: { market: [market] } });
    expect(asked.filter((url) => url.endsWith('/query')).length).toBe(before);
    const expected = await truth(`m.market_name = '${market}'`);
    const total = rows.reduce((sum, r) => sum + Number(r['revenue']), 0);
    expect(total).toBeCloseTo(expected[0]!.revenue, 2);
    await source.close();
  });

  it('narrows a zone reader to the zone, whatever filters the client sends', async () => {
    const source = sourceAs('north');
    const manifest = await source.manifestReady;
    expect(manifest.scope?.name).toBe('north');
    // Every file of totals over all markets is withheld, and not served when asked for by its published path.
    expect(manifest.month_market).toBeUndefined();
    expect(manifest.day_market).toBeUndefined();
    expect(manifest.bridge_grain).toBeUndefined();
    const all = (await (
      await fetch(`${server.url}/manifest.json`, { headers: { 'X-Remote-User': 'boss' } })
    ).json()) as Manifest;
    const grain = await fetch(`${server.url}/${all.bridge_grain!.path}`, { headers: { 'X-Remote-User': 'north' } });
    expect(grain.status).toBe(404);
    const expected = await truth(`m.zone = 'North'`);
    expect(expected.length).toBeGreaterThan(0);
    const rows = await source.query({ measures: ['revenue'], dimensions: ['market'] });
    expectRevenue(rows, expected);
    // Asking for another zone, or a market of another zone, widens nothing: it finds nothing.
    const south = await source.query({ measures: ['revenue'], dimensions: ['market'], filters: { zone: ['South'] } });
    expect(south).toEqual([]);
    const outside = (await truth(`m.zone <> 'North'`))[0]!.market;
    const other = await source.query({ measures: ['revenue'], dimensions: ['market'], filters: { market: [outside] } });
    expect(other).toEqual([]);
    // A range over the zone's names cannot reach around the list either.
    const range = await source.query({
      measures: ['revenue'],
      dimensions: ['zone'],
      filters: { zone: { from: 'A', to: 'z' } },
    });
    expect(range.map((r) => r['zone'])).toEqual(['North']);
    await source.close();
  });

  it("serves a zone reader no amount or name of the whole extract's quality block", async () => {
    const served = async (user: string) =>
      ((await (await fetch(`${server.url}/manifest.json`, { headers: { 'X-Remote-User': user } })).json()) as Manifest)
        .quality;
    const all = await served('boss');
    // The published block sums every market's money and lists unknown codes: or this test would prove nothing.
    expect(all.reconciliation?.amount).toBeDefined();
    expect(all.unknown_members.length).toBeGreaterThan(0);
    const north = await served('north');
    expect(north.reconciliation).toEqual({ status: all.reconciliation!.status });
    expect(north.unknown_members).toEqual([]);
    expect(north.missing_months).toBeUndefined();
    expect(north.rows_published).toBe(all.rows_published);
    expect(north.warnings?.at(-1)).toMatch(/^The counts here are the whole extract's, not scope "north"'s/);
  });

  it('narrows a key-account reader to its customers by code', async () => {
    const rows = await sourceAs('key').query({ measures: ['revenue'], dimensions: ['market'] });
    const expected = await truth(`c.customer_code IN ('Cus006', 'Cus003')`);
    expectRevenue(rows, expected);
  });

  it('refuses a reader without a scope: 403, which the SDK reports as ForbiddenError', async () => {
    expect((await post({ spec: { measures: ['revenue'] } }, 'stranger')).status).toBe(403);
    await expect(sourceAs('stranger').query({ measures: ['revenue'] })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('takes specs only: SQL, unknown names and malformed bodies get 400 with what is wrong', async () => {
    const sql = await post({ sql: 'SELECT * FROM fact_sales' });
    expect(sql.status).toBe(400);
    const extra = await post({ spec: { measures: ['revenue'], sql: 'SELECT 1' } });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { error: string }).error).toContain('"sql"');
    const unknown = await post({ spec: { measures: ['revenue; DROP TABLE fact_sales'] } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/measure/i);
    expect((await post('{not json')).status).toBe(400);
    expect((await post({ spec: { measures: ['revenue'] } }, 'boss', 'text/plain')).status).toBe(415);
  });

  it('binds hostile filter values: they match nothing and run nothing', async () => {
    const response = await post({
      spec: { measures: ['revenue'], dimensions: ['market'], filters: { market: ["x') OR TRUE; --"] } },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { rows: unknown[] }).rows).toEqual([]);
  });
});

describe('the query service with limits', () => {
  let limited: QueryServer;
  beforeAll(async () => {
    limited = await startQueryServer({ extracts, maxRows: 3, maxConcurrent: 1 });
  });

  it('refuses a reader more queries at once than allowed with 429, and answers the others', async () => {
    // Finest grain of the facts: each answer takes the engine a while, so they overlap.
    const spec = { measures: ['revenue'], dimensions: ['day', 'customer', 'product'], limit: 3 };
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () =>
        fetch(`${limited.url}/query`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Remote-User': 'someone' },
          body: JSON.stringify({ spec }),
        }).then((r) => r.status),
      ),
    );
    expect(statuses).toContain(200);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
  });
  afterAll(() => limited?.close());

  it('refuses an answer over the row limit with 413 and what to do, and answers one within it', async () => {
    const ask = (dimensions: string[]) =>
      fetch(`${limited.url}/query`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ spec: { measures: ['revenue'], dimensions } }),
      });
    const markets = (await truth()).length;
    expect(markets).toBeGreaterThan(3);
    const tooMany = await ask(['market']);
    expect(tooMany.status).toBe(413);
    expect(((await tooMany.json()) as { error: string }).error).toContain('more than 3 rows');
    const zones = await ask(['zone']);
    expect(zones.status).toBe(200);
  });
});

describe('the query service over an extract published with its scopes', () => {
  let scopedExtracts: string;
  let service: QueryServer;
  beforeAll(async () => {
    scopedExtracts = await ensureTestExtracts(undefined, { scopes: { north: { zone: ['North'] } } });
    service = await startQueryServer({
      extracts: scopedExtracts,
      scopeOf: (user) => (user === 'north' ? USERS['north']! : 'all'),
    });
  }, 120_000);
  afterAll(() => service?.close());

  it("serves a scoped reader its scope's own quality block, counting its lines only", async () => {
    const served = (await (
      await fetch(`${service.url}/manifest.json`, { headers: { 'X-Remote-User': 'north' } })
    ).json()) as Manifest;
    const published = JSON.parse(
      await readFile(join(scopedExtracts, 'scopes', 'north', 'manifest.json'), 'utf8'),
    ) as Manifest;
    expect(published.snapshot_id).toBe(served.snapshot_id);
    expect(served.quality).toEqual(published.quality);
    // The truth: North's lines counted in the full extract's Parquet facts, by hand-written SQL.
    const manifest = JSON.parse(await readFile(join(scopedExtracts, 'manifest.json'), 'utf8')) as Manifest;
    const files = (table: string) =>
      `[${manifest.files
        .filter((f) => f.table === table)
        .map((f) => `'${join(scopedExtracts, f.path)}'`)
        .join(', ')}]`;
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const [[lines]] = (
      await connection.runAndReadAll(
        `SELECT count(*)::INTEGER FROM read_parquet(${files('fact_sales')}) f
         JOIN read_parquet(${files('dim_market')}) m USING (market_code) WHERE m.zone = 'North'`,
      )
    ).getRowsJS() as [[number]];
    connection.closeSync();
    instance.closeSync();
    expect(lines).toBeGreaterThan(0);
    expect(served.quality.rows_published).toBe(lines);
  });
});
