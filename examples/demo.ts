import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '@atliq/devserver';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..');

/** Exit codes as the ETL's: 1 the demo could not run, 2 a usage error. */
function fail(message: string, code: 1 | 2): never {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(code);
}

const OPTIONS = {
  source: { type: 'string', default: 'sample-v2' },
  port: { type: 'string', default: '8080' },
  out: { type: 'string', default: join(here, 'extracts') },
  'password-file': { type: 'string' },
} as const;

let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
try {
  ({ values } = parseArgs({ options: OPTIONS }));
} catch (err) {
  fail(`${(err as Error).message}; options: --source SOURCE, --port N, --out DIR, --password-file FILE`, 2);
}
const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : Number.NaN;
if (!(port <= 65535)) fail(`--port must be a TCP port number, 1 to 65535 (0: any free one), got "${values.port}"`, 2);

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`demo: ${cmd} ${args.join(' ')} failed (exit ${r.status})\n`);
    process.exit(r.status ?? 1);
  }
}

// 1. The port first, so a taken one fails at once rather than after the ETL and the build (~9 s). The server holds
// it from now on; requests wait until the steps below are done, since they block the event loop.
const server = await startServer(
  { '/': here, '/atliq': join(repo, 'packages/components/dist'), '/extracts': values.out },
  port,
).catch((err: NodeJS.ErrnoException) => {
  if (err.code === 'EADDRINUSE') {
    fail(`port ${port} is taken (another demo or server listens on 127.0.0.1:${port}): stop it, or use --port N`, 1);
  }
  if (err.code === 'EACCES') fail(`not allowed to listen on port ${port}: choose one above 1023 with --port N`, 1);
  throw err;
});
// 2. ETL: the built-in sample data unless --source names a database.
const etlArgs = ['etl', 'publish', '--source', values.source, '--out', values.out];
if (values['password-file']) etlArgs.push('--password-file', values['password-file']);
run('pnpm', etlArgs, repo);
// 3. The one-script-tag bundle of the components.
run('pnpm', ['--filter', '@atliq/components', 'run', 'build'], repo);
process.stdout.write(
  `\nAtliq demo running — open ${server.url}/dashboard/  (all examples: ${server.url}/)\n(Ctrl+C to stop)\n`,
);
