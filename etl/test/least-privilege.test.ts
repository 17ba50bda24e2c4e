/**
 * The README's least-privilege account on a stock MariaDB, whose install gives PUBLIC every privilege on the `test`
 * and `test\_%` databases: the "account can write" warning is about the source database only (issue 14).
 */
import { userInfo } from 'node:os';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MySqlSource } from '../src/source/mysql.ts';
import { type MariaDB, startMariaDB } from './mariadb.ts';

const READER = 'atliq_etl';
const PASSWORD = 'least-privilege-pw';
let server: MariaDB;

beforeAll(async () => {
  server = await startMariaDB({ stock: true });
  const root = await mysql.createConnection({ socketPath: server.socket, user: userInfo().username });
  try {
    for (const database of ['sales', 'test_sales']) await root.query(`CREATE DATABASE ${database}`);
    await root.query('CREATE USER ?@? IDENTIFIED BY ?', [READER, server.host, PASSWORD]);
    // The README's account: read the source, and read replication lag on a replica.
    for (const database of ['sales', 'test_sales'])
      await root.query(`GRANT SELECT ON ${database}.* TO ?@?`, [READER, server.host]);
    await root.query('GRANT SLAVE MONITOR ON *.* TO ?@?', [READER, server.host]);
  } finally {
    await root.end();
  }
});
afterAll(async () => {
  await server?.stop();
});

/** The notices of connecting to `database` as the least-privilege account. */
async function notices(database: string): Promise<string[]> {
  const found: string[] = [];
  const { host, port } = server;
  const source = await MySqlSource.create({
    host,
    port,
    user: READER,
    password: PASSWORD,
    database,
    onNotice: (m) => found.push(m),
  });
  await source.close();
  return found;
}

describe('the "can write" warning on a stock MariaDB', () => {
  it('the stock install does give PUBLIC write privileges on test and test\\_%, which SHOW GRANTS lists', async () => {
    const conn = await mysql.createConnection({
      host: server.host,
      port: server.port,
      user: READER,
      password: PASSWORD,
    });
    try {
      const [rows] = await conn.query('SHOW GRANTS');
      const grants = (rows as Record<string, string>[]).map((r) => Object.values(r)[0]);
      expect(grants).toContainEqual(expect.stringMatching(/^GRANT .*\bINSERT\b.* ON `test`\.\* TO PUBLIC$/));
      expect(grants).toContainEqual(expect.stringMatching(/^GRANT .*\bINSERT\b.* ON `test\\_%`\.\* TO PUBLIC$/));
    } finally {
      await conn.end();
    }
  });

  it('is not printed for a SELECT-only account reading a database PUBLIC cannot write', async () => {
    expect(await notices('sales')).toEqual([]);
  });

  it('is printed when the source itself is one PUBLIC can write (test_sales matches test\\_%)', async () => {
    expect(await notices('test_sales')).toEqual([
      expect.stringMatching(
        /^the MySQL account atliq_etl can write \(.*\bINSERT\b.* ON `test\\_%`\.\*\); the ETL only reads/,
      ),
    ]);
  });
});
