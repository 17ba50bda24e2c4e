import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../src/publish/publish.ts';
import { seedDatabase } from '../src/seed.ts';
import { MySqlSource } from '../src/source/mysql.ts';
import { type MariaDB, startMariaDB } from './mariadb.ts';

// A primary and a replica of their own: the suite's shared server has no binary log.
const DATABASE = 'replicated';
const ROWS = 20_000;
const READER = { user: 'atliq_reader', password: 'reader-pw-for-tests' };
let primary: MariaDB;
let replica: MariaDB;
let onPrimary: mysql.Connection;
let onReplica: mysql.Connection;
let out: string;

// The OS user is the server's root over the socket; the harness's TCP user has no GRANT OPTION.
const connect = ({ socket }: MariaDB) => mysql.createConnection({ socketPath: socket, user: userInfo().username });
const count = async (conn: mysql.Connection): Promise<number> => {
  const [[row]] = (await conn.query(`SELECT COUNT(*) AS n FROM ${DATABASE}.transactions`)) as unknown as [
    { n: number }[],
  ];
  return Number(row!.n);
};

async function caughtUp(): Promise<void> {
  const want = await count(onPrimary);
  for (let i = 0; i < 300; i++) {
    if ((await count(onReplica).catch(() => -1)) === want) return;
    await sleep(100);
  }
  throw new Error('the replica did not catch up in 30 s');
}

beforeAll(async () => {
  // One after the other: two bootstraps at once have collided on temporary tables.
  primary = await startMariaDB({ role: 'primary' });
  replica = await startMariaDB({ role: 'replica' });
  onPrimary = await connect(primary);
  onReplica = await connect(replica);
  await onPrimary.query("CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY 'repl-pw'");
  await onPrimary.query("GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1'");
  // Replicate from here on: both servers already created their own harness account.
  const [[at]] = (await onPrimary.query('SHOW MASTER STATUS')) as unknown as [{ File: string; Position: number }[]];
  await onReplica.query(
    `CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ?, MASTER_USER = 'repl', MASTER_PASSWORD = 'repl-pw',
     MASTER_LOG_FILE = ?, MASTER_LOG_POS = ?, MASTER_USE_GTID = no`,
    [primary.port, at!.File, at!.Position],
  );
  await onReplica.query('START SLAVE');
  // Everything below reaches the replica through the binary log, the reader account included.
  await seedDatabase(onPrimary, { rows: ROWS, database: DATABASE });
  await onPrimary.query('CREATE USER ?@? IDENTIFIED BY ?', [READER.user, '127.0.0.1', READER.password]);
  await onPrimary.query(`GRANT SELECT ON ${DATABASE}.* TO ?@?`, [READER.user, '127.0.0.1']);
  await onPrimary.query('GRANT SLAVE MONITOR ON *.* TO ?@?', [READER.user, '127.0.0.1']);
  await caughtUp();
  out = await mkdtemp(join(tmpdir(), 'atliq-replica-'));
}, 120_000);

afterAll(async () => {
  await onReplica?.end();
  await onPrimary?.end();
  await Promise.all([replica?.stop(), primary?.stop()]);
  if (out) await rm(out, { recursive: true, force: true });
});

describe('publish() from a read-only replica', () => {
  it('publishes what the primary holds, with a SELECT-only account and no warning', async () => {
    const notices: string[] = [];
    const source = await MySqlSource.create({
      host: replica.host,
      port: replica.port,
      ...READER,
      database: DATABASE,
      onNotice: (m) => notices.push(m),
    });
    try {
      const { manifest } = await publish({ source, out });
      expect(manifest.quality.rows_read).toBe(await count(onPrimary));
      expect(manifest.source.server).toBe(`127.0.0.1:${replica.port}`);
    } finally {
      await source.close();
    }
    expect(notices).toEqual([]);
  });

  it('pauses while the replica lags behind its primary more than the threshold, then reads every row', async () => {
    await onReplica.query('STOP SLAVE');
    await onReplica.query('CHANGE MASTER TO MASTER_DELAY = 5');
    await onReplica.query('START SLAVE');
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await onPrimary.query(
          `INSERT INTO ${DATABASE}.transactions SELECT product_code, customer_code, market_code, order_date, 1, 5, 'INR'
           FROM ${DATABASE}.transactions LIMIT 1`,
        );
        await sleep(100);
      }
    })();
    const notices: string[] = [];
    try {
      await sleep(4000);
      const source = await MySqlSource.create({
        host: replica.host,
        port: replica.port,
        ...READER,
        database: DATABASE,
        batchRows: 1000,
        busy: { maxThreadsRunning: 0, maxReplicaLagSeconds: 1, checkEveryMs: 0, pauseMs: 200 },
        onNotice: (m) => notices.push(m),
      });
      try {
        let done = false;
        const run = publish({ source, out }).finally(() => {
          done = true;
        });
        // Stop writing once the extract has paused, so the replica can catch up and the extract go on.
        while (!done && !notices.some((n) => n.includes('pausing'))) await sleep(50);
        writing = false;
        await writer;
        const { manifest } = await run;
        // The wait came before the snapshot: it holds every line written meanwhile.
        expect(manifest.quality.rows_read).toBe(await count(onPrimary));
        expect(manifest.quality.rows_read).toBeGreaterThan(ROWS);
      } finally {
        await source.close();
      }
    } finally {
      writing = false;
      await writer;
      await onReplica.query('STOP SLAVE');
      await onReplica.query('CHANGE MASTER TO MASTER_DELAY = 0');
      await onReplica.query('START SLAVE');
    }
    expect(notices[0]).toMatch(/server busy \(replica \d+ s behind its primary > 1 s\): pausing the extract/);
    expect(notices.at(-1)).toMatch(/no longer busy: resuming the extract after \d+\.\d s/);
    await caughtUp();
  }, 60_000);
});
