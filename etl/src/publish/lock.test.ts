import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, LOCK_FILE } from './lock.ts';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'atliq-lock-'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

/** The pid of a process that has exited (and so certainly holds no lock). */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const owner = (pid: number, host = hostname()) => JSON.stringify({ pid, host, since: '2026-11-24T00:00:00Z' });

describe('acquireLock()', () => {
  it('writes our pid, refuses a second holder while held, and is free again after release', async () => {
    const release = await acquireLock(out);
    expect(JSON.parse(await readFile(join(out, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await expect(acquireLock(out)).rejects.toThrow(
      new RegExp(`another publish into .* is running \\(pid ${process.pid} on `),
    );
    await release();
    await (await acquireLock(out))();
    expect(await readdir(out)).toEqual([]);
  });

  it('takes over a lock left by a dead process on this host', async () => {
    await writeFile(join(out, LOCK_FILE), owner(deadPid()));
    const release = await acquireLock(out);
    expect(JSON.parse(await readFile(join(out, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await release();
  });

  it('takes over a torn (unparseable) lock', async () => {
    await writeFile(join(out, LOCK_FILE), '{"pid": 12');
    await (await acquireLock(out))();
  });

  it('never takes over a lock held from another host', async () => {
    await writeFile(join(out, LOCK_FILE), owner(deadPid(), 'some-other-host'));
    await expect(acquireLock(out)).rejects.toThrow(/on some-other-host.*delete .*\.publish\.lock/);
  });
});
