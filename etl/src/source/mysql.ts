import mysql from 'mysql2';
import { EtlError } from '../errors.ts';
import type { SourceConnection, SourceInfo, SourceSnapshot, SourceTableName, SourceValue } from './source.ts';

/** How to reach the source database. The password never leaves this object (not logged, not published). */
export interface MySqlOptions {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** Fail the connect after this long (ms). */
  connectTimeoutMs?: number;
  /** Rows handed to the sink per batch. */
  batchRows?: number;
}

const quoteId = (id: string) => `\`${id.replaceAll('`', '``')}\``;

/**
 * The live OLTP database over mysql2, read inside one `START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY`
 * (REPEATABLE READ), streamed row by row as arrays with pause/resume back-pressure.
 */
export class MySqlSource implements SourceConnection {
  readonly info: SourceInfo;

  private constructor(
    private readonly conn: mysql.Connection,
    private readonly options: MySqlOptions,
  ) {
    this.info = { kind: 'mysql', server: `${options.host}:${options.port}`, database: options.database };
    // Without a permanent listener a dying server crashes the process; the running call rejects on its own.
    conn.on('error', () => {});
  }

  static async create(options: MySqlOptions): Promise<MySqlSource> {
    const conn = mysql.createConnection({
      host: options.host,
      port: options.port,
      user: options.user,
      password: options.password,
      database: options.database,
      connectTimeout: options.connectTimeoutMs ?? 10_000,
      // Date objects shift a day in some time zones; DATE stays 'YYYY-MM-DD' text.
      dateStrings: true,
      supportBigNumbers: true,
    });
    await new Promise<void>((resolve, reject) => {
      conn.connect((err) => (err ? reject(connectError(err, options)) : resolve()));
    });
    return new MySqlSource(conn, options);
  }

  async withSnapshot<T>(fn: (snapshot: SourceSnapshot) => Promise<T>): Promise<T> {
    await this.run('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await this.run('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    try {
      const [row] = (await this.run('SELECT DATE_FORMAT(UTC_TIMESTAMP(3), "%Y-%m-%dT%H:%i:%s.%fZ") AS t')) as {
        t: string;
      }[];
      const snapshotAt = new Date(row!.t.replace(/(\.\d{3})\d*Z$/, '$1Z'));
      return await fn({
        snapshotAt,
        columns: (table) => this.columns(table),
        streamTable: (table, columns, onRows) => this.stream(table, columns, onRows),
      });
    } finally {
      await this.run('ROLLBACK').catch(() => {});
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.conn.end(() => resolve()));
    this.conn.destroy();
  }

  private async columns(table: SourceTableName): Promise<string[]> {
    const rows = (await this.run(
      'SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
      [this.options.database, table],
    )) as { c: string }[];
    return rows.map((r) => r.c);
  }

  private run(sql: string, values: unknown[] = []): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const onConnError = (err: Error) => reject(queryError(err, sql));
      this.conn.once('error', onConnError);
      this.conn.query(sql, values, (err, rows) => {
        this.conn.off('error', onConnError);
        if (err) reject(queryError(err, sql));
        else resolve(rows as unknown[]);
      });
    });
  }

  private stream(
    table: SourceTableName,
    columns: readonly string[],
    onRows: (rows: SourceValue[][]) => void | Promise<void>,
  ): Promise<number> {
    const sql = `SELECT ${columns.map(quoteId).join(', ')} FROM ${quoteId(table)}`;
    const batchRows = this.options.batchRows ?? 8192;
    return new Promise((resolve, reject) => {
      let total = 0;
      let batch: SourceValue[][] = [];
      let failed = false;
      const fail = (err: Error) => {
        if (failed) return;
        failed = true;
        this.conn.off('error', fail);
        reject(new EtlError(`reading ${table} failed after ${total} rows: ${err.message}`, { cause: err, table }));
      };
      // A server that dies mid-query only surfaces as a connection error: without this the stream hangs forever.
      this.conn.once('error', fail);
      const flush = (rows: SourceValue[][]) => {
        this.conn.pause();
        Promise.resolve()
          .then(() => onRows(rows))
          .then(() => this.conn.resume(), fail);
      };
      const query = this.conn.query({ sql, rowsAsArray: true });
      query.on('result', (row) => {
        batch.push(row as unknown as SourceValue[]);
        total++;
        if (batch.length >= batchRows) {
          const rows = batch;
          batch = [];
          flush(rows);
        }
      });
      query.on('error', fail);
      query.on('end', () => {
        if (failed) return;
        this.conn.off('error', fail);
        Promise.resolve()
          .then(() => (batch.length ? onRows(batch) : undefined))
          .then(() => resolve(total), fail);
      });
    });
  }
}

function connectError(err: NodeJS.ErrnoException, o: MySqlOptions): EtlError {
  const where = `${o.user}@${o.host}:${o.port}/${o.database}`;
  const hint =
    err.code === 'ECONNREFUSED'
      ? 'is the server running and listening on TCP there?'
      : err.code === 'ER_ACCESS_DENIED_ERROR'
        ? 'check the user and the password (MYSQL_PWD or --password-file)'
        : err.code === 'ER_BAD_DB_ERROR'
          ? 'the database does not exist on that server'
          : 'check host, port and network';
  return new EtlError(`cannot connect to MySQL ${where}: ${err.message} — ${hint}`, { cause: err });
}

function queryError(err: Error, sql: string): EtlError {
  return new EtlError(`MySQL query failed: ${err.message}`, { cause: err, sql });
}
