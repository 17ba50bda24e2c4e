import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { EtlError } from '../errors.ts';

/** Lock file in the extract folder; holds the owner's pid and host as JSON. */
export const LOCK_FILE = '.publish.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** True unless the pid certainly does not exist (EPERM means it exists but belongs to someone else). */
export function isAlive(pid: number): boolean {
  // 0 and negative pids address process groups (kill(-1) reaches every process): never a lock owner.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockOwner;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // A torn lock (the owner died while writing it) names no one: treat it as stale.
    return { pid: -1, host: hostname(), since: '' };
  }
}

/**
 * Takes the extract folder's publish lock so two runs on the same `--out` cannot interleave (and one run's debris
 * cleanup cannot delete the other's work in progress). The lock is a fully written file hard-linked into place,
 * which is atomic and fails if it exists. A lock left by a dead process on this host is taken over; any other
 * existing lock fails the run with a message naming its owner. Returns the release function.
 */
export async function acquireLock(out: string): Promise<() => Promise<void>> {
  const path = join(out, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const mine = `${path}.${process.pid}`;
  await writeFile(mine, JSON.stringify(me));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(mine, path);
        return () => rm(path, { force: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const owner = await readOwner(path);
      if (owner && (owner.host !== me.host || isAlive(owner.pid))) {
        throw new EtlError(
          `another publish into ${out} is running (pid ${owner.pid} on ${owner.host}, since ${owner.since}); ` +
            `wait for it to finish, or delete ${path} if you are sure that process is gone`,
          { phase: 'lock' },
        );
      }
      // Stale: move it aside under a name only we use (atomic). If another run took it over between our read and
      // the rename, what we moved is that run's live lock: give it back.
      const aside = `${path}.stale-${process.pid}`;
      await rename(path, aside).catch(() => {});
      const moved = await readOwner(aside);
      if (moved && moved.pid !== owner?.pid) await link(aside, path).catch(() => {});
      await rm(aside, { force: true });
    }
    throw new EtlError(`could not take the publish lock ${path}: it keeps changing hands`, { phase: 'lock' });
  } finally {
    await rm(mine, { force: true });
  }
}
