#!/usr/bin/env node
/**
 * `atliq-server`: the query service from the command line (`pnpm serve:query -- --extracts DIR`). A mistake is one
 * line saying what is wrong and what to do, exit 2; the service prints its URL and runs until stopped.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ScopeFilter } from './scope.ts';
import { type ReaderScope, startQueryServer } from './server.ts';

const USAGE =
  'usage: atliq-server (--extracts DIR | --clickhouse http://HOST:8123/DB) [--port N] [--host H] [--scopes FILE --users FILE] [--timeout-ms N] [--max-rows N]';

class UsageError extends Error {}

const number = (value: string | undefined, name: string, min: number) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${value}"`);
  return n;
};

async function json(path: string, what: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new UsageError(`${what} ${path} is not a JSON object`);
  }
}

/** `--clickhouse http://[user:password@]HOST:8123/DB`: ClickHouse's HTTP interface and the sink's database. */
function clickhouseOf(value: string) {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--clickhouse ${value} is not a URL: give http://HOST:8123/DATABASE`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, ''));
  if (!/^https?:$/.test(url.protocol) || database === '' || database.includes('/')) {
    throw new UsageError(
      `--clickhouse ${value}: give ClickHouse's HTTP interface and the database, http://HOST:8123/DATABASE`,
    );
  }
  url.pathname = '/';
  return { kind: 'clickhouse' as const, url: url.toString(), database };
}

async function main(argv: string[]): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        extracts: { type: 'string' },
        clickhouse: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        scopes: { type: 'string' },
        users: { type: 'string' },
        'timeout-ms': { type: 'string' },
        'max-rows': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, ''));
  }
  if (values['help']) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const extracts = values['extracts'];
  const clickhouse = typeof values['clickhouse'] === 'string' ? clickhouseOf(values['clickhouse']) : undefined;
  if (clickhouse && extracts !== undefined) {
    throw new UsageError('--extracts and --clickhouse exclude each other: the service answers from one engine');
  }
  if (!clickhouse && (typeof extracts !== 'string' || extracts === '')) {
    throw new UsageError('--extracts is missing: give the folder the ETL publishes to (its --out)');
  }
  if (
    typeof extracts === 'string' &&
    !(await stat(extracts).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    throw new UsageError(`--extracts ${extracts} is not a folder: give the folder the ETL publishes to (its --out)`);
  }
  if (Boolean(values['scopes']) !== Boolean(values['users'])) {
    throw new UsageError('--scopes and --users go together: the scopes, and which user has which (or "all")');
  }
  let scopeOf: ((user: string | null) => ReaderScope) | undefined;
  const [scopesFile, usersFile] = [values['scopes'], values['users']];
  if (typeof scopesFile === 'string' && typeof usersFile === 'string') {
    const scopes = await json(scopesFile, 'the scopes file');
    const users = await json(usersFile, 'the users file');
    for (const [user, scope] of Object.entries(users)) {
      if (scope !== 'all' && !(typeof scope === 'string' && scope in scopes)) {
        throw new UsageError(
          `the users file gives ${user} the scope ${JSON.stringify(scope)}, which the scopes file lacks`,
        );
      }
    }
    scopeOf = (user) => {
      const name = user === null ? undefined : users[user];
      if (name === undefined) return null;
      if (name === 'all') return 'all';
      return { name: name as string, filter: scopes[name as string] as ScopeFilter };
    };
  }
  const option = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const server = await startQueryServer({
    ...(typeof extracts === 'string' ? { extracts } : {}),
    ...(clickhouse ? { engine: clickhouse } : {}),
    host: option('host'),
    port: number(option('port'), 'port', 0),
    timeoutMs: number(option('timeout-ms'), 'timeout-ms', 1),
    maxRows: number(option('max-rows'), 'max-rows', 1),
    scopeOf,
  });
  const from = clickhouse ? `ClickHouse database ${clickhouse.database}` : `extracts: ${extracts}`;
  process.stdout.write(`query service on ${server.url}/manifest.json (${from})\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // One line: what is wrong and what to do (--help prints the usage).
  process.stderr.write(`atliq-server: ${(error as Error).message}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
