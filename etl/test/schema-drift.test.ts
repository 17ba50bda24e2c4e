import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_RULES } from '../src/config.ts';
import { publish } from '../src/publish/publish.ts';
import { seedDatabase } from '../src/seed.ts';
import { MySqlSource } from '../src/source/mysql.ts';

const db = inject('mariadb');
const ROWS = 3_000;
const cli = join(import.meta.dirname, '../bin/atliq-etl.mjs');
let out: string;
let conn: mysql.Connection;

/** A fresh generated database, then `alter` applied to it: the drifted schema under test. */
async function drifted(database: string, alter: string[], withProfit = false): Promise<void> {
  await seedDatabase(conn, { rows: ROWS, database, withProfit });
  for (const sql of alter) await conn.query(sql.replaceAll('$db', `\`${database}\``));
}

async function publishFrom(database: string, schemaDrift?: 'error' | 'warn') {
  const source = await MySqlSource.create({ ...db, database });
  try {
    const rules = schemaDrift ? { ...DEFAULT_RULES, schemaDrift } : DEFAULT_RULES;
    return await publish({ source, out: join(out, database), rules });
  } finally {
    await source.close();
  }
}

beforeAll(async () => {
  conn = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  out = await mkdtemp(join(tmpdir(), 'atliq-drift-'));
});
afterAll(async () => {
  await conn?.end();
  await rm(out, { recursive: true, force: true });
});

describe('schema drift against MariaDB', () => {
  it('reads column types from information_schema, normalised', async () => {
    await drifted('drift_types', ['ALTER TABLE $db.transactions MODIFY sales_amount DECIMAL(12,2), ADD note TEXT']);
    const source = await MySqlSource.create({ ...db, database: 'drift_types' });
    try {
      const columns = await source.withSnapshot((s) => s.columns('transactions'));
      expect(columns).toEqual([
        { name: 'product_code', type: 'text' },
        { name: 'customer_code', type: 'text' },
        { name: 'market_code', type: 'text' },
        { name: 'order_date', type: 'date' },
        { name: 'sales_qty', type: 'integer' },
        { name: 'sales_amount', type: 'decimal' },
        { name: 'currency', type: 'text' },
        { name: 'note', type: 'text' },
      ]);
      expect(await source.withSnapshot((s) => s.columns('date'))).toContainEqual({ name: 'year', type: 'integer' });
    } finally {
      await source.close();
    }
  });

  it('publishes a new and a retyped column with warnings in the manifest under "warn"', async () => {
    await drifted('drift_warn', [
      'ALTER TABLE $db.transactions ADD discount DOUBLE DEFAULT 0',
      'ALTER TABLE $db.transactions MODIFY sales_amount VARCHAR(32)',
    ]);
    const { manifest } = await publishFrom('drift_warn', 'warn');
    expect(manifest.quality.rows_read).toBe(ROWS);
    expect(manifest.quality.warnings).toEqual([
      'schema: column transactions.sales_amount is text, expected float or decimal or integer; each value is still parsed and checked by the rules',
      'schema: unexpected new column transactions.discount (float), not published',
    ]);
    const baseline = await publishFrom('drift_types');
    expect(manifest.quality.rows_published).toBe(baseline.manifest.quality.rows_published);
    expect(baseline.manifest.quality.warnings).toEqual([
      'schema: unexpected new column transactions.note (text), not published',
    ]);
  });

  it('fails the run under "error" and leaves no manifest behind', async () => {
    await drifted('drift_error', ['ALTER TABLE $db.transactions ADD discount DOUBLE']);
    await expect(publishFrom('drift_error', 'error')).rejects.toThrow(
      /schema drifted: unexpected new column transactions\.discount \(float\)/,
    );
    await expect(readFile(join(out, 'drift_error', 'manifest.json'))).rejects.toThrow(/ENOENT/);
  });

  it('always fails on a missing required column, naming table and column', async () => {
    await drifted('drift_missing', ['ALTER TABLE $db.markets DROP COLUMN zone']);
    await expect(publishFrom('drift_missing', 'warn')).rejects.toMatchObject({
      name: 'EtlError',
      table: 'markets',
      message: expect.stringMatching(/lacks required columns: markets\.zone/),
    });
  });

  it('publishes schema v2 with profit and no warnings; a half-present profit group warns', async () => {
    await drifted('drift_v2', [], true);
    const v2 = await publishFrom('drift_v2');
    expect(v2.manifest.measures.profit).toBe(true);
    expect(v2.manifest.quality.warnings).toEqual([]);
    await conn.query('ALTER TABLE `drift_v2`.transactions DROP COLUMN cost_price');
    const half = await publishFrom('drift_v2');
    expect(half.manifest.measures.profit).toBe(false);
    expect(half.manifest.quality.warnings).toEqual([
      'schema: transactions has profit_margin_percentage, profit_margin but not cost_price: profit not published',
    ]);
  });

  it('CLI --on-schema-drift error exits 1 with the drift named; a bad policy is a usage error', async () => {
    const url = `mysql://${db.user}@${db.host}:${db.port}/drift_error`;
    const env = { ...process.env, MYSQL_PWD: db.password };
    const args = [cli, 'publish', '--source', url, '--out', join(out, 'cli')];
    await expect(
      promisify(execFile)(process.execPath, [...args, '--on-schema-drift', 'error'], { env }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/transactions\.discount.*--on-schema-drift warn/),
    });
    await expect(
      promisify(execFile)(process.execPath, [...args, '--on-schema-drift', 'ignore'], { env }),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--on-schema-drift: must be "error" or "warn"/),
    });
  });
});
