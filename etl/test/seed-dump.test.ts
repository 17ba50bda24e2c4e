import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const db = inject('mariadb');
const cli = join(import.meta.dirname, '../bin/atliq-etl.mjs');
const env = { ...process.env, MYSQL_PWD: db.password };
const url = (database: string) => `mysql://${db.user}@${db.host}:${db.port}/${database}`;

/** A miniature of the original MySQL 8 dumps: the same header, collation, versioned comments and CRLF endings. */
const DUMP = [
  "CREATE DATABASE  IF NOT EXISTS `sales` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci */ /*!80016 DEFAULT ENCRYPTION='N' */;",
  'USE `sales`;',
  '-- MySQL dump 10.13  Distrib 8.0.20, for Win64 (x86_64)',
  '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;',
  '/*!50503 SET NAMES utf8 */;',
  "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;",
  'DROP TABLE IF EXISTS `transactions`;',
  'CREATE TABLE `transactions` (',
  '  `product_code` varchar(45) DEFAULT NULL,',
  '  `sales_amount` double DEFAULT NULL,',
  '  `currency` varchar(45) DEFAULT NULL',
  ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;',
  'LOCK TABLES `transactions` WRITE;',
  "INSERT INTO `transactions` VALUES ('Prod001',41241,'INR\\r'),('Prod;002',-1,'INR'),('it''s',0.5,'USD\\r');",
  "INSERT INTO `transactions` VALUES ('Prod003',875,'USD');",
  'UNLOCK TABLES;',
  '/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;',
  '',
].join('\r\n');

let dir: string;
let conn: mysql.Connection;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atliq-dump-'));
  await writeFile(join(dir, 'db_dump.sql'), DUMP);
  await writeFile(join(dir, 'broken.sql'), `${DUMP}INSERT INTO \`nope\` VALUES (1);\r\n`);
  conn = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
});
afterAll(async () => {
  await conn?.end();
  await rm(dir, { recursive: true, force: true });
});

describe('CLI seed --dump', () => {
  it('loads a MySQL 8 dump into the database named in --source, byte for byte', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, 'seed', '--source', url('dump_target'), '--dump', join(dir, 'db_dump.sql'), '--json'],
      { env },
    );
    expect(JSON.parse(stdout.trim())).toMatchObject({ ok: true, database: 'dump_target', rows: { transactions: 4 } });
    const [rows] = await conn.query('SELECT product_code, sales_amount, currency FROM dump_target.transactions');
    expect(rows).toEqual([
      { product_code: 'Prod001', sales_amount: 41241, currency: 'INR\r' },
      { product_code: 'Prod;002', sales_amount: -1, currency: 'INR' },
      { product_code: "it's", sales_amount: 0.5, currency: 'USD\r' },
      { product_code: 'Prod003', sales_amount: 875, currency: 'USD' },
    ]);
    const [collation] = await conn.query(
      "SELECT TABLE_COLLATION AS c FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'dump_target'",
    );
    expect(collation).toEqual([{ c: 'utf8mb4_unicode_520_ci' }]);
    const [sales] = await conn.query("SHOW DATABASES LIKE 'sales'");
    expect(sales).toEqual([]);
  });

  it('fails with exit code 1 naming the statement that the server refused', async () => {
    const run = promisify(execFile)(
      process.execPath,
      [cli, 'seed', '--source', url('dump_broken'), '--dump', join(dir, 'broken.sql')],
      { env },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/broken\.sql failed at statement 13 \(INSERT INTO `nope`.*doesn't exist/),
    });
  });

  it('refuses a missing file and --rows with --dump as usage errors (exit 2)', async () => {
    const missing = promisify(execFile)(
      process.execPath,
      [cli, 'seed', '--source', url('x'), '--dump', '/no/such.sql'],
      {
        env,
      },
    );
    await expect(missing).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/no such file/) });
    const both = promisify(execFile)(
      process.execPath,
      [cli, 'seed', '--source', url('x'), '--dump', join(dir, 'db_dump.sql'), '--rows', '5'],
      { env },
    );
    await expect(both).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot be combined/) });
  });
});
