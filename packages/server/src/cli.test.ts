import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestExtracts } from '@atliq/devserver';
import { beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

/** Runs `atliq-server ARGS` until it exits, or until it prints its URL (then stops it). */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.includes('manifest.json')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let extracts: string;
beforeAll(async () => {
  extracts = await ensureTestExtracts();
}, 120_000);

describe('atliq-server', () => {
  it.each([
    [[], /--extracts is missing/],
    [['--extracts', '/no/such/folder'], /is not a folder/],
    [['--port', 'abc', '--extracts', '.'], /--port must be a whole number/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--extracts', '.', '--scopes', 'scopes.json'], /--scopes and --users go together/],
    [['--clickhouse', 'not a url'], /is not a URL/],
    [['--clickhouse', 'http://127.0.0.1:8123/'], /and the database/],
    [['--clickhouse', 'http://127.0.0.1:8123/db', '--extracts', '.'], /exclude each other/],
  ])('refuses %j in one line, exit 2', async (args, message) => {
    const { code, stderr } = await run(args as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a users file naming a scope the scopes file lacks, naming both', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atliq-server-cli-'));
    await writeFile(join(dir, 'scopes.json'), JSON.stringify({ north: { zone: ['North'] } }));
    await writeFile(join(dir, 'users.json'), JSON.stringify({ asha: 'south' }));
    const { code, stderr } = await run([
      '--extracts',
      extracts,
      '--scopes',
      join(dir, 'scopes.json'),
      '--users',
      join(dir, 'users.json'),
    ]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      'atliq-server: the users file gives asha the scope "south", which the scopes file lacks',
    );
  });

  it('starts on a free port and serves the manifest with its query endpoint', async () => {
    const child = spawn(tsx, [cli, '--extracts', extracts, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const found = /on (http:\/\/\S+\/manifest\.json)/.exec(out);
        if (found) resolve(found[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    try {
      const manifest = (await (await fetch(url)).json()) as { query_service: string };
      expect(manifest.query_service).toBe('query');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
