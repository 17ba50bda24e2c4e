import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeOldSnapshots } from './retention.ts';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'atliq-retention-'));
  await mkdir(join(out, 'v'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
// One snapshot published every hour from 06:00 to 12:00 (the served one), each holding a file.
const IDS = ['06', '07', '08', '09', '10', '11', '12'].map((h) => `20261124T${h}0000Z-0000${h}`);
const SERVED = IDS.at(-1)!;

async function publishAll(): Promise<void> {
  for (const id of IDS) {
    await mkdir(join(out, 'v', id));
    await writeFile(join(out, 'v', id, 'sales.duckdb'), id);
  }
}
const left = async () => (await readdir(join(out, 'v'))).sort();

describe('removeOldSnapshots()', () => {
  it('keeps the newest N even when they were replaced long ago', async () => {
    await publishAll();
    const removed = await removeOldSnapshots(out, SERVED, { keep: 3, keepForMs: 1 }, NOW);
    expect(await left()).toEqual(IDS.slice(-3));
    expect(removed.sort()).toEqual(IDS.slice(0, 4).map((id) => join(out, 'v', id)));
  });

  it('keeps snapshots replaced less than keep-for ago even beyond the newest N', async () => {
    await publishAll();
    // 08:00 was replaced at 09:00, exactly 3 h before NOW: old enough. 09:00 was replaced 2 h ago: kept.
    await removeOldSnapshots(out, SERVED, { keep: 2, keepForMs: 3 * HOUR }, NOW);
    expect(await left()).toEqual(IDS.slice(3));
  });

  it('never deletes the served snapshot, nor anything newer or not named like a snapshot', async () => {
    await publishAll();
    await mkdir(join(out, 'v', 'README'));
    const served = IDS[4]!;
    await removeOldSnapshots(out, served, { keep: 0, keepForMs: 1 }, NOW);
    expect(await left()).toEqual([...IDS.slice(4), 'README']);
  });
});
