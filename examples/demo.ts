import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '@atliq/devserver';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..');

const { values } = parseArgs({
  options: {
    source: { type: 'string', default: 'sample-v2' },
    port: { type: 'string', default: '8080' },
    out: { type: 'string', default: join(here, 'extracts') },
    'password-file': { type: 'string' },
  },
});

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`demo: ${cmd} ${args.join(' ')} failed (exit ${r.status})\n`);
    process.exit(r.status ?? 1);
  }
}

// 1. ETL: the built-in sample data unless --source names a database.
const etlArgs = ['etl', 'publish', '--source', values.source!, '--out', values.out!];
if (values['password-file']) etlArgs.push('--password-file', values['password-file']);
run('pnpm', etlArgs, repo);
// 2. The one-script-tag bundle of the components.
run('pnpm', ['--filter', '@atliq/components', 'run', 'build'], repo);
// 3. Serve pages, bundle and extracts from one origin.
const server = await startServer(
  { '/': here, '/atliq': join(repo, 'packages/components/dist'), '/extracts': values.out! },
  Number(values.port),
);
process.stdout.write(
  `\nAtliq demo running — open ${server.url}/dashboard/  (all examples: ${server.url}/)\n(Ctrl+C to stop)\n`,
);
