import mysql, { type Connection, type RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateReferenceTables } from '../src/sample/reference-tables.ts';
import { transactionRows } from '../src/sample/transactions.ts';
import { seedDatabase } from '../src/seed.ts';
import type { SourceValue } from '../src/source/source.ts';

const ROWS = 20_000;
const SEED = 7;
const { host, port, user, password } = inject('mariadb');
const options = { host, port, user, password, dateStrings: true } as const;

/** Rows in a canonical order, since a table without a key has no defined one. */
const sorted = (rows: SourceValue[][]) => rows.map((row) => JSON.stringify(row)).sort();

describe('seedDatabase()', () => {
  let conn: Connection;
  const select = async (sql: string, values: unknown[] = []) =>
    (await conn.query<RowDataPacket[]>({ sql, values, rowsAsArray: true }))[0] as unknown as SourceValue[][];

  beforeAll(async () => {
    conn = await mysql.createConnection(options);
    const loaded = await seedDatabase(conn, { rows: ROWS, seed: SEED, database: 'seed_v1' });
    expect(loaded).toEqual({ transactions: ROWS, customers: 38, products: 279, markets: 17, date: 1126 });
  });
  afterAll(async () => {
    await conn?.end();
  });

  it('loads every table with as many rows as were generated', async () => {
    for (const [table, count] of [
      ['transactions', ROWS],
      ['customers', 38],
      ['products', 279],
      ['markets', 17],
      ['date', 1126],
    ] as const) {
      expect(await select(`SELECT COUNT(*) FROM seed_v1.\`${table}\``)).toEqual([[count]]);
    }
  });

  it('stores exactly the generated transactions, carriage returns and all', async () => {
    const stored = await select('SELECT * FROM seed_v1.transactions');
    expect(sorted(stored)).toEqual(sorted([...transactionRows({ rows: ROWS, seed: SEED })].flat()));
  });

  it("keeps the stray '\\r' in currency, product_type and date_yy_mmm", async () => {
    const currencies = await select(
      'SELECT HEX(currency), COUNT(*) FROM seed_v1.transactions GROUP BY currency ORDER BY HEX(currency)',
    );
    const generated = [...transactionRows({ rows: ROWS, seed: SEED })].flat();
    const expected = ['INR', 'INR\r', 'USD', 'USD\r']
      .map((c) => [Buffer.from(c).toString('hex').toUpperCase(), generated.filter((r) => r[6] === c).length])
      .filter(([, n]) => n !== 0);
    expect(currencies).toEqual(expected);
    expect(await select('SELECT DISTINCT product_type FROM seed_v1.products ORDER BY 1')).toEqual([
      ['Distribution\r'],
      ['Own Brand\r'],
    ]);
    expect(await select("SELECT date_yy_mmm FROM seed_v1.`date` WHERE `date` = '2019-03-15'")).toEqual([['19-Mar\r']]);
  });

  it('reads back the reference tables unchanged, custmer_name included', async () => {
    const reference = generateReferenceTables();
    expect(await select('SELECT customer_code, custmer_name, customer_type FROM seed_v1.customers ORDER BY 1')).toEqual(
      reference.customers,
    );
    expect(await select('SELECT * FROM seed_v1.markets ORDER BY 1')).toEqual(reference.markets);
    expect(await select('SELECT * FROM seed_v1.`date` ORDER BY 1')).toEqual(reference.date);
  });

  it('gives transactions no primary key or index, unlike the reference tables', async () => {
    const keys = await select(
      `SELECT table_name, COUNT(*) FROM information_schema.statistics
       WHERE table_schema = 'seed_v1' GROUP BY table_name ORDER BY table_name`,
    );
    expect(keys).toEqual([
      ['customers', 1],
      ['date', 1],
      ['markets', 1],
      ['products', 1],
    ]);
  });

  it('fills the schema-v2 profit columns on request, from connection options', async () => {
    const loaded = await seedDatabase(options, { rows: 5_000, seed: SEED, withProfit: true, database: 'seed_v2' });
    expect(loaded.transactions).toBe(5_000);
    const stored = await select('SELECT * FROM seed_v2.transactions');
    expect(stored[0]).toHaveLength(10);
    expect(sorted(stored)).toEqual(sorted([...transactionRows({ rows: 5_000, seed: SEED, withProfit: true })].flat()));
  });
});
