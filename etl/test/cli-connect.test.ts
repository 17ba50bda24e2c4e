/**
 * A source the server refuses, run through the real CLI against the test MariaDB: one line naming the account and
 * the database and saying what to check, exit 1 (the run failed; nothing was published) — issue 14.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { expectCliError } from './cli-errors.ts';

const db = inject('mariadb');
const DATABASE = 'cli_connect';
const READER = 'atliq_connect_reader';
const READER_PASSWORD = 'connect-reader-pw';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atliq-connect-'));
  // The harness's TCP user has no GRANT OPTION; the OS user logs in as the server's root over the socket.
  const root = await mysql.createConnection({ socketPath: db.socket, user: userInfo().username });
  try {
    await root.query(`CREATE DATABASE IF NOT EXISTS ${DATABASE}`);
    await root.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [READER, db.host, READER_PASSWORD]);
    await root.query(`GRANT SELECT ON ${DATABASE}.* TO ?@?`, [READER, db.host]);
  } finally {
    await root.end();
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const publish = (user: string, database: string) => [
  'publish',
  '--source',
  `mysql://${user}@${db.host}:${db.port}/${database}`,
  '--out',
  join(dir, 'out'),
];

describe('CLI: a server that refuses the account', () => {
  it('a database the least-privilege account cannot see is named, with both ways it can be wrong', async () => {
    // The server answers "Access denied" for a misspelt name and for one the account may not read alike.
    await expectCliError(publish(READER, 'cli_conect'), {
      code: 1,
      env: { MYSQL_PWD: READER_PASSWORD },
      message:
        `cannot connect to MySQL ${READER}@${db.host}:${db.port}/cli_conect: Access denied for user ` +
        `'${READER}'@'${db.host}' to database 'cli_conect' — the database "cli_conect" does not exist on that ` +
        `server, or ${READER} may not read it: check the database name in --source, or GRANT SELECT ON ` +
        '`cli_conect`.* to that account',
    });
  });

  it('a database that does not exist, for an account that could see it, is said not to exist', async () => {
    await expectCliError(publish(db.user, 'cli_conect'), {
      code: 1,
      env: { MYSQL_PWD: db.password },
      message:
        `cannot connect to MySQL ${db.user}@${db.host}:${db.port}/cli_conect: Unknown database 'cli_conect' — ` +
        'the database "cli_conect" does not exist on that server: check the database name in --source',
    });
  });

  it('a wrong password says to check the user and the password, not the network', async () => {
    await expectCliError(publish(READER, DATABASE), {
      code: 1,
      env: { MYSQL_PWD: 'not-the-password' },
      message:
        `cannot connect to MySQL ${READER}@${db.host}:${db.port}/${DATABASE}: Access denied for user ` +
        `'${READER}'@'${db.host}' (using password: YES) — check the user and the password (MYSQL_PWD or --password-file)`,
    });
  });

  it("seed with an account that may not create the database is one line with the server's reason", async () => {
    await expectCliError(['seed', '--source', `mysql://${READER}@${db.host}:${db.port}/cli_connect_new`], {
      code: 1,
      env: { MYSQL_PWD: READER_PASSWORD },
      message: `seeding cli_connect_new failed: Access denied for user '${READER}'@'${db.host}' to database 'cli_connect_new'`,
    });
  });
});
