#!/usr/bin/env -S npx tsx
import { parseArgs } from 'node:util';
import { publishCommand } from './cli/publish-command.ts';
import { seedCommand } from './cli/seed-command.ts';
import { UsageError } from './cli/source-url.ts';
import { watchCommand } from './cli/watch-command.ts';
import { EtlError } from './errors.ts';

const HELP = `atliq-etl — publish Atliq sales extracts

Usage (installed with npm; in this repository, "pnpm etl" for atliq-etl and "pnpm seed" for atliq-etl seed):
  atliq-etl publish --source SOURCE --out DIR [--password-file FILE] [--json]
                   [--config FILE] [--fx CUR=RATE]... [--on-schema-drift error|warn]
                   [--statement-timeout S] [--max-threads-running N] [--max-replica-lag S]
                   [--max-rows-per-second N]
                   [--keep N] [--keep-for DURATION] [--mode full|incremental] [--overlap-months N]
                   [--memory-limit MB] [--reconcile on|off] [--scopes FILE]
                   [--sink clickhouse://[USER@]HOST:PORT[,HOST:PORT...]/DATABASE]
  atliq-etl watch --every DURATION --source SOURCE --out DIR [any publish option but --json]
  atliq-etl seed --source mysql://USER@HOST[:PORT]/DATABASE [--rows N] [--seed N] [--with-profit]
  atliq-etl seed --source mysql://USER@HOST[:PORT]/DATABASE --dump FILE

SOURCE:
  sample[:ROWS]                       built-in deterministic sample data (default 150000 rows)
  sample-v2[:ROWS]                    the same with the schema-v2 profit columns (the demo's default)
  mysql://USER@HOST[:PORT]/DATABASE   a live MySQL/MariaDB; password from --password-file or MYSQL_PWD

Options:
  --out DIR             extract folder (receives manifest.json and v/<snapshot>/)
  --password-file FILE  read the MySQL password from FILE (first line)
  --rows N              seed: transaction lines to generate (default 150000)
  --seed N              seed: generator seed (default 1); same seed and rows, same data
  --with-profit         seed: add the schema-v2 profit columns
  --dump FILE           seed: load a mysqldump (e.g. the original Atliq db_dump.sql, MySQL 8) into DATABASE
  --config FILE         publish: ETL config (JSON: fx rates, rules on/off, schema_drift; see README)
  --fx CUR=RATE         publish: INR per unit of CUR, overrides the config (repeatable, e.g. --fx USD=75)
  --on-schema-drift P   publish: "warn" (default) or "error" on a new or retyped source column
  --statement-timeout S publish: the server stops any ETL statement running longer (default 3600; 0: never)
  --max-threads-running N  publish: pause the extract while Threads_running > N (default 32; 0: off)
  --max-replica-lag S   publish: on a replica, pause while it lags more than S seconds (default 30; 0: off)
  --max-rows-per-second N  publish: never read faster than N rows a second (default: no limit)
  --keep N              publish: always keep the newest N snapshot folders, the served one included (default 3)
  --keep-for DURATION   publish: keep older ones until they were replaced this long ago (default 1h; e.g. 90m, 2d),
                        so pages that loaded a previous manifest keep working; the rest are deleted after a run
  --mode M              publish: "full" (default) reads every row; "incremental" reads only the months of
                        order_date whose row count or checksum (computed by the server) changed since the last
                        snapshot, plus the newest ones, and copies the rest from it (MySQL sources only)
  --overlap-months N    publish: incremental re-reads the previous run's newest N months even unchanged (default 1)
  --memory-limit MB     publish: the staging database's memory (default 96); past it, it spills to disk in --out.
                        The process peaks ~230–270 MB above it; 192 is ~10 % faster on 10M rows
  --reconcile on|off    publish: "on" (default) has the source total its lines by market, month and currency inside
                        the run's snapshot (one aggregate scan) and fails the run unless published + quarantined
                        match them; "off" skips that scan (the manifest and the data status say so)
  --scopes FILE         publish: also publish one complete extract per scope under DIR/scopes/<name>/ from the same
                        snapshot, holding only its rows (JSON: {"north": {"zone": ["North"]}, "board": {"detail":
                        "aggregate"}}; see README "Row-level security"); replaces the config file's "scopes"
  --sink URL            publish: after the extract, load its snapshot into a ClickHouse cluster "atliq" over HTTP
                        (clickhouse://[USER@]HOST:PORT[,HOST:PORT...]/DATABASE, the HTTP port of every shard's
                        node; password from CLICKHOUSE_PASSWORD) and switch to it there (see README); --out stays
                        required: the extract is what the sink loads and verifies against
  --every DURATION      watch: publish now, then DURATION after each run ends (e.g. 5m); a failed run is logged and
                        retried on schedule; SIGINT/SIGTERM stop it after the current run
  --json                print only a JSON summary on stdout
  -h, --help            show this help

Exit codes: 0 done, 1 run failed (a previously published extract is untouched), 2 usage error.
`;

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const OPTIONS = {
  source: { type: 'string' },
  out: { type: 'string' },
  'password-file': { type: 'string' },
  rows: { type: 'string' },
  seed: { type: 'string' },
  'with-profit': { type: 'boolean', default: false },
  dump: { type: 'string' },
  config: { type: 'string' },
  fx: { type: 'string', multiple: true },
  'on-schema-drift': { type: 'string' },
  'statement-timeout': { type: 'string' },
  'max-threads-running': { type: 'string' },
  'max-replica-lag': { type: 'string' },
  'max-rows-per-second': { type: 'string' },
  keep: { type: 'string' },
  'keep-for': { type: 'string' },
  mode: { type: 'string' },
  'overlap-months': { type: 'string' },
  'memory-limit': { type: 'string' },
  reconcile: { type: 'string' },
  scopes: { type: 'string' },
  sink: { type: 'string' },
  every: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** A usage error stays on screen: one line saying what is wrong, one pointing at the help (not the whole help). */
const usageLine = (message: string) => `error: ${message}\nrun with --help for every command and option\n`;

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (err) {
    // Node's advice on positionals after "--" only confuses: the unknown option is the news.
    process.stderr.write(usageLine((err as Error).message.replace(/\. To specify a positional argument .*$/, '')));
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  try {
    const command = positionals[0];
    if (command === 'publish') await publishCommand(values);
    else if (command === 'watch') await watchCommand(values);
    else if (command === 'seed') await seedCommand(values);
    else
      throw new UsageError(
        `${command ? `unknown command "${command}"` : 'missing command'}: use publish, watch or seed`,
      );
    return EXIT.ok;
  } catch (err) {
    const usage = err instanceof UsageError;
    const message = usage || err instanceof EtlError ? (err as Error).message : String((err as Error)?.stack ?? err);
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: false, error: message })}\n`);
    process.stderr.write(usage ? usageLine(message) : `error: ${message}\n`);
    return usage ? EXIT.usage : EXIT.failed;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
