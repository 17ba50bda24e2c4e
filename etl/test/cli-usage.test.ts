/**
 * Mistakes on the command line, run through the real CLI: each is one line saying what is wrong and what to do,
 * one line pointing at --help and exit 2 — never a stack trace or the whole help (issue 14).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectCliError } from './cli-errors.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atliq-usage-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const usage = (args: string[], message: string | RegExp) => expectCliError(args, { code: 2, message });

describe('CLI usage errors', () => {
  it('a --password-file that does not exist says so and names MYSQL_PWD as the other way', async () => {
    const missing = join(dir, 'no-such-password-file');
    await usage(
      ['publish', '--source', 'mysql://etl@127.0.0.1:1/sales', '--password-file', missing, '--out', dir],
      `--password-file ${missing}: cannot read it (no such file): give a file whose first line is the password, or set MYSQL_PWD`,
    );
  });

  it('a sample source with a bad row count says the row count is the problem', async () => {
    await usage(
      ['publish', '--source', 'sample:abc', '--out', dir],
      '--source sample:abc: ROWS must be a positive whole number of rows, e.g. sample:100000 or sample:1_000_000',
    );
  });

  it('an unknown source lists the sources there are', async () => {
    await usage(
      ['publish', '--source', 'sampel:1000', '--out', dir],
      '--source "sampel:1000" is not a source: use "sample[:ROWS]", "sample-v2[:ROWS]" or "mysql://USER@HOST[:PORT]/DATABASE"',
    );
  });

  it('a password inside the source URL is refused, saying where the password goes instead', async () => {
    await usage(
      ['publish', '--source', 'mysql://etl:s3cr3t@127.0.0.1:1/sales', '--out', dir],
      '--source "mysql://etl:***@127.0.0.1:1/sales": a password in the URL stays in shell history and shows in ' +
        'every process list — remove it and set MYSQL_PWD, or use --password-file FILE',
    );
  });

  it('a missing --out is the error and a pointer at --help, not the error followed by the whole help', async () => {
    await usage(
      ['publish', '--source', 'sample'],
      '--out is required: the folder to publish the extract into, e.g. --out extracts',
    );
    await usage(['publish', '--bogus'], "Unknown option '--bogus'");
    await usage([], 'missing command: use publish, watch or seed');
  });
});
