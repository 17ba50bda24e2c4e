import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SNAPSHOTS_DIR } from '@atliq/sdk/contract';

export interface Retention {
  /** How many of the newest snapshots are always kept, the served one included. */
  keep: number;
  /** How long a snapshot is kept after a newer one replaced it, so pages that loaded an older manifest still work. */
  keepForMs: number;
}

export const DEFAULT_RETENTION: Retention = { keep: 3, keepForMs: 3_600_000 };

/** Snapshot ids are `YYYYMMDDTHHMMSSZ-xxxxxx` (see publish.ts); anything else in `v/` is not ours to delete. */
const SNAPSHOT_ID = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-[0-9a-f]{6}$/;

const idTime = (id: string): number => {
  const [, y, mo, d, h, mi, s] = SNAPSHOT_ID.exec(id)!;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
};

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
    // Ids sort by time, so every id before `served` has a successor.
    if (id >= served || newest.has(id) || now - idTime(ids[i + 1]!) < keepForMs) continue;
    const path = join(out, SNAPSHOTS_DIR, id);
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
