/** The two reference pipelines the benchmark compares our publish with. */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import mysql from 'mysql2';
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
