import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDump } from '../dump/load-dump.ts';
import { seedDatabase } from '../seed.ts';
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
  const { database, ...connection } = spec.options;
  const started = Date.now();
  let loaded: Record<string, number>;
  if (args.dump !== undefined) {
    if (args.rows !== undefined || args.seed !== undefined || args['with-profit']) {
      throw new UsageError(
        '--dump loads the file as it is: it cannot be combined with --rows, --seed or --with-profit',
      );
    }
    const file = resolve(args.dump);
    if (!existsSync(file)) throw new UsageError(`--dump: no such file ${file}`);
    loaded = (await loadDump(connection, file, database)).rows;
  } else {
    const rows = args.rows === undefined ? undefined : Number(args.rows.replaceAll('_', ''));
    if (rows !== undefined && (!Number.isSafeInteger(rows) || rows <= 0)) {
      throw new UsageError(`--rows must be a positive integer, got "${args.rows}"`);
    }
    loaded = await seedDatabase(connection, {
      rows,
      seed: args.seed === undefined ? undefined : Number(args.seed),
      withProfit: args['with-profit'],
      database,
    });
  }
  const summary = { ok: true, database, seconds: (Date.now() - started) / 1000, rows: loaded };
  if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else process.stderr.write(`seeded ${database}: ${JSON.stringify(loaded)} in ${summary.seconds.toFixed(1)}s\n`);
}
