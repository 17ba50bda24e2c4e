import { execFile } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_RULES } from '../src/config.ts';
import { STATE_FILE } from '../src/publish/incremental.ts';
import { type PublishResult, publish } from '../src/publish/publish.ts';
import { seedDatabase } from '../src/seed.ts';
import { MySqlSource } from '../src/source/mysql.ts';

const db = inject('mariadb');
const cli = join(import.meta.dirname, '../bin/atliq-etl.mjs');
const exec = promisify(execFile);
const connection = { host: db.host, port: db.port, user: db.user, password: db.password };
const DATABASE = 'incremental_sales';
const ROWS = 20_000;
/** Marker lines' amounts start above any generated amount. */
const MARKER = 50_000_000;
/** Positions in a published `fact_sales` row (contract column order). */
const COLUMN = { revenue: 5 };
let admin: mysql.Connection;
const dirs: string[] = [];

beforeAll(async () => {
  admin = await mysql.createConnection(connection);
  await seedDatabase(admin, { rows: ROWS, database: DATABASE });
  await admin.query(`USE ${DATABASE}`);
});
afterAll(async () => {
  await admin?.end();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'atliq-incremental-'));
  dirs.push(dir);
  return dir;
}

async function run(out: string, mode: 'full' | 'incremental', fx = DEFAULT_RULES.fxRates): Promise<PublishResult> {
  const source = await MySqlSource.create({ ...db, database: DATABASE });
  try {
    return await publish({ source, out, refresh: { mode }, rules: { ...DEFAULT_RULES, fxRates: fx } });
  } finally {
    await source.close();
  }
}

/** Every published fact and reject row, in a stable order: two snapshots with equal contents give equal lists. */
async function contents(result: PublishResult): Promise<{ facts: unknown[]; rejects: unknown[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await c.run(`ATTACH '${join(result.snapshotDir, 'sales.duckdb')}' AS x (READ_ONLY)`);
    const facts = (await c.runAndReadAll('SELECT * FROM x.fact_sales ORDER BY ALL')).getRowsJS();
    const rejects = (await c.runAndReadAll('SELECT * FROM x.rejects ORDER BY ALL')).getRowsJS();
    return { facts, rejects };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

const months = async (): Promise<string[]> => {
  const [rows] = (await admin.query(
    "SELECT DISTINCT DATE_FORMAT(order_date, '%Y-%m') AS m FROM transactions ORDER BY m",
  )) as unknown as [{ m: string }[]];
  return rows.map((r) => r.m);
};

describe('publish({ refresh: { mode: "incremental" } }) on MariaDB', () => {
  it('copies unchanged months, re-reads changed ones, and publishes exactly what a full run does', async () => {
    const out = await folder();
    const first = await run(out, 'incremental');
    expect(first.manifest.refresh).toEqual({ mode: 'full', reason: 'there is no previous snapshot' });
    await access(join(first.snapshotDir, STATE_FILE));

    const all = await months();
    const unchanged = await run(out, 'incremental');
    expect(unchanged.manifest.refresh).toMatchObject({
      mode: 'incremental',
      from_snapshot: first.manifest.snapshot_id,
      months_read: 1,
      months_reused: all.length - 1,
    });
    expect(unchanged.manifest.quality).toEqual(first.manifest.quality);
    expect(await contents(unchanged)).toEqual(await contents(first));

    // A late line in the oldest month, a deleted line, an amount corrected in place (same count, new checksum)
    // and a new line in the newest month.
    const [oldest, second, third] = all;
    await admin.query(
      `INSERT INTO transactions SELECT product_code, customer_code, market_code, order_date, 7, 4242, 'INR'
       FROM transactions WHERE DATE_FORMAT(order_date, '%Y-%m') = ? LIMIT 1`,
      [oldest],
    );
    await admin.query("DELETE FROM transactions WHERE DATE_FORMAT(order_date, '%Y-%m') = ? LIMIT 1", [second]);
    await admin.query(
      "UPDATE transactions SET sales_amount = sales_amount + 1 WHERE DATE_FORMAT(order_date, '%Y-%m') = ? LIMIT 1",
      [third],
    );
    await admin.query(
      `INSERT INTO transactions SELECT product_code, customer_code, market_code, order_date, 1, 99, 'USD'
       FROM transactions WHERE DATE_FORMAT(order_date, '%Y-%m') = ? LIMIT 1`,
      [all.at(-1)],
    );
    const changed = await run(out, 'incremental');
    expect(changed.manifest.refresh).toMatchObject({
      mode: 'incremental',
      months_read: 4,
      months_reused: all.length - 4,
    });
    const truth = await run(await folder(), 'full');
    expect(truth.manifest.refresh).toEqual({ mode: 'full' });
    expect(changed.manifest.quality).toEqual(truth.manifest.quality);
    expect(await contents(changed)).toEqual(await contents(truth));
  });

  it('misses and doubles no row while a writer inserts at the boundary between copied and re-read months', async () => {
    const out = await folder();
    await run(out, 'incremental');
    const all = await months();
    const [newest, beforeNewest] = [all.at(-1)!, all.at(-2)!];
    const [year, month] = newest.split('-').map(Number) as [number, number];
    const next = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
    // The last day of the month before the newest (copied unless it changed), the first day of the newest (always
    // re-read: the overlap) and the first day of a month the previous snapshot does not have.
    const lastDay = new Date(Date.UTC(year, month - 1, 0)).toISOString().slice(0, 10);
    const days = [lastDay, `${newest}-01`, next];
    expect(lastDay.startsWith(beforeNewest)).toBe(true);

    const writer = await mysql.createConnection({ ...connection, database: DATABASE });
    let inserted = 0;
    let writing = true;
    // Every marker line has a unique amount, so a copy made twice or a line lost shows in the published amounts.
    const loop = (async () => {
      while (writing) {
        const n = inserted + 1;
        await writer.query(
          `INSERT INTO transactions SELECT product_code, customer_code, market_code, ?, 1, ?, 'INR'
           FROM transactions LIMIT 1`,
          [days[n % days.length], MARKER + n],
        );
        inserted = n;
        await sleep(2);
      }
    })();
    const markers = async (result: PublishResult) =>
      ((await contents(result)).facts as unknown[][])
        .map((row) => Number(row[COLUMN.revenue]) - MARKER)
        .filter((n) => n > 0)
        .sort((a, b) => a - b);
    const prefix = (k: number) => Array.from({ length: k }, (_, i) => i + 1);
    try {
      for (let i = 0; i < 3; i++) {
        const result = await run(out, 'incremental');
        expect(result.manifest.refresh?.mode).toBe('incremental');
        // One writer's autocommit inserts are seen by a consistent snapshot as a prefix of their order.
        const seen = await markers(result);
        expect(seen).toEqual(prefix(seen.length));
      }
    } finally {
      writing = false;
      await loop;
      await writer.end();
    }
    expect(inserted).toBeGreaterThan(0);
    const last = await run(out, 'incremental');
    expect(await markers(last)).toEqual(prefix(inserted));
    expect(await contents(last)).toEqual(await contents(await run(await folder(), 'full')));
  });

  it('reads everything again when the cleaning rules changed, because copied months were cleaned by the old ones', async () => {
    const out = await folder();
    await run(out, 'incremental');
    const rerated = await run(out, 'incremental', { INR: 1, USD: 80 });
    expect(rerated.manifest.refresh).toEqual({
      mode: 'full',
      reason: expect.stringMatching(/cleaning rules, profit columns or contract changed/),
    });
    const truth = await run(await folder(), 'full', { INR: 1, USD: 80 });
    expect(await contents(rerated)).toEqual(await contents(truth));
  });

  it('CLI: `publish --mode incremental` reports what it read and copied; bad modes are usage errors (exit 2)', async () => {
    const out = await folder();
    const url = `mysql://${db.user}@${db.host}:${db.port}/${DATABASE}`;
    const publishCli = async (...extra: string[]) => {
      const { stdout, stderr } = await exec(
        process.execPath,
        [cli, 'publish', '--source', url, '--out', out, ...extra],
        {
          env: { ...process.env, MYSQL_PWD: db.password },
        },
      );
      return { stdout, stderr };
    };
    await publishCli('--mode', 'incremental');
    const { stdout } = await publishCli('--mode', 'incremental', '--overlap-months', '2', '--json');
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(summary.refresh).toMatchObject({ mode: 'incremental', months_read: 2 });
    const { stderr } = await publishCli('--mode', 'incremental');
    expect(stderr).toMatch(/incremental: read 1 months, copied \d+ unchanged months \(\d+ rows\) from \d{8}T/);

    await expect(publishCli('--mode', 'sideways')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--mode must be "full" or "incremental"/),
    });
    await expect(
      exec(process.execPath, [cli, 'publish', '--source', 'sample', '--out', out, '--mode', 'incremental']),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/--mode incremental needs a MySQL source/) });
  });
});
