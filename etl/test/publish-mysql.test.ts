import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publish } from '../src/publish/publish.ts';
import { seedDatabase } from '../src/seed.ts';
import { MySqlSource } from '../src/source/mysql.ts';
import { queryExtract } from '../src/testing/fixtures.ts';
import { CLEAN_SQL } from './reference-cleaning.ts';

const db = inject('mariadb');
const DATABASE = 'slice_sales';
const ROWS = 20_000;
let out: string;
let conn: mysql.Connection;

beforeAll(async () => {
  conn = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  await seedDatabase(conn, { rows: ROWS, database: DATABASE });
  await conn.query(`USE ${DATABASE}`);
  out = await mkdtemp(join(tmpdir(), 'atliq-mysql-publish-'));
});
afterAll(async () => {
  await conn?.end();
  await rm(out, { recursive: true, force: true });
});

async function sourceTruth() {
  const [[totals]] = (await conn.query(
    `SELECT COUNT(*) AS n, SUM(inr) AS revenue FROM (${CLEAN_SQL}) c`,
  )) as unknown as [{ n: number; revenue: number }[]];
  const [byMarket] = (await conn.query(
    `SELECT m.markets_name AS market, SUM(c.inr) AS revenue FROM (${CLEAN_SQL}) c
     JOIN markets m ON m.markets_code = c.market_code GROUP BY m.markets_name ORDER BY market`,
  )) as unknown as [{ market: string; revenue: number }[]];
  return { rows: Number(totals!.n), revenue: Number(totals!.revenue), byMarket };
}

describe('publish() from MySQL', () => {
  it('publishes the row count and revenue a direct SQL query on the source gives', async () => {
    const source = await MySqlSource.create({ ...db, database: DATABASE });
    try {
      const { manifest, snapshotDir } = await publish({ source, out });
      const truth = await sourceTruth();
      expect(manifest.quality.rows_read).toBe(ROWS);
      expect(manifest.quality.rows_published).toBe(truth.rows);
      expect(manifest.source).toMatchObject({ kind: 'mysql', server: `${db.host}:${db.port}`, database: DATABASE });
      const file = join(snapshotDir, 'sales.duckdb');
      const [totals] = await queryExtract(file, 'SELECT count(*) AS n, sum(revenue) AS revenue FROM x.fact_sales');
      expect(Number(totals!.n)).toBe(truth.rows);
      expect(totals!.revenue).toBeCloseTo(truth.revenue, 2);
      const byMarket = await queryExtract(
        file,
        `SELECT m.market_name AS market, sum(f.revenue) AS revenue FROM x.fact_sales f
         JOIN x.dim_market m USING (market_code) GROUP BY 1 ORDER BY 1`,
      );
      expect(byMarket.map((r) => r.market)).toEqual(truth.byMarket.map((r) => r.market));
      byMarket.forEach((r, i) => {
        expect(r.revenue as number).toBeCloseTo(Number(truth.byMarket[i]!.revenue), 2);
      });
    } finally {
      await source.close();
    }
  });

  it('CLI: publishes with the password from MYSQL_PWD and never prints it', async () => {
    const cli = join(import.meta.dirname, '../bin/atliq-etl.mjs');
    const url = `mysql://${db.user}@${db.host}:${db.port}/${DATABASE}`;
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [cli, 'publish', '--source', url, '--out', out, '--json'],
      { env: { ...process.env, MYSQL_PWD: db.password } },
    );
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ ok: true, rows_read: ROWS });
    expect(`${stdout}${stderr}`).not.toContain(db.password);
    const manifest = await readFile(join(out, 'manifest.json'), 'utf8');
    expect(manifest).not.toContain(db.password);
    expect(JSON.parse(manifest).snapshot_id).toBe(summary.snapshot_id);
  });

  it('CLI: a wrong password fails with exit code 1 and a message that names the fix', async () => {
    const cli = join(import.meta.dirname, '../bin/atliq-etl.mjs');
    const url = `mysql://${db.user}@${db.host}:${db.port}/${DATABASE}`;
    const run = promisify(execFile)(process.execPath, [cli, 'publish', '--source', url, '--out', out], {
      env: { ...process.env, MYSQL_PWD: 'wrong-password' },
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/check the user and the password/),
    });
  });
});
