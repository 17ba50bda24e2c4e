import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeDebris } from './debris.ts';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'atliq-debris-'));
  await mkdir(join(out, 'v'));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const snapshot = (id: string) => mkdir(join(out, 'v', id));
const manifest = (body: string) => writeFile(join(out, 'manifest.json'), body);

describe('removeDebris()', () => {
  it('removes staging, half-written and never-published snapshots; keeps the served and older ones', async () => {
    await snapshot('20261101T000000Z-aaaaaa');
    await snapshot('20261102T000000Z-bbbbbb');
    await snapshot('20261103T000000Z-cccccc');
    await snapshot('.tmp-20261104T000000Z-dddddd');
    await mkdir(join(out, '.staging-20261104T000000Z-dddddd'));
    await writeFile(join(out, '.manifest.json.123.tmp'), '{');
    await manifest(JSON.stringify({ snapshot_id: '20261102T000000Z-bbbbbb' }));
    await removeDebris(out);
    expect((await readdir(out)).sort()).toEqual(['manifest.json', 'v']);
    expect((await readdir(join(out, 'v'))).sort()).toEqual(['20261101T000000Z-aaaaaa', '20261102T000000Z-bbbbbb']);
  });

  it('with no manifest yet, no snapshot folder was ever published', async () => {
    await snapshot('20261101T000000Z-aaaaaa');
    await removeDebris(out);
    expect(await readdir(join(out, 'v'))).toEqual([]);
  });

  it('with an unreadable manifest, keeps every complete snapshot folder', async () => {
    await snapshot('20261101T000000Z-aaaaaa');
    await manifest('{ not json');
    await removeDebris(out);
    expect(await readdir(join(out, 'v'))).toEqual(['20261101T000000Z-aaaaaa']);
  });
});
