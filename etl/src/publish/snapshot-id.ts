import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SNAPSHOTS_DIR } from '@atliq/sdk/contract';

/** Snapshot ids are `YYYYMMDDTHHMMSSZ-xxxxxx`; anything else in `v/` is not ours to delete. */
export const SNAPSHOT_ID = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-[0-9a-f]{6}$/;

/** The second a snapshot id stands for, in ms since the epoch. */
export function idTime(id: string): number {
  const [, y, mo, d, h, mi, s] = SNAPSHOT_ID.exec(id)!;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

const stamp = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * A new id that sorts after every snapshot already in `ids`: its run's start second, or one second after the newest
 * existing id when runs come faster than one a second (or the clock went back). Retention relies on that order; with
 * only the random suffix to tell two runs of the same second apart, the older one sometimes looked newer.
 */
export function nextSnapshotId(ids: readonly string[], now = Date.now()): string {
  const newest = ids.filter((id) => SNAPSHOT_ID.test(id)).reduce((max, id) => Math.max(max, idTime(id)), -Infinity);
  const at = Math.max(Math.floor(now / 1000) * 1000, newest + 1000);
  return `${stamp(at)}-${randomBytes(3).toString('hex')}`;
}

/** `nextSnapshotId` for the extract folder `out`. Only call while holding its publish lock. */
export async function newSnapshotId(out: string, now = Date.now()): Promise<string> {
  return nextSnapshotId(await readdir(join(out, SNAPSHOTS_DIR)), now);
}
