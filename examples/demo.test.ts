/**
 * `pnpm demo`'s command line (examples/demo.ts): a port it cannot use is one line at once — before the ETL and the
 * bundle build, which took ~9 s to get there — with the ETL's exit codes (1 could not run, 2 usage error) (issue 14).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');
let dir: string;
let taken: Server;
let takenPort: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atliq-demo-'));
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  takenPort = (taken.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => taken.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** Runs the demo script as `pnpm demo` does (tsx), with `--out` in a fresh folder; its exit code and stderr. */
function demo(args: string[]): Promise<{ code: number; stderr: string }> {
  const tsx = join(repo, 'node_modules/.bin/tsx');
  return new Promise((resolve) => {
    execFile(tsx, [join(repo, 'examples/demo.ts'), '--out', join(dir, 'extracts'), ...args], (err, _out, stderr) =>
      resolve({ code: err ? Number(err.code) : 0, stderr }),
    );
  });
}

describe('pnpm demo --port', () => {
  it('a port another server listens on is one line naming it, exit 1, before the ETL wrote anything', async () => {
    expect(await demo(['--port', String(takenPort)])).toEqual({
      code: 1,
      stderr:
        `demo: port ${takenPort} is taken (another demo or server listens on 127.0.0.1:${takenPort}): stop it, ` +
        'or use --port N\n',
    });
    // The ETL creates --out first thing: the demo stopped before it.
    expect(await readdir(dir)).toEqual([]);
  });

  it('a port that is not a port number is a usage error, exit 2', async () => {
    for (const port of ['abc', '70000', '-1', '80.5']) {
      expect(await demo([`--port=${port}`])).toEqual({
        code: 2,
        stderr: `demo: --port must be a TCP port number, 1 to 65535 (0: any free one), got "${port}"\n`,
      });
    }
    expect(await readdir(dir)).toEqual([]);
  });
});
