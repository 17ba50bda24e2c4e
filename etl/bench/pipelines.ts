/** The two reference pipelines the benchmark compares our publish with. */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import mysql from 'mysql2';
import mysqlPromise from 'mysql2/promise';
import { SOURCE_TABLES } from '../src/source/source.ts';

export interface Server {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export interface Timed {
  rows: number;
  seconds: number;
}

const SELECT = `SELECT ${SOURCE_TABLES.transactions.join(', ')} FROM transactions`;

/** The ceiling: mysql2 streaming every transaction as arrays into nothing. */
export async function bareStream(s: Server): Promise<Timed> {
  const conn = mysql.createConnection({ ...s, dateStrings: true, supportBigNumbers: true });
  const started = performance.now();
  let rows = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      conn.once('error', reject);
      const query = conn.query({ sql: SELECT, rowsAsArray: true });
      query.on('result', () => {
        rows++;
      });
      query.on('error', reject);
      query.on('end', () => resolve());
    });
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    conn.end();
  }
}

/**
 * What a user might write first: the `mariadb` client in batch mode writes TSV, DuckDB reads it with `read_csv`
 * and writes one zstd Parquet file. Timed from the client's start to the Parquet file being closed.
 */
export async function naivePipeline(s: Server, dir: string): Promise<Timed> {
  const tsv = join(dir, 'naive.tsv');
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const client = spawn(
      'mariadb',
      ['--batch', '--quick', `--host=${s.host}`, `--port=${s.port}`, `--user=${s.user}`, s.database, '-e', SELECT],
      { env: { ...process.env, MYSQL_PWD: s.password }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    client.stdout.pipe(createWriteStream(tsv));
    client.once('error', reject);
    client.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`mariadb exited ${code}`))));
  });
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const db = await instance.connect();
  try {
    const result = await db.runAndReadAll(
      `COPY (SELECT * FROM read_csv('${tsv}', delim = '\t', header = true, quote = '', new_line = '\\n', strict_mode = false))
       TO '${join(dir, 'naive.parquet')}' (FORMAT parquet, COMPRESSION zstd)`,
    );
    const rows = Number(result.getRows()[0]?.[0] ?? 0);
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/**
 * Has InnoDB write out every dirty page now (the bench's private server: `innodb_max_dirty_pages_pct` 0 for the
 * while) and waits (at most 60 s) until none is left; returns the seconds waited. Left alone, a seeded server
 * flushes in the background for minutes, and a writer timed meanwhile measures that.
 */
export async function waitForCleanBufferPool(s: Server): Promise<number> {
  const conn = await mysqlPromise.createConnection(s);
  const started = performance.now();
  const status = async (sql: string) => Number(((await conn.query(sql))[0] as { Value: string }[])[0]?.Value ?? 0);
  const pct = await status("SHOW GLOBAL VARIABLES LIKE 'innodb_max_dirty_pages_pct'");
  try {
    await conn.query('SET GLOBAL innodb_max_dirty_pages_pct = 0');
    while (performance.now() - started < 60_000) {
      if ((await status("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'")) === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    return (performance.now() - started) / 1000;
  } finally {
    await conn.query(`SET GLOBAL innodb_max_dirty_pages_pct = ${pct}`);
    await conn.end();
  }
}
