import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Manifest, type MonthMarketFile, parseManifest, TABLES } from '@atliq/sdk/contract';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publish } from '../src/publish/publish.ts';
import { parseScopes } from '../src/scopes.ts';
import { seedDatabase } from '../src/seed.ts';
import { MySqlSource } from '../src/source/mysql.ts';
import { queryExtract } from '../src/testing/fixtures.ts';
import { CLEAN_SQL } from './reference-cleaning.ts';
import { type Allowed, scanScope, type Universe } from './scope-leaks.ts';

const db = inject('mariadb');
const DATABASE = 'scope_sales';
const ROWS = 20_000;

const DEFINITION = {
  north: { zone: ['North'] },
  'delhi-ncr': { market: ['Delhi NCR'] },
  'key-accounts': { customer: ['Cus006', 'Cus003'] },
  'ecom-own': { customer_type: ['E-Commerce'], product_type: ['Own Brand'] },
  'south-board': { zone: ['South'], detail: 'aggregate' },
  nobody: { customer: ['Cus999'] },
};
const SCOPES = parseScopes(DEFINITION, 'test');

/**
 * Each scope written as SQL on the source's own tables (`t` a transaction line, with its market `m`, customer `c` and
 * product `p`), independently of the ETL's filter: the truth the published scopes are checked against.
 */
const IN_SCOPE: Record<string, string> = {
  north: "m.zone = 'North'",
  'delhi-ncr': "m.markets_name = 'Delhi NCR'",
  'key-accounts': "t.customer_code IN ('Cus006', 'Cus003')",
  'ecom-own': "c.customer_type = 'E-Commerce' AND TRIM(TRAILING '\\r' FROM p.product_type) = 'Own Brand'",
  'south-board': "m.zone = 'South'",
  nobody: "t.customer_code = 'Cus999'",
};
const JOINS = `LEFT JOIN markets m ON m.markets_code = t.market_code
  LEFT JOIN customers c ON c.customer_code = t.customer_code LEFT JOIN products p ON p.product_code = t.product_code`;
let conn: mysql.Connection;
let out: string;
let universe: Universe;

async function sql<T>(text: string): Promise<T[]> {
  return (await conn.query(text))[0] as T[];
}

/** What the source says a scope holds: its lines, its clean lines' totals, and the codes and names it may show. */
async function truth(name: string, aggregate: boolean) {
  const where = IN_SCOPE[name]!;
  const [lines] = await sql<{ n: number }>(`SELECT COUNT(*) AS n FROM transactions t ${JOINS} WHERE ${where}`);
  const [clean] = await sql<{ n: number; revenue: number | null; first: string | null; last: string | null }>(
    `SELECT COUNT(*) AS n, SUM(t.inr) AS revenue, DATE_FORMAT(MIN(t.order_date), '%Y-%m-%d') AS first,
       DATE_FORMAT(MAX(t.order_date), '%Y-%m-%d') AS last FROM (${CLEAN_SQL}) t ${JOINS} WHERE ${where}`,
  );
  const byMarket = await sql<{ market: string; revenue: number }>(
    `SELECT m.markets_name AS market, SUM(t.inr) AS revenue FROM (${CLEAN_SQL}) t ${JOINS} WHERE ${where}
     GROUP BY m.markets_name ORDER BY market`,
  );
  const keys = await sql<{ m: string; c: string; p: string; mn: string | null; cn: string | null }>(
    `SELECT DISTINCT t.market_code AS m, t.customer_code AS c, t.product_code AS p, m.markets_name AS mn,
       c.custmer_name AS cn FROM transactions t ${JOINS} WHERE ${where}`,
  );
  const allowed: Allowed = {
    codes: new Set(keys.flatMap((k) => (aggregate ? [k.m] : [k.m, k.c, k.p]))),
    names: new Set(keys.flatMap((k) => [k.mn, aggregate ? null : k.cn]).filter((n): n is string => n !== null)),
  };
  const days = clean!.first && clean!.last ? { from: clean!.first, to: clean!.last } : undefined;
  return {
    lines: Number(lines!.n),
    rows: Number(clean!.n),
    revenue: Number(clean!.revenue ?? 0),
    days,
    byMarket,
    allowed,
  };
}

const readManifest = async (dir: string): Promise<Manifest> =>
  parseManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
const scopeDir = (name: string) => join(out, 'scopes', name);

beforeAll(async () => {
  conn = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  await seedDatabase(conn, { rows: ROWS, database: DATABASE });
  await conn.query(`USE ${DATABASE}`);
  const names = await sql<{ name: string }>(
    'SELECT markets_name AS name FROM markets UNION SELECT custmer_name FROM customers',
  );
  universe = { names: new Set(names.map((n) => n.name.trim())) };
  out = await mkdtemp(join(tmpdir(), 'atliq-scopes-'));
  const source = await MySqlSource.create({ ...db, database: DATABASE });
  try {
    await publish({ source, out, scopes: SCOPES });
  } finally {
    await source.close();
  }
});
afterAll(async () => {
  await conn?.end();
  await rm(out, { recursive: true, force: true });
});

describe('publish() with scopes, from MySQL', () => {
  it('every file of every scope holds only the markets, customers and products of the scope', async () => {
    const main = await readManifest(out);
    for (const scope of SCOPES) {
      const t = await truth(scope.name, scope.detail === 'aggregate');
      const { files, leaks } = await scanScope(scopeDir(scope.name), t.allowed, universe);
      expect(leaks, scope.name).toEqual([]);
      // Every file the manifest lists was opened, plus the manifest itself.
      const manifest = await readManifest(scopeDir(scope.name));
      const days = manifest.day_market ? [manifest.day_market.path] : [];
      const grain = manifest.bridge_grain ? [manifest.bridge_grain.path] : [];
      const listed = [
        ...manifest.files.map((f) => f.path),
        manifest.month_market!.path,
        ...days,
        ...grain,
        'manifest.json',
      ].sort();
      // Days only where there are facts: an aggregate scope holds market × month totals.
      expect(Boolean(manifest.day_market), scope.name).toBe(scope.detail !== 'aggregate' && t.lines > 0);
      // The insights' bridge grain likewise, of the scope's own facts (scanned for leaks above with the JSON).
      expect(Boolean(manifest.bridge_grain), scope.name).toBe(scope.detail !== 'aggregate' && t.lines > 0);
      expect(files.map((f) => f.path).sort(), scope.name).toEqual(listed);
      expect(manifest.snapshot_id).toBe(main.snapshot_id);
      // With the scope's first and newest order day, which an aggregate scope's empty facts cannot carry.
      expect(manifest.scope).toEqual({ name: scope.name, detail: scope.detail, ...(t.days ? { days: t.days } : {}) });
      // Its own counts, not the run's: lines in scope = published + quarantined in scope.
      expect(manifest.quality.rows_read, scope.name).toBe(scope.detail === 'aggregate' ? t.rows : t.lines);
      expect(manifest.quality.reconciliation?.lines).toBe(manifest.quality.rows_read);
      expect(manifest.refresh).toEqual({ mode: 'full' });
    }
  });

  it('a full scope lists only the dimension members its facts use', async () => {
    for (const name of ['north', 'key-accounts', 'ecom-own']) {
      const file = join(scopeDir(name), (await readManifest(scopeDir(name))).browser_db);
      for (const [dim, code] of [
        ['dim_market', 'market_code'],
        ['dim_customer', 'customer_code'],
        ['dim_product', 'product_code'],
      ]) {
        const [row] = await queryExtract(
          file,
          `SELECT (SELECT list(${code} ORDER BY ${code}) FROM x.${dim}) AS members,
                  (SELECT list(DISTINCT ${code} ORDER BY ${code}) FROM x.fact_sales) AS used`,
        );
        expect(row!.members, `${name} ${dim}`).toEqual(row!.used);
      }
    }
  });

  it("a scope's totals are the source's, filtered to the scope in SQL", async () => {
    for (const scope of SCOPES) {
      const t = await truth(scope.name, scope.detail === 'aggregate');
      const manifest = await readManifest(scopeDir(scope.name));
      expect(manifest.quality.rows_published, scope.name).toBe(t.rows);
      const file = join(scopeDir(scope.name), manifest.browser_db);
      const byMarket = await queryExtract(
        file,
        `SELECT d.market_name AS market, sum(a.revenue) AS revenue, sum(a.orders)::INTEGER AS orders
         FROM x.agg_sales_month_market a JOIN x.dim_market d USING (market_code) GROUP BY 1 ORDER BY 1`,
      );
      expect(byMarket.map((r) => r.market)).toEqual(t.byMarket.map((r) => r.market));
      for (const [i, r] of byMarket.entries()) {
        expect(r.revenue as number).toBeCloseTo(Number(t.byMarket[i]!.revenue), 2);
      }
      expect(byMarket.reduce((n, r) => n + (r.orders as number), 0)).toBe(t.rows);
      const mm = JSON.parse(await readFile(join(scopeDir(scope.name), manifest.month_market!.path), 'utf8'));
      const revenue = (mm as MonthMarketFile).rows.reduce(
        (s, r) => s + (r[mm.columns.indexOf('revenue')] as number),
        0,
      );
      expect(revenue).toBeCloseTo(t.revenue, 2);
      if (scope.detail === 'full') {
        const [facts] = await queryExtract(file, 'SELECT count(*)::INTEGER AS n, sum(revenue) AS r FROM x.fact_sales');
        expect(facts!.n).toBe(t.rows);
        expect((facts!.r as number | null) ?? 0).toBeCloseTo(t.revenue, 2);
      }
    }
  });

  it('an empty scope publishes a valid, empty extract', async () => {
    const manifest = await readManifest(scopeDir('nobody'));
    expect(manifest.quality).toMatchObject({ rows_read: 0, rows_published: 0, rows_rejected: 0, unknown_members: [] });
    expect(manifest.month_market!.rows).toBe(0);
    const file = join(scopeDir('nobody'), manifest.browser_db);
    for (const table of Object.keys(TABLES)) {
      expect(await queryExtract(file, `SELECT count(*)::INTEGER AS n FROM x.${table}`), table).toEqual([{ n: 0 }]);
    }
  });

  it('an aggregate scope holds market × month totals and no customer or product data', async () => {
    const manifest = await readManifest(scopeDir('south-board'));
    const file = join(scopeDir('south-board'), manifest.browser_db);
    for (const table of ['fact_sales', 'dim_customer', 'dim_product', 'agg_sales_month', 'rejects']) {
      expect(await queryExtract(file, `SELECT count(*)::INTEGER AS n FROM x.${table}`), table).toEqual([{ n: 0 }]);
    }
    expect(manifest.files.some((f) => f.table === 'fact_sales')).toBe(false);
    expect(manifest.quality.unknown_members.every((u) => u.dimension === 'market')).toBe(true);
    const [rollup] = await queryExtract(file, 'SELECT count(*)::INTEGER AS n FROM x.agg_sales_month_market');
    expect(rollup!.n).toBeGreaterThan(0);
  });

  it('a failed run leaves every scope serving its previous snapshot; retention applies per scope', async () => {
    const before = await Promise.all(SCOPES.map((s) => readFile(join(scopeDir(s.name), 'manifest.json'), 'utf8')));
    const served = (await readManifest(out)).snapshot_id;
    const source = await MySqlSource.create({ ...db, database: DATABASE });
    try {
      const failing = publish({
        source,
        out,
        scopes: SCOPES,
        // After every scope's folder was written, before any is switched.
        onEvent: (e) => {
          if (e.type === 'phase' && e.phase === 'publish') throw new Error('killed before the switch');
        },
      });
      await expect(failing).rejects.toThrow('killed before the switch');
      for (const [i, scope] of SCOPES.entries()) {
        expect(await readFile(join(scopeDir(scope.name), 'manifest.json'), 'utf8')).toBe(before[i]);
        expect(await readdir(join(scopeDir(scope.name), 'v'))).toEqual([served]);
      }
      const next = await publish({ source, out, scopes: SCOPES, retention: { keep: 1, keepForMs: 0 } });
      for (const scope of SCOPES) {
        expect((await readManifest(scopeDir(scope.name))).snapshot_id).toBe(next.manifest.snapshot_id);
        expect(await readdir(join(scopeDir(scope.name), 'v'))).toEqual([next.manifest.snapshot_id]);
      }
    } finally {
      await source.close();
    }
  });
});

describe('CLI publish --scopes', () => {
  const cli = join(import.meta.dirname, '../bin/atliq-etl.mjs');
  const run = (file: string) =>
    promisify(execFile)(process.execPath, [cli, 'publish', '--source', 'sample:500', '--out', out, '--scopes', file]);

  it('refuses a bad scopes file with one line that says what is wrong and what to do (exit 2)', async () => {
    const cases: [string, string, RegExp][] = [
      ['reserved.json', JSON.stringify({ me: { zone: ['North'] } }), /scope "me": "me" is reserved .*: rename it$/],
      ['name.json', JSON.stringify({ North: { zone: ['North'] } }), /scope "North": a scope name must be .*rename it$/],
      ['key.json', JSON.stringify({ north: { region: ['North'] } }), /unknown key "region" \(expected one of /],
      ['broken.json', '{ "north": ', /is not valid JSON .*: fix it$/],
      ['missing.json', null as unknown as string, /--scopes: cannot read .*missing.json/],
    ];
    for (const [name, text, message] of cases) {
      const file = join(out, name);
      if (text !== null) await writeFile(file, text);
      const failed = (await run(file).catch((err) => err)) as { code: number; stderr: string };
      expect(failed.code, name).toBe(2);
      const first = failed.stderr.split('\n')[0]!;
      expect(first, name).toMatch(/^error: --scopes/);
      expect(first, name).toMatch(message);
      expect(failed.stderr, name).not.toMatch(/^\s+at /m);
    }
  });
});
