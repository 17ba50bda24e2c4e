import mysql from 'mysql2';
import { EtlError } from '../errors.ts';
import { BusyGuard, type BusyPolicy, DEFAULT_BUSY_POLICY } from './busy-guard.ts';
import { connectError, describeError, queryError } from './mysql-errors.ts';
import { serverFlavor, statementTimeoutSql, writeGrants } from './mysql-session.ts';
import { totalsFromRows, totalsSql } from './mysql-totals.ts';
import {
  columnKind,
  type MonthFingerprint,
  type MonthSkip,
  type SourceColumn,
  type SourceConnection,
  type SourceInfo,
  type SourceSnapshot,
  type SourceTableName,
  type SourceValue,
} from './source.ts';

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
  /** The server stops any statement of the ETL's session running longer than this (ms; 0: never). Default 1 h. */
  statementTimeoutMs?: number;
  /** Never read faster than this many rows a second, whatever the server could give (0 or absent: no limit). */
  maxRowsPerSecond?: number;
  /** When to pause the extract for a busy server or a lagging replica; defaults in DEFAULT_BUSY_POLICY. */
  busy?: Partial<BusyPolicy>;
  /** Warnings and back-off notices meant for the operator. */
  onNotice?: (message: string) => void;
}

const DEFAULT_STATEMENT_TIMEOUT_MS = 3_600_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const quoteId = (id: string) => `\`${id.replaceAll('`', '``')}\``;
/** `YYYY-MM` of a date column, NULL for a missing or invalid date. */
const monthOf = (column: string) => `DATE_FORMAT(${quoteId(column)}, '%Y-%m')`;

/**
 * The live OLTP database over mysql2, read inside one `START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY`
 * (REPEATABLE READ), streamed row by row as arrays with pause/resume back-pressure.
 */
export class MySqlSource implements SourceConnection {
  readonly info: SourceInfo;
  /** Set once the connection failed for good: `end()` would then wait for a server that is gone. */
  private lost = false;
  /** Watches server load between batches; null when the busy policy turns every check off. */
  private guard: BusyGuard | null = null;

  private constructor(
    private readonly conn: mysql.Connection,
    private readonly options: MySqlOptions,
  ) {
    this.info = { kind: 'mysql', server: `${options.host}:${options.port}`, database: options.database };
    // Without a permanent listener a dying server crashes the process; the running call rejects on its own.
    conn.on('error', () => {
      this.lost = true;
    });
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
    const source = new MySqlSource(conn, options);
    try {
      await source.prepareSession();
    } catch (err) {
      await source.close();
      throw err;
    }
    return source;
  }

  /** Statement timeout, a warning for an account that can write, and the busy-server guard. */
  private async prepareSession(): Promise<void> {
    const { host, port, user, password, database } = this.options;
    const notice = this.options.onNotice ?? (() => {});
    const [version] = (await this.run('SELECT VERSION() AS v')) as { v: string }[];
    const flavor = serverFlavor(version!.v);
    await this.run(statementTimeoutSql(flavor, this.options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS));
    const grants = ((await this.run('SHOW GRANTS')) as Record<string, string>[]).map((r) => Object.values(r)[0]!);
    const writes = writeGrants(grants, database);
    if (writes.length) {
      notice(
        `the MySQL account ${user} can write (${writes.join('; ')}); the ETL only reads — ` +
          `give it a SELECT-only account (README: "least-privilege account")`,
      );
    }
    const policy = { ...DEFAULT_BUSY_POLICY, ...this.options.busy };
    if (policy.maxThreadsRunning > 0 || policy.maxReplicaLagSeconds > 0) {
      this.guard = await BusyGuard.create({ host, port, user, password, database }, policy, flavor, notice);
    }
  }

  async withSnapshot<T>(fn: (snapshot: SourceSnapshot) => Promise<T>): Promise<T> {
    await this.untilQuiet();
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
        streamTable: (table, columns, onRows, skip) => this.stream(table, columns, onRows, skip),
        monthFingerprints: (table, column, columns) => this.fingerprints(table, column, columns),
        totals: async (withProfit) => totalsFromRows(await this.run(totalsSql(withProfit)), withProfit),
      });
    } finally {
      await this.run('ROLLBACK').catch(() => {});
    }
  }

  async close(): Promise<void> {
    await this.guard?.close();
    if (!this.lost) await new Promise<void>((resolve) => this.conn.end(() => resolve()));
    this.conn.destroy();
  }

  private async columns(table: SourceTableName): Promise<SourceColumn[]> {
    const rows = (await this.run(
      'SELECT COLUMN_NAME AS c, DATA_TYPE AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
      [this.options.database, table],
    )) as { c: string; t: string }[];
    return rows.map((r) => ({ name: r.c, type: columnKind(r.t) }));
  }

  /**
   * Before the snapshot is taken: waiting out a lagging replica then gives a fresher snapshot, and a stream checks
   * the server only between batches, so a small table could be read before the first answer arrives.
   */
  private async untilQuiet(): Promise<void> {
    const reason = await this.guard?.check();
    if (reason) await this.guard!.waitUntilQuiet(reason);
  }

  private async fingerprints(
    table: SourceTableName,
    column: string,
    columns: readonly string[],
  ): Promise<MonthFingerprint[]> {
    // A marker stands for NULL so that NULL and '' (or a NULL moving between columns) hash differently.
    const values = columns.map((c) => `COALESCE(${quoteId(c)}, '#NULL#')`).join(', ');
    const rows = (await this.run(
      `SELECT ${monthOf(column)} AS m, COUNT(*) AS n, CAST(SUM(CRC32(CONCAT_WS('|', ${values}))) AS CHAR) AS c
       FROM ${quoteId(table)} GROUP BY m ORDER BY m`,
    )) as { m: string | null; n: number | string; c: string | null }[];
    return rows.map((r) => ({ month: r.m, rows: Number(r.n), checksum: r.c ?? '0' }));
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
    skip?: MonthSkip,
  ): Promise<number> {
    // The same month expression as the fingerprints, so a skipped month is exactly the rows they counted; rows
    // without a valid date (NULL month) are never skipped.
    const where = skip?.months.length
      ? ` WHERE COALESCE(${monthOf(skip.column)} NOT IN (${skip.months.map(() => '?').join(', ')}), TRUE)`
      : '';
    const sql = mysql.format(`SELECT ${columns.map(quoteId).join(', ')} FROM ${quoteId(table)}${where}`, [
      ...(skip?.months ?? []),
    ]);
    const rate = this.options.maxRowsPerSecond ?? 0;
    // Batches of at most a tenth of a second's worth keep a rate-limited stream smooth.
    const batchRows = Math.min(this.options.batchRows ?? 8192, rate > 0 ? Math.max(1, Math.ceil(rate / 10)) : Infinity);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      let total = 0;
      let batch: SourceValue[][] = [];
      let failed = false;
      // The sink's own failure (e.g. a full disk where it stages the rows) is not a read error: it passes unchanged,
      // so the caller can still tell what it was.
      const sinkFailed = (err: unknown) => {
        if (failed) return;
        failed = true;
        this.conn.off('error', fail);
        reject(err);
      };
      const fail = (err: Error) =>
        sinkFailed(
          new EtlError(`reading ${table} failed after ${total} rows: ${describeError(err)}`, { cause: err, table }),
        );
      // A server that dies mid-query only surfaces as a connection error: without this the stream hangs forever.
      this.conn.once('error', fail);
      // The connection is paused while anything holds it (a sink's promise, a busy server) and resumed when the
      // last hold ends. Pausing costs a round of socket back-pressure and, while paused, a dead server goes
      // unnoticed on this socket, so a sink that returns no promise (the staging spool while DuckDB keeps up) and the
      // busy check do not pause.
      const holds = new Set<Promise<unknown>>();
      // A busy check answering after the last row must not pause the connection the next table streams on.
      let ended = false;
      const hold = (work: Promise<unknown>, onError: (err: Error) => void = fail) => {
        if (holds.size === 0) this.conn.pause();
        const held = work.then(() => {
          holds.delete(held);
          if (holds.size === 0 && !failed) this.conn.resume();
        }, onError);
        holds.add(held);
      };
      const flush = (rows: SourceValue[][]) => {
        let pending: void | Promise<void>;
        try {
          pending = onRows(rows);
        } catch (err) {
          return sinkFailed(err);
        }
        if (pending) hold(pending, sinkFailed);
        // The rate limit: a batch that arrived ahead of schedule holds the connection until its due time.
        const ahead = rate > 0 ? started + (total / rate) * 1000 - performance.now() : 0;
        if (ahead > 1) hold(sleep(ahead));
        const guard = this.guard;
        if (guard?.due()) {
          guard.check().then((reason) => {
            if (reason && !failed && !ended) hold(guard.waitUntilQuiet(reason));
          }, fail);
        }
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
        ended = true;
        if (failed) return;
        this.conn.off('error', fail);
        // Rows parsed before a pause took effect can end the query while a sink still works: wait for it.
        Promise.all(holds)
          .then(() => (batch.length ? onRows(batch) : undefined))
          .then(() => resolve(total), sinkFailed);
      });
    });
  }
}
