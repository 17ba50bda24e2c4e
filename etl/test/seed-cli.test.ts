import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { describe, expect, inject, it } from 'vitest';
import { expectCliError } from './cli-errors.ts';

const db = inject('mariadb');
const cli = join(import.meta.dirname, '../bin/atliq-etl.mjs');

describe('CLI seed', () => {
  it('loads the generated sales tables into the named database', async () => {
    const url = `mysql://${db.user}@${db.host}:${db.port}/seed_cli`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, 'seed', '--source', url, '--rows', '5000', '--json'],
      {
        env: { ...process.env, MYSQL_PWD: db.password },
      },
    );
    expect(JSON.parse(stdout.trim())).toMatchObject({ ok: true, database: 'seed_cli', rows: { transactions: 5000 } });
    const { host, port, user, password } = db;
    const conn = await mysql.createConnection({ host, port, user, password, database: 'seed_cli' });
    try {
      const [rows] = await conn.query('SELECT COUNT(*) AS n FROM transactions');
      expect(rows).toEqual([{ n: 5000 }]);
    } finally {
      await conn.end();
    }
  });

  it('a wrong password is one line naming the account and what to check (exit 1), not a stack trace', async () => {
    const where = `${db.user}@${db.host}:${db.port}`;
    await expectCliError(['seed', '--source', `mysql://${where}/seed_cli_denied`, '--rows', '100'], {
      code: 1,
      env: { MYSQL_PWD: `not-${db.password}` },
      message:
        `cannot connect to MySQL ${where}: Access denied for user '${db.user}'@'${db.host}' (using password: YES) — ` +
        'check the user and the password (MYSQL_PWD or --password-file)',
    });
  });

  it('refuses a non-MySQL source with a usage error (exit 2)', async () => {
    const run = promisify(execFile)(process.execPath, [cli, 'seed', '--source', 'sample']);
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/MySQL\/MariaDB server/) });
  });
});
