/**
 * Reconciliation against the private MariaDB: the server totals its lines inside the run's snapshot and the run
 * fails, publishing nothing, unless published + quarantined match. Expected figures come from SQL on the source.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseManifest } from '@atliq/sdk/contract';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publish } from '../src/publish/publish.ts';
import { seedDatabase } from '../src/seed.ts';
import { MySqlSource } from '../src/source/mysql.ts';
import type { SourceConnection, SourceSnapshot } from '../src/source/source.ts';

const db = inject('mariadb');
const DATABASE = 'reconcile_sales';
const ROWS = 20_000;
const cli = join(import.meta.dirname, '../bin/atliq-etl.mjs');
const url = `mysql://${db.user}@${db.host}:${db.port}/${DATABASE}`;
const env = { ...process.env, MYSQL_PWD: db.password };
let out: string;
let conn: mysql.Connection;

beforeAll(async () => {
  conn = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  await seedDatabase(conn, { rows: ROWS, database: DATABASE, withProfit: true });
  await conn.query(`USE ${DATABASE}`);
  out = await mkdtemp(join(tmpdir(), 'atliq-reconcile-'));
});
afterAll(async () => {
  await conn?.end();
  await rm(out, { recursive: true, force: true });
});

const manifestNow = async () => parseManifest(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));

/** The server's source, but its totals add one line to the last cell: the run and the source really disagree. */
async function disagreeingSource(): Promise<SourceConnection> {
  const source = await MySqlSource.create({ ...db, database: DATABASE });
  return {
    info: source.info,
    close: () => source.close(),
    withSnapshot: (fn) =>
      source.withSnapshot((snapshot: SourceSnapshot) =>
        fn({
          ...snapshot,
          columns: (t) => snapshot.columns(t),
          streamTable: (...args) => snapshot.streamTable(...args),
          totals: async (withProfit) => {
            const totals = await snapshot.totals!(withProfit);
            totals.at(-1)!.lines += 1;
            return totals;
          },
        }),
      ),
  };
}

describe('reconciliation with MariaDB', () => {
  it('records the totals the source computes, when published + quarantined match them', async () => {
    const source = await MySqlSource.create({ ...db, database: DATABASE });
    try {
      await publish({ source, out });
    } finally {
      await source.close();
    }
    const [byCurrency] = (await conn.query(
      `SELECT TRIM(BOTH '\\r' FROM currency) AS cur, COUNT(*) AS n, SUM(sales_qty) AS qty, SUM(sales_amount) AS amount,
         SUM(profit_margin) AS profit FROM transactions GROUP BY cur`,
    )) as unknown as [{ cur: string; n: number; qty: string; amount: number; profit: number }[]];
    const [[{ cells }]] = (await conn.query(
      `SELECT COUNT(*) AS cells FROM (SELECT DISTINCT market_code, DATE_FORMAT(order_date, '%Y-%m'),
         TRIM(BOTH '\\r' FROM currency) FROM transactions) c`,
    )) as unknown as [{ cells: number }[]];
    const r = (await manifestNow()).quality.reconciliation!;
    expect(r).toMatchObject({ status: 'matched', cells: Number(cells), lines: ROWS });
    expect(r.quantity).toBe(byCurrency.reduce((n, c) => n + Number(c.qty), 0));
    expect(Object.keys(r.amount!).sort()).toEqual(byCurrency.map((c) => c.cur).sort());
    for (const c of byCurrency) {
      expect(r.amount![c.cur]).toBeCloseTo(Number(c.amount), 2);
      expect(r.profit![c.cur]).toBeCloseTo(Number(c.profit), 2);
    }
  });

  it('fails when the source totals differ, naming the cell, and the previous extract keeps serving', async () => {
    const before = await manifestNow();
    const source = await disagreeingSource();
    try {
      await expect(publish({ source, out })).rejects.toThrow(
        /^the extract does not reconcile with the source in 1 of \d+ market × month × currency cells \(source ≠ published \+ quarantined\): Mark\d+ \d{4}-\d{2} [A-Z]+: lines (\d+) ≠ (\d+)$/,
      );
    } finally {
      await source.close();
    }
    expect((await manifestNow()).snapshot_id).toBe(before.snapshot_id);
  });

  it('CLI: --reconcile off skips the scan and says so; a bad value is a usage error', async () => {
    const run = (...extra: string[]) =>
      promisify(execFile)(process.execPath, [cli, 'publish', '--source', url, '--out', out, ...extra], { env });
    const { stderr } = await run();
    expect(stderr).toMatch(/\nreconciled with the source: 20000 lines in \d+ market × month × currency cells match\n/);
    const off = await run('--reconcile', 'off', '--json');
    // The seeded profit is in INR on every line, like the Atliq dump version 2; its USD line decides the reading.
    expect(JSON.parse(off.stdout.trim())).toMatchObject({
      ok: true,
      reconciliation: { status: 'off' },
      profit_check: { reading: 'reporting', basis: 'detected' },
    });
    expect((await manifestNow()).quality.reconciliation).toEqual({ status: 'off' });
    await expect(run('--reconcile', 'maybe')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--reconcile must be "on" or "off", got "maybe"'),
    });
  });
});
