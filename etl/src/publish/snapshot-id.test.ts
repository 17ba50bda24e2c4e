import { describe, expect, it } from 'vitest';
import { idTime, nextSnapshotId, SNAPSHOT_ID } from './snapshot-id.ts';

const NOW = Date.UTC(2026, 10, 24, 6, 45, 50, 731);

describe('nextSnapshotId()', () => {
  it('stamps the run start second in UTC', () => {
    const id = nextSnapshotId([], NOW);
    expect(id).toMatch(SNAPSHOT_ID);
    expect(id.slice(0, 16)).toBe('20261124T064550Z');
    expect(idTime(id)).toBe(Date.UTC(2026, 10, 24, 6, 45, 50));
  });

  it('sorts after an existing id of the same second, whatever the random suffixes', () => {
    let ids = [nextSnapshotId([], NOW)];
    for (let i = 0; i < 20; i++) ids = [...ids, nextSnapshotId(ids, NOW)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids.map((id) => id.slice(0, 16))).size).toBe(ids.length);
  });

  it('sorts after the newest id when the clock went back, and ignores folders that are not snapshots', () => {
    const later = '20261124T070000Z-ffffff';
    const id = nextSnapshotId(['.tmp-x', 'notes', later], NOW);
    expect(id > later).toBe(true);
    expect(id.slice(0, 16)).toBe('20261124T070001Z');
  });
});
