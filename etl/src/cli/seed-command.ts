import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import mysql, { type Connection } from 'mysql2/promise';
import { loadDump } from '../dump/load-dump.ts';
import { EtlError } from '../errors.ts';
import { seedDatabase } from '../seed.ts';
import { type ConnectTarget, connectError } from '../source/mysql-errors.ts';
import { parseSource, UsageError } from './source-url.ts';

export interface SeedArgs {
  source?: string | undefined;
  rows?: string | undefined;
  seed?: string | undefined;
  'with-profit': boolean;
  dump?: string | undefined;
  'password-file'?: string | undefined;
  json: boolean;
}

/**
 * `seed`: creates the `sales` tables on a MySQL/MariaDB server and fills them, either with generated data or,
 * with `--dump FILE`, from an original Atliq MySQL 8 dump adapted to the server and the database in `--source`.
 */
export async function seedCommand(args: SeedArgs): Promise<void> {
  if (!args.source) throw new UsageError('seed needs --source mysql://USER@HOST:PORT/DATABASE');
  const spec = parseSource(args.source, process.env, args['password-file']);
  if (spec.kind !== 'mysql') throw new UsageError('seed writes into a MySQL/MariaDB server: --source mysql://…');
  const { database, ...server } = spec.options;
  if (args.dump !== undefined && (args.rows !== undefined || args.seed !== undefined || args['with-profit'])) {
    throw new UsageError('--dump loads the file as it is: it cannot be combined with --rows, --seed or --with-profit');
  }
  const file = args.dump === undefined ? undefined : resolve(args.dump);
  if (file !== undefined && !existsSync(file)) throw new UsageError(`--dump: no such file ${file}`);
  const rows = args.rows === undefined ? undefined : Number(args.rows.replaceAll('_', ''));
  if (rows !== undefined && (!Number.isSafeInteger(rows) || rows <= 0)) {
    throw new UsageError(`--rows must be a positive integer, got "${args.rows}"`);
  }
  const started = Date.now();
  const conn = await connect(server);
  let loaded: Record<string, number>;
  try {
    loaded =
      file !== undefined
        ? (await loadDump(conn, file, database)).rows
        : await seedDatabase(conn, {
            rows,
            seed: args.seed === undefined ? undefined : Number(args.seed),
            withProfit: args['with-profit'],
            database,
          });
  } catch (err) {
    // A statement the server refused (e.g. CREATE DATABASE without the privilege) is news, not a bug: one line.
    if (err instanceof EtlError || (err as { sqlState?: string }).sqlState === undefined) throw err;
    throw new EtlError(`seeding ${database} failed: ${(err as Error).message}`, { cause: err, phase: 'seed' });
  } finally {
    await conn.end().catch(() => {});
  }
  const summary = { ok: true, database, seconds: (Date.now() - started) / 1000, rows: loaded };
  if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else process.stderr.write(`seeded ${database}: ${JSON.stringify(loaded)} in ${summary.seconds.toFixed(1)}s\n`);
}

/** The seed's connection to the server (not to a database: seed creates it); a refused connect says what to do. */
async function connect(server: ConnectTarget & { password: string }): Promise<Connection> {
  try {
    return await mysql.createConnection(server);
  } catch (err) {
    throw connectError(err as NodeJS.ErrnoException, server);
  }
}
