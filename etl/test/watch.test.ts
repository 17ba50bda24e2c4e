import { type ChildProcess, type ChildProcessByStdio, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'etl/bin/atliq-etl.mjs');

let out: string;
const children: ChildProcess[] = [];
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'atliq-watch-'));
});
afterEach(async () => {
  // A failed test must not leave a watcher publishing forever.
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(out, { recursive: true, force: true });
});

/** Starts `watch` with node itself (not through npx) so signals reach the watcher directly. */
function watch(...args: string[]) {
  return watchInto(out, ...args);
}

function watchInto(dir: string, ...args: string[]) {
  const child: ChildProcessByStdio<null, null, Readable> = spawn(
    process.execPath,
    [cli, 'watch', ...args, '--out', dir],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    exited,
    stderr: () => stderr,
    okIds: () => [...stderr.matchAll(/ ok (\S+): \d+ rows in [\d.]+s\n/g)].map((m) => m[1]!),
  };
}

async function until(what: string, ready: () => boolean, exited: Promise<unknown>): Promise<void> {
  let done = false;
  void exited.then(() => {
    done = true;
  });
  while (!ready()) {
    if (done) throw new Error(`watch exited before ${what}`);
    await sleep(10);
  }
}

async function published(): Promise<{ folders: string[]; served: string }> {
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { snapshot_id: string };
  return { folders: (await readdir(join(out, 'v'))).sort(), served: manifest.snapshot_id };
}

describe('CLI watch', () => {
  it('publishes now and every interval, one log line per run, and exits 0 on SIGTERM', async () => {
    const w = watch('--every', '1s', '--source', 'sample:2000');
    await until('two runs', () => w.okIds().length >= 2, w.exited);
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);

    const ids = w.okIds();
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(w.stderr()).not.toMatch(/failed/);
    expect(await published()).toEqual({ folders: ids, served: ids.at(-1) });
    // Usually idle when signalled; if a third run had just started it is finished, never cut short.
    const [, after] = w.stderr().split(/SIGTERM: stopping.*\n/);
    const lines = after!.split('\n').filter(Boolean);
    expect(lines).toHaveLength(w.stderr().includes('stopping after the current run') ? 1 : 0);
  });

  it('a signal during a run lets it publish, then exits 0 without starting another', async () => {
    const w = watch('--every', '1s', '--source', 'sample:50000');
    await until('the run took the lock', () => existsSync(join(out, '.publish.lock')), w.exited);
    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
    expect(w.stderr()).toMatch(/SIGINT: stopping after the current run\n.* ok \S+: \d+ rows in [\d.]+s\n$/);
    const ids = w.okIds();
    expect(ids).toHaveLength(1);
    expect(await published()).toEqual({ folders: ids, served: ids[0] });
    expect((await readdir(out)).sort()).toEqual(['manifest.json', 'v']);
  });

  it('a signal while waiting for the next run exits at once', async () => {
    const w = watch('--every', '1h', '--source', 'sample:2000');
    await until('the first run', () => w.okIds().length === 1, w.exited);
    const signalled = Date.now();
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5000);
    expect(w.stderr()).toMatch(/SIGTERM: stopping\n$/);
  });

  it('logs a failed run and tries again on schedule', async () => {
    // A file where the extract folder should be: every run fails before touching anything.
    const file = join(out, 'not-a-folder');
    await writeFile(file, '');
    const w = watchInto(file, '--every', '1s', '--source', 'sample:2000');
    const failures = () => w.stderr().match(/ failed after [\d.]+s: the extract folder .* is not writable/g) ?? [];
    await until('two failed runs', () => failures().length >= 2, w.exited);
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(w.okIds()).toEqual([]);
  });
});
