import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BRIDGE_GRAIN_COLUMNS, type BridgeGrainFile } from '@atliq/sdk/contract';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publish } from '../src/publish/publish.ts';
import { seedDatabase } from '../src/seed.ts';
import { MySqlSource } from '../src/source/mysql.ts';
import { sourceBreakdown } from './real-data-insights.ts';
import { sourceTruth } from './real-data-truth.ts';

/**
 * bridge_grain.json published from MariaDB: its periods are the year to the newest order day and the same days a
 * year earlier by MySQL's own date arithmetic, and every member's sums, added up from the file per bridge dimension,
 * equal MySQL's SQL on the source's clean rows to the paisa.
 */

const db = inject('mariadb');
const DATABASE = 'grain_sales';
const ROWS = 20_000;
let out: string;
let conn: mysql.Connection;

beforeAll(async () => {
  conn = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  await seedDatabase(conn, { rows: ROWS, database: DATABASE, withProfit: true });
  await conn.query(`USE ${DATABASE}`);
  out = await mkdtemp(join(tmpdir(), 'atliq-bridge-grain-'));
});
afterAll(async () => {
  await conn?.end();
  await rm(out, { recursive: true, force: true });
});

type Dimension = 'market' | 'zone' | 'customer' | 'customer_type' | 'product' | 'product_type';

/** Per dimension and member: revenue now and before, profit now and before, added up from the file's rows. */
function fromFile(file: BridgeGrainFile) {
  const sums = new Map<Dimension, Map<string, { now: number; before: number; profit: number; profitBefore: number }>>();
  const at = (d: Dimension, member: string | null) => {
    const byMember = sums.get(d) ?? sums.set(d, new Map()).get(d)!;
    const key = member ?? '(none)';
    return byMember.get(key) ?? byMember.set(key, { now: 0, before: 0, profit: 0, profitBefore: 0 }).get(key)!;
  };
  const column = (name: string) => BRIDGE_GRAIN_COLUMNS.indexOf(name);
  for (const row of file.rows) {
    const [market, zone] = file.members.market[row[column('market')]!]!;
    const [customer, customerType] = file.members.customer[row[column('customer')]!]!;
    const [product, productType] = file.members.product[row[column('product')]!]!;
    const revenue = row[column('revenue')]!;
    const profit = row[column('profit')]!;
    const members: [Dimension, string | null][] = [
      ['market', market],
      ['zone', zone],
      ['customer', customer],
      ['customer_type', customerType],
      ['product', product],
      ['product_type', productType],
    ];
    for (const [d, m] of members) {
      const s = at(d, m);
      if (row[0] === 0) {
        s.now += revenue;
        s.profit += profit;
      } else if (row[0] === 1) {
        s.before += revenue;
        s.profitBefore += profit;
      }
    }
  }
  return sums;
}

describe('bridge_grain.json from MariaDB', () => {
  it('holds the default periods, and every member of every bridge dimension sums to SQL on the source', async () => {
    const source = await MySqlSource.create({ ...db, database: DATABASE });
    let published: Awaited<ReturnType<typeof publish>>;
    try {
      published = await publish({ source, out });
    } finally {
      await source.close();
    }
    const { manifest, snapshotDir } = published;
    await sourceTruth(conn, true);
    const [[dates]] = (await conn.query(
      `SELECT DATE_FORMAT(MAKEDATE(YEAR(d), 1), '%Y-%m-%d') AS current_from, DATE_FORMAT(d, '%Y-%m-%d') AS current_to,
         DATE_FORMAT(MAKEDATE(YEAR(d), 1) - INTERVAL 1 YEAR, '%Y-%m-%d') AS baseline_from,
         DATE_FORMAT(d - INTERVAL 1 YEAR, '%Y-%m-%d') AS baseline_to
       FROM (SELECT MAX(order_date) AS d FROM truth_clean) n`,
    )) as unknown as [Record<string, string>[]];
    const periods = [
      { from: dates!.current_from, to: dates!.current_to },
      { from: dates!.baseline_from, to: dates!.baseline_to },
    ];
    // The default comparison first; then any unusual month's bridge periods (checked below).
    expect(manifest.bridge_grain?.periods.slice(0, 2)).toEqual(periods);

    const text = await readFile(join(snapshotDir, 'bridge_grain.json'), 'utf8');
    expect(Buffer.byteLength(text)).toBe(manifest.bridge_grain!.bytes);
    const file = JSON.parse(text) as BridgeGrainFile;
    expect(file.columns).toEqual(BRIDGE_GRAIN_COLUMNS);
    expect(file.periods).toEqual(manifest.bridge_grain!.periods);
    expect(file.rows).toHaveLength(manifest.bridge_grain!.rows);

    const { members: truth } = await sourceBreakdown(conn, true);
    const sums = fromFile(file);
    for (const [dimension, want] of Object.entries(truth) as [Dimension, (typeof truth)['market']][]) {
      const got = sums.get(dimension)!;
      // Members with sales in either period only: MySQL's GROUP BY over both periods lists exactly those.
      expect([...got.keys()].sort(), dimension).toEqual([...want.keys()].sort());
      expect(want.size, dimension).toBeGreaterThan(1);
      for (const [member, w] of want) {
        const g = got.get(member)!;
        expect(g.now, `${dimension} ${member}`).toBeCloseTo(w.now, 2);
        expect(g.before, `${dimension} ${member}`).toBeCloseTo(w.before, 2);
        expect(g.profit, `${dimension} ${member}`).toBeCloseTo(w.profit!, 2);
        expect(g.profitBefore, `${dimension} ${member}`).toBeCloseTo(w.profitBefore!, 2);
      }
    }
    // A month of one market (an unusual month's bridge): its revenue by customer, as MySQL sums it.
    for (const [i, p] of file.periods.entries()) {
      if (i < 2) continue;
      const [want] = (await conn.query(
        `SELECT TRIM(cu.custmer_name) AS customer, SUM(c.inr) AS revenue FROM truth_clean c
         JOIN markets m ON m.markets_code = c.market_code LEFT JOIN customers cu ON cu.customer_code = c.customer_code
         WHERE c.order_date BETWEEN ? AND ? ${p.market === undefined ? '' : 'AND m.markets_name = ?'} GROUP BY 1`,
        [p.from, p.to, ...(p.market === undefined ? [] : [p.market])],
      )) as unknown as [{ customer: string; revenue: number }[]];
      const got = new Map<string, number>();
      const [revenue, customer] = [BRIDGE_GRAIN_COLUMNS.indexOf('revenue'), BRIDGE_GRAIN_COLUMNS.indexOf('customer')];
      for (const row of file.rows.filter((r) => r[0] === i)) {
        const name = file.members.customer[row[customer]!]![0]!;
        got.set(name, (got.get(name) ?? 0) + row[revenue]!);
      }
      expect([...got.keys()].sort()).toEqual(want!.map((w) => w.customer).sort());
      for (const w of want!) expect(got.get(w.customer)).toBeCloseTo(Number(w.revenue), 2);
    }
  });
});
