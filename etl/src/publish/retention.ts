import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SNAPSHOTS_DIR } from '@atliq/sdk/contract';
import { idTime, SNAPSHOT_ID } from './snapshot-id.ts';

export interface Retention {
  /** How many of the newest snapshots are always kept, the served one included. */
  keep: number;
  /** How long a snapshot is kept after a newer one replaced it, so pages that loaded an older manifest still work. */
  keepForMs: number;
}

export const DEFAULT_RETENTION: Retention = { keep: 3, keepForMs: 3_600_000 };

/**
 * Deletes the snapshot folders older than `served` that are neither among the newest `keep` nor replaced less than
 * `keepForMs` ago. A snapshot was replaced when the run of the next newer one published; that run's id is its start
 * time, a little earlier than its manifest swap, so `keepForMs` should exceed one run's duration. Returns the
 * deleted folders. Only safe while holding the publish lock, right after `served` was published.
 */
export async function removeOldSnapshots(
  out: string,
  served: string,
  { keep, keepForMs }: Retention,
  now = Date.now(),
): Promise<string[]> {
  const ids = (await readdir(join(out, SNAPSHOTS_DIR))).filter((name) => SNAPSHOT_ID.test(name)).sort();
  const newest = new Set(keep > 0 ? ids.slice(-keep) : []);
  const removed: string[] = [];
  for (const [i, id] of ids.entries()) {
    if (id >= served || newest.has(id)) continue;
    // Ids sort by time, so every id before `served` has a successor. Its id may lie a few seconds in the future (see
    // nextSnapshotId), but its run replaced this snapshot no later than now.
    const replacedAt = Math.min(idTime(ids[i + 1]!), now);
    if (now - replacedAt < keepForMs) continue;
    const path = join(out, SNAPSHOTS_DIR, id);
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
