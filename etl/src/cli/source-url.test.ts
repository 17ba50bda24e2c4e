import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource, redact, UsageError } from './source-url.ts';

describe('parseSource()', () => {
  it('reads sample sizes with and without a row count', () => {
    expect(parseSource('sample', {}, undefined)).toEqual({ kind: 'sample', rows: 150_000, withProfit: false });
    expect(parseSource('sample:1_000_000', {}, undefined)).toEqual({
      kind: 'sample',
      rows: 1_000_000,
      withProfit: false,
    });
    expect(parseSource('sample-v2:500', {}, undefined)).toEqual({ kind: 'sample', rows: 500, withProfit: true });
  });

  it('takes the password from the file (its first line) first, then MYSQL_PWD', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'pw-')), 'pw');
    await writeFile(file, 'from-file\r\nnot this line\n');
    const url = 'mysql://etl@db.local:3307/sales';
    expect(parseSource(url, { MYSQL_PWD: 'from-env' }, file)).toMatchObject({ options: { password: 'from-file' } });
    expect(parseSource(url, { MYSQL_PWD: 'from-env' }, undefined)).toEqual({
      kind: 'mysql',
      options: { host: 'db.local', port: 3307, user: 'etl', password: 'from-env', database: 'sales' },
    });
  });

  it('refuses a password in the URL, pointing at MYSQL_PWD and --password-file, without echoing it', () => {
    const run = () => parseSource('mysql://etl:s3cr3t@db.local/sales', { MYSQL_PWD: 'from-env' }, undefined);
    expect(run).toThrow(UsageError);
    expect(run).toThrow(
      '--source "mysql://etl:***@db.local/sales": a password in the URL stays in shell history and shows in every ' +
        'process list — remove it and set MYSQL_PWD, or use --password-file FILE',
    );
  });

  it('refuses a --password-file that cannot be read as a usage error saying what to do', () => {
    const run = () => parseSource('mysql://etl@db/sales', {}, '/no/such/password-file');
    expect(run).toThrow(UsageError);
    expect(run).toThrow(
      '--password-file /no/such/password-file: cannot read it (no such file): give a file whose first line is the ' +
        'password, or set MYSQL_PWD',
    );
  });

  it('says what is wrong with a sample row count, and which sources exist for an unknown one', () => {
    for (const spec of ['sample:abc', 'sample:0', 'sample-v2:', 'sample:1e6']) {
      expect(() => parseSource(spec, {}, undefined)).toThrow(/ROWS must be a positive whole number of rows/);
    }
    const sources = /use "sample\[:ROWS\]", "sample-v2\[:ROWS\]" or "mysql:\/\/USER@HOST\[:PORT\]\/DATABASE"/;
    expect(() => parseSource('sampel:1000', {}, undefined)).toThrow(/"sampel:1000" is not a source: /);
    expect(() => parseSource('sampel:1000', {}, undefined)).toThrow(sources);
    expect(() => parseSource('postgres://u@db/sales', {}, undefined)).toThrow(sources);
  });

  it('rejects URLs without a database or user, and other protocols, without echoing the password', () => {
    expect(() => parseSource('mysql://etl@db/', {}, undefined)).toThrow(UsageError);
    expect(() => parseSource('mysql://db:3306/sales', {}, undefined)).toThrow(/must name a user/);
    expect(() => parseSource('postgres://u@db/sales', {}, undefined)).toThrow(/unsupported protocol/);
    expect(() => parseSource('postgres://u:secret@db/sales', {}, undefined)).not.toThrow(/secret/);
    expect(() => parseSource('not a url :secret@', {}, undefined)).toThrow(UsageError);
  });
});

describe('redact()', () => {
  it('hides the password of a source URL', () => {
    expect(redact('mysql://etl:s3cr3t@db:3306/sales')).toBe('mysql://etl:***@db:3306/sales');
    expect(redact('mysql://etl@db:3306/sales')).toBe('mysql://etl@db:3306/sales');
  });
});
