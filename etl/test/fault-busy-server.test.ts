import { userInfo } from 'node:os';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDatabase } from '../src/seed.ts';
import { MySqlSource } from '../src/source/mysql.ts';
import { SOURCE_TABLES } from '../src/source/source.ts';

const db = inject('mariadb');
const DATABASE = 'fault_busy';
const SLOW = 'fault_busy_slow';
const ROWS = 100_000;
const READER = 'atliq_reader';
const READER_PASSWORD = 'reader-pw-for-tests';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
let admin: mysql.Connection;

beforeAll(async () => {
  const { host, port, user, password } = db;
  admin = await mysql.createConnection({ host, port, user, password });
  await seedDatabase(admin, { rows: ROWS, database: DATABASE });
  // The harness's TCP user has no GRANT OPTION; the OS user logs in as the server's root over the socket.
  const root = await mysql.createConnection({ socketPath: db.socket, user: userInfo().username });
  try {
    await root.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [READER, db.host, READER_PASSWORD]);
    // The least-privilege account of the README: read the tables, and read replication lag on a replica.
    await root.query(`GRANT SELECT ON ${DATABASE}.* TO ?@?`, [READER, db.host]);
    await root.query('GRANT SLAVE MONITOR ON *.* TO ?@?', [READER, db.host]);
  } finally {
    await root.end();
  }
});
afterAll(async () => {
  await admin?.end();
});

async function source(options: Partial<Parameters<typeof MySqlSource.create>[0]> = {}) {
  const notices: string[] = [];
  const src = await MySqlSource.create({ ...db, database: DATABASE, onNotice: (m) => notices.push(m), ...options });
  return { src, notices };
}

const columns = SOURCE_TABLES.transactions;

describe('fault: a busy or misconfigured live server', () => {
  it('warns when the account can write, and not for a SELECT-only account', async () => {
    const writer = await source();
    await writer.src.close();
    expect(writer.notices).toEqual([
      expect.stringMatching(/account atliq_test can write \(ALL PRIVILEGES ON \*\.\*\)/),
    ]);
    const reader = await source({ user: READER, password: READER_PASSWORD });
    await reader.src.close();
    expect(reader.notices).toEqual([]);
  });

  it('the statement timeout stops an extract that runs too long, with a message that says so', async () => {
    // A slow sink alone is not enough: the kernel's socket buffers can take all 100k rows, and a server that has
    // sent every row finished its statement in time (CI saw that). A view that sleeps 0.1 ms per row keeps the
    // server itself busy for ~10 s.
    await admin.query(`CREATE DATABASE IF NOT EXISTS ${SLOW}`);
    await admin.query(
      `CREATE OR REPLACE VIEW ${SLOW}.transactions AS SELECT * FROM ${DATABASE}.transactions WHERE SLEEP(0.0001) = 0`,
    );
    const { src } = await source({ database: SLOW, statementTimeoutMs: 1000, batchRows: 1000 });
    try {
      const run = src.withSnapshot((snapshot) => snapshot.streamTable('transactions', columns, () => sleep(10)));
      await expect(run).rejects.toThrow(/reading transactions failed after \d+ rows: .*statement timeout stopped it/);
    } finally {
      await src.close();
    }
  });

  it('never reads faster than --max-rows-per-second, and still reads every row', async () => {
    const { src } = await source({ maxRowsPerSecond: 50_000 });
    const arrivals: { at: number; rows: number }[] = [];
    const started = performance.now();
    let seen = 0;
    try {
      const rows = await src.withSnapshot((snapshot) =>
        snapshot.streamTable('transactions', columns, (batch) => {
          seen += batch.length;
          arrivals.push({ at: performance.now() - started, rows: seen });
        }),
      );
      expect(rows).toBe(ROWS);
    } finally {
      await src.close();
    }
    // A lower bound only (a slow machine makes it longer, never shorter): the first tenth of a second's batch
    // is free, every later one waits for its due time.
    for (const { at, rows } of arrivals) expect(at).toBeGreaterThanOrEqual(((rows - 5_000) / 50_000) * 1000 - 20);
    expect(arrivals.at(-1)!.at).toBeGreaterThanOrEqual(1_800);
  });

  it('pauses the extract while Threads_running is above the threshold, then reads every row', async () => {
    const [[status]] = (await admin.query("SHOW GLOBAL STATUS LIKE 'Threads_running'")) as unknown as [
      { Value: string }[],
    ];
    const idle = Number(status!.Value);
    const { host, port, user, password } = db;
    // Five sessions running a query for two seconds push Threads_running well above what the ETL alone adds.
    const sleepers = await Promise.all(
      Array.from({ length: 5 }, () => mysql.createConnection({ host, port, user, password })),
    );
    const { src, notices } = await source({
      busy: { maxThreadsRunning: idle + 3, checkEveryMs: 0, pauseMs: 200, maxReplicaLagSeconds: 0 },
    });
    try {
      const busy = Promise.all(sleepers.map((c) => c.query('SELECT SLEEP(2)')));
      await sleep(300);
      // A sink that takes a little time per batch, so the stream is still running when the first check answers.
      const rows = await src.withSnapshot((snapshot) => snapshot.streamTable('transactions', columns, () => sleep(20)));
      await busy;
      expect(rows).toBe(ROWS);
      expect(notices).toEqual([
        expect.stringMatching(/can write/),
        expect.stringMatching(/server busy \(Threads_running \d+ > \d+\): pausing the extract/),
        expect.stringMatching(/server no longer busy: resuming the extract after [\d.]+ s/),
      ]);
    } finally {
      await src.close();
      await Promise.all(sleepers.map((c) => c.end()));
    }
  });
});
