import { readFileSync } from 'node:fs';
import type { MySqlOptions } from '../source/mysql.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

export type SourceSpec =
  | { kind: 'sample'; rows: number; withProfit: boolean }
  | { kind: 'mysql'; options: MySqlOptions };

export const DEFAULT_SAMPLE_ROWS = 150_000;

/** The sources there are, as a usage message lists them. */
export const SOURCES = '"sample[:ROWS]", "sample-v2[:ROWS]" or "mysql://USER@HOST[:PORT]/DATABASE"';

/**
 * Parses `--source`: `sample[:ROWS]` (schema v1, no profit columns), `sample-v2[:ROWS]` (schema v2, with profit)
 * or `mysql://user@host[:port]/database`.
 * The password comes from `--password-file`, else the `MYSQL_PWD` environment variable. A password in the URL is
 * refused: it would stay in shell history and cron files and show in every process list for the whole run.
 */
export function parseSource(
  spec: string,
  env: Record<string, string | undefined>,
  passwordFile: string | undefined,
): SourceSpec {
  const sample = /^(sample(?:-v2)?)(?::(.*))?$/.exec(spec);
  if (sample) {
    const [, name, count] = sample;
    const rows =
      count === undefined ? DEFAULT_SAMPLE_ROWS : /^\d[\d_]*$/.test(count) ? Number(count.replaceAll('_', '')) : 0;
    if (!Number.isSafeInteger(rows) || rows <= 0) {
      throw new UsageError(
        `--source ${spec}: ROWS must be a positive whole number of rows, e.g. ${name}:100000 or ${name}:1_000_000`,
      );
    }
    return { kind: 'sample', rows, withProfit: name === 'sample-v2' };
  }
  // Without "//" a typo such as "sampel:1000" would parse as a URL of protocol "sampel:".
  let url: URL | undefined;
  try {
    url = spec.includes('://') ? new URL(spec) : undefined;
  } catch {
    url = undefined;
  }
  if (!url) throw new UsageError(`--source "${redact(spec)}" is not a source: use ${SOURCES}`);
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new UsageError(`--source: unsupported protocol "${url.protocol}" in "${redact(spec)}": use ${SOURCES}`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new UsageError('--source: the URL must name a database, e.g. mysql://etl@db:3306/sales');
  if (!url.username) throw new UsageError('--source: the URL must name a user, e.g. mysql://etl@db:3306/sales');
  if (url.password) {
    throw new UsageError(
      `--source "${redact(spec)}": a password in the URL stays in shell history and shows in every process list — ` +
        'remove it and set MYSQL_PWD, or use --password-file FILE',
    );
  }
  return {
    kind: 'mysql',
    options: {
      host: url.hostname,
      port: url.port ? Number(url.port) : 3306,
      user: decodeURIComponent(url.username),
      password: passwordFile ? readPasswordFile(passwordFile) : (env.MYSQL_PWD ?? ''),
      database,
    },
  };
}

/** What an unreadable `--password-file` is, in words; other codes are shown as they are. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
};

/** The first line of `--password-file`; a file that cannot be read is a usage error that says what to do. */
function readPasswordFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/)[0]!;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = REASONS[code ?? ''] ?? code ?? 'unreadable';
    throw new UsageError(
      `--password-file ${file}: cannot read it (${why}): give a file whose first line is the password, or set MYSQL_PWD`,
      { cause: err },
    );
  }
}

/** The source URL with any password replaced, safe for logs and error messages. */
export function redact(spec: string): string {
  return spec.replace(/^([a-z]+:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}
