import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../src/publish/publish.ts';
import { seedDatabase } from '../src/seed.ts';
import { createSampleSource } from '../src/source/sample.ts';
import { debris, expectServing, runCli } from './fault-support.ts';
import { type MariaDB, startMariaDB } from './mariadb.ts';

// This test kills its server, so it starts its own instead of the shared one.
let server: MariaDB;
let out: string;
const DATABASE = 'sales';
// Big enough that the extract is still streaming when the kill lands on two loaded cores (it takes seconds).
const ROWS = 1_000_000;

beforeAll(async () => {
  server = await startMariaDB();
  const { host, port, user, password } = server;
  await seedDatabase({ host, port, user, password }, { rows: ROWS, database: DATABASE });
  out = await mkdtemp(join(tmpdir(), 'atliq-fault-mysql-'));
});
afterAll(async () => {
  await server?.stop();
  await rm(out, { recursive: true, force: true });
});

describe('fault: MySQL killed mid-extract', () => {
  it('the CLI fails promptly with exit 1 and a clear message; the previous manifest keeps serving', async () => {
    // The previous extract only has to exist; a small generated one keeps the test quick.
    await publish({ source: createSampleSource({ rows: 20_000 }), out });
    const { host, port, user, password } = server;
    const before = await readFile(join(out, 'manifest.json'), 'utf8');

    const run = runCli(['publish', '--source', `mysql://${user}@${host}:${port}/${DATABASE}`, '--out', out], {
      MYSQL_PWD: password,
    });
    // The server is running the big table's read: the stream has started. (A progress line is no sign: without a
    // terminal the first comes after 2 s or at the table's end, and 1M rows can be read in less.)
    const watcher = await mysql.createConnection({ host, port, user, password });
    const reading = () =>
      watcher.query(
        `SELECT count(*) AS n FROM information_schema.PROCESSLIST
         WHERE ID <> CONNECTION_ID() AND INFO LIKE ?`,
        ['%FROM `transactions`%'],
      );
    for (let i = 0; i < 3000; i++) {
      const [rows] = (await reading()) as unknown as [{ n: number }[]];
      if (Number(rows[0]!.n) > 0) break;
      await sleep(5);
    }
    await watcher.end();
    const killedAt = Date.now();
    process.kill(server.pid, 'SIGKILL');
    const { code, stderr } = await run.exited;
    const seconds = (Date.now() - killedAt) / 1000;
    console.log(`CLI exited ${seconds.toFixed(2)} s after mariadbd was SIGKILLed`);

    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(/error: reading transactions failed after \d+ rows: .*\(the server went away/);
    expect(stderr).toMatch(/previous extract keeps serving/);
    // The issue asks for "within a second"; the bound is generous for two loaded cores, the figure is printed.
    expect(seconds).toBeLessThan(5);
    expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe(before);
    await expectServing(out);
    expect(await debris(out)).toEqual([]);
  });
});
