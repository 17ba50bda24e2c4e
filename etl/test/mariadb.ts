/**
 * A private, throw-away MariaDB server for integration tests: its own temporary data directory, socket
 * and TCP port, started from the distribution's binaries and removed again by `stop()`. It never touches
 * a system-wide server or its files.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { findBinary, freePort } from '../src/testing/local-server.ts';

export interface MariaDB {
  host: string;
  port: number;
  /** A TCP user with every privilege, created for this server only. */
  user: string;
  password: string;
  /** Unix socket on which the OS user running the tests logs in as that user (socket authentication). */
  socket: string;
  pid: number;
  /** Shuts the server down (SIGTERM, SIGKILL after a timeout) and deletes its data directory. */
  stop(): Promise<void>;
}

const INSTALL_HINT = 'run: apt-get install mariadb-server';
const READY = /ready for connections/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export interface MariaDBOptions {
  /**
   * Replication role: `primary` writes a binary log, `replica` can follow a primary (CHANGE MASTER TO …) and is
   * read-only to ordinary accounts. Default: neither (no binary log, the fastest for tests).
   */
  role?: 'primary' | 'replica';
  /**
   * Keep what a stock install creates for everyone: the `test` database and PUBLIC's privileges on `test` and
   * `test\_%`. Default: left out (`--skip-test-db`).
   */
  stock?: boolean;
}

export async function startMariaDB(options: MariaDBOptions = {}): Promise<MariaDB> {
  const mariadbd = await findBinary('mariadbd', INSTALL_HINT);
  const installDb = await findBinary('mariadb-install-db', INSTALL_HINT);
  const dir = await mkdtemp(join(tmpdir(), 'atliq-mariadb-'));
  const datadir = join(dir, 'data');
  const socket = join(dir, 'mariadb.sock');
  // mariadbd refuses to run as root unless told to; socket authentication maps `root` to the OS user.
  const runAs = process.getuid?.() === 0 ? ['--user=root'] : [];
  const socketUser = userInfo().username;
  let server: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const stop = async (): Promise<void> => {
    if (server?.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      const timer = setTimeout(() => server?.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await promisify(execFile)(installDb, [
      '--no-defaults',
      `--datadir=${datadir}`,
      '--auth-root-authentication-method=socket',
      // The bootstrap server's temporary tables go to its own folder: two installs at once collided in /tmp.
      `--tmpdir=${dir}`,
      ...(options.stock ? [] : ['--skip-test-db']),
      '--skip-name-resolve',
      ...runAs,
    ]).catch((error: Error & { stderr?: string }) => {
      throw new Error(`mariadb-install-db failed: ${error.stderr ?? error.message}`, { cause: error });
    });
    const port = await freePort();
    server = spawn(
      mariadbd,
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--socket=${socket}`,
        `--port=${port}`,
        `--pid-file=${join(dir, 'mariadbd.pid')}`,
        `--tmpdir=${dir}`,
        '--bind-address=127.0.0.1',
        '--local-infile=1',
        ...runAs,
        ...replicationArgs(options.role),
        '--skip-name-resolve',
        // Durability is worthless for a server that is deleted after the run; speed is not.
        '--innodb-flush-log-at-trx-commit=0',
        '--innodb-doublewrite=0',
        '--innodb-buffer-pool-size=256M',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const child = server;
    exited = new Promise((resolve) => child.once('exit', () => resolve()));
    await whenReady(child);
    const password = randomBytes(18).toString('base64url');
    const user = 'atliq_test';
    const admin = await mysql.createConnection({ socketPath: socket, user: socketUser });
    try {
      await admin.query('CREATE USER ?@? IDENTIFIED BY ?', [user, '127.0.0.1', password]);
      await admin.query('GRANT ALL PRIVILEGES ON *.* TO ?@?', [user, '127.0.0.1']);
    } finally {
      await admin.end();
    }
    return { host: '127.0.0.1', port, user, password, socket, pid: child.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function replicationArgs(role: MariaDBOptions['role']): string[] {
  if (role === 'primary') return ['--server-id=1', '--log-bin=primary-bin', '--binlog-format=ROW'];
  if (role === 'replica') return ['--server-id=2', '--skip-log-bin', '--read-only=1', '--relay-log=replica-relay'];
  return ['--skip-log-bin'];
}

/** Resolves when the server says it is ready; rejects with its log if it exits or hangs first. */
function whenReady(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`mariadbd ${why}:\n${log.slice(-4000)}`));
    };
    const timer = setTimeout(() => fail(`not ready after ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    server.once('exit', (code, signal) => fail(`exited (${signal ?? code}) while starting`));
    // Keep reading stderr after start-up too, or a full pipe would block the server.
    server.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      log += chunk;
      if (READY.test(log)) {
        clearTimeout(timer);
        resolve();
      }
      if (log.length > 64_000) log = log.slice(-8_000);
    });
  });
}
