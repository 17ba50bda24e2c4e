import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, SNAPSHOTS_DIR } from '@atliq/sdk/contract';
import { isAlive, LOCK_FILE } from './lock.ts';

/**
 * The snapshot id the current manifest serves; null when nothing was ever published; undefined when the manifest
 * cannot be read, in which case no complete snapshot folder may be judged unpublished.
 */
async function servedSnapshot(out: string): Promise<string | null | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(out, MANIFEST_FILE), 'utf8')) as { snapshot_id?: unknown };
    return typeof manifest.snapshot_id === 'string' ? manifest.snapshot_id : undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
  }
}

/**
 * Deletes what runs killed before publishing left behind: staging databases, half-written snapshot folders,
 * temporary manifests and lock files, and complete snapshot folders that were renamed into place but never named
 * by a manifest (the run died between the rename and the swap; ids sort by time, so these are the ones newer than
 * the served snapshot). Older snapshots are kept: pages that loaded a previous manifest may still read them.
 * Only safe while holding the publish lock: otherwise it would delete a running publish's work.
 */
export async function removeDebris(out: string): Promise<string[]> {
  const removed: string[] = [];
  const remove = async (path: string) => {
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  };
  for (const name of await readdir(out)) {
    const lockTemp = name.startsWith(`${LOCK_FILE}.`) ? Number(name.split('.').at(-1)) : Number.NaN;
    const deadLockTemp = Number.isInteger(lockTemp) && !isAlive(lockTemp);
    const tempManifest = name.startsWith(`.${MANIFEST_FILE}.`) && name.endsWith('.tmp');
    if (name.startsWith('.staging-') || tempManifest || deadLockTemp) await remove(join(out, name));
  }
  const served = await servedSnapshot(out);
  for (const name of await readdir(join(out, SNAPSHOTS_DIR))) {
    const unpublished = served === null || (served !== undefined && name > served);
    if (name.startsWith('.tmp-') || unpublished) await remove(join(out, SNAPSHOTS_DIR, name));
  }
  return removed;
}
