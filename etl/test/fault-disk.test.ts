import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../src/publish/publish.ts';
import { createSampleSource } from '../src/source/sample.ts';
import { debris, expectServing, runCli } from './fault-support.ts';

/**
 * A real full disk and a real read-only file system: a tiny tmpfs mounted for this test (the suite runs as root,
 * which ignores permission bits, so `chmod` could not make a folder unwritable). 5 MB holds a 2k-row extract
 * but not a 500k-row one.
 */
const sh = promisify(execFile);
let mnt: string;
let scratch: string;

beforeAll(async () => {
  mnt = await mkdtemp(join(tmpdir(), 'atliq-fault-disk-'));
  scratch = await mkdtemp(join(tmpdir(), 'atliq-fault-notdir-'));
  await sh('mount', ['-t', 'tmpfs', '-o', 'size=5m', 'tmpfs', mnt]);
});
afterAll(async () => {
  await sh('umount', [mnt]).catch(() => {});
  await rm(mnt, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

describe('fault: disk full or unwritable output', () => {
  // A 500k-row run until the disk fills: give it room on two busy cores.
  it('a full disk fails the run with a clear error; the previous snapshot stays intact, no debris', {
    timeout: 120_000,
  }, async () => {
    await publish({ source: createSampleSource({ rows: 2_000 }), out: mnt });
    const before = await readFile(join(mnt, 'manifest.json'), 'utf8');

    const { code, stderr } = await runCli(['publish', '--source', 'sample:500000', '--out', mnt]).exited;
    expect(code).toBe(1);
    // DuckDB says "failed to offload data block" when its spill folder (inside the extract folder) is full.
    expect(stderr).toMatch(
      /error: the extract folder .* is full \(.*(No space left on device|failed to offload).*\); free some space/,
    );
    expect(stderr).toMatch(/previous extract keeps serving/);
    expect(await readFile(join(mnt, 'manifest.json'), 'utf8')).toBe(before);
    await expectServing(mnt);
    expect(await debris(mnt)).toEqual([]);
  });

  it('a read-only file system fails the run with a clear error; the previous snapshot stays intact', async () => {
    const before = await readFile(join(mnt, 'manifest.json'), 'utf8');
    await sh('mount', ['-o', 'remount,ro', mnt]);
    try {
      const { code, stderr } = await runCli(['publish', '--source', 'sample:2000', '--out', mnt]).exited;
      expect(code).toBe(1);
      expect(stderr).toMatch(/error: the extract folder .* is not writable \(.*EROFS.*\); fix its permissions/);
    } finally {
      await sh('mount', ['-o', 'remount,rw', mnt]);
    }
    expect(await readFile(join(mnt, 'manifest.json'), 'utf8')).toBe(before);
    await expectServing(mnt);
  });

  it('a file where the extract folder should be fails the run with a clear error', async () => {
    const file = join(scratch, 'not-a-folder');
    await writeFile(file, 'x');
    const { code, stderr } = await runCli(['publish', '--source', 'sample:2000', '--out', join(file, 'out')]).exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(/error: the extract folder .*not-a-folder\/out is not writable \(.*ENOTDIR/);
  });
});
