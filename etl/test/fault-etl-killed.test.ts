import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../src/publish/lock.ts';
import { publish } from '../src/publish/publish.ts';
import { createSampleSource } from '../src/source/sample.ts';
import { debris, expectServing, runCli } from './fault-support.ts';

let out: string;
const SOURCE = 'sample:60000';

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'atliq-fault-killed-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** Where to SIGKILL the run: at each phase it announces on stderr, and at fixed delays (start-up, lock, debris). */
const KILL_POINTS: { name: string; when: RegExp | number }[] = [
  { name: 'during start-up', when: 300 },
  { name: 'at extract', when: /\] extract\n/ },
  { name: 'mid-extract', when: /transactions: [\d,]+ rows/ },
  { name: 'at transform', when: /\] transform\n/ },
  { name: 'at write', when: /\] write\n/ },
  { name: 'at verify', when: /\] verify\n/ },
  { name: 'at publish', when: /\] publish\n/ },
];

describe('fault: the ETL process SIGKILLed at many points of a run', () => {
  // Eight CLI runs of a few seconds each: generous on two cores shared with other test runs.
  it('keeps the previous snapshot serving every time; the next run publishes and removes the debris', {
    timeout: 240_000,
  }, async () => {
    const first = await publish({ source: createSampleSource({ rows: 20_000 }), out });
    const served = new Set([first.manifest.snapshot_id]);
    let leftDebris = 0;

    for (const point of KILL_POINTS) {
      const run = runCli(['publish', '--source', SOURCE, '--out', out]);
      const { when } = point;
      if (typeof when === 'number') await new Promise((r) => setTimeout(r, when));
      else await run.waitFor(when);
      run.child.kill('SIGKILL');
      const { signal } = await run.exited;
      // A run killed "at publish" may have swapped the manifest just before the signal: also a valid outcome.
      const manifest = await expectServing(out);
      if (signal !== 'SIGKILL' || !served.has(manifest.snapshot_id)) {
        expect(manifest.snapshot_id > first.manifest.snapshot_id, point.name).toBe(true);
        served.add(manifest.snapshot_id);
      }
      leftDebris += (await debris(out)).length;
      console.log(`killed ${point.name}: ${signal ?? 'exited first'}, debris now: ${(await debris(out)).join(' ')}`);
    }
    // Otherwise this test would prove nothing about cleaning up.
    expect(leftDebris).toBeGreaterThan(0);

    const next = runCli(['publish', '--source', SOURCE, '--out', out, '--json']);
    const { code, stdout, stderr } = await next.exited;
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout.trim());
    const manifest = await expectServing(out);
    expect(manifest.snapshot_id).toBe(summary.snapshot_id);
    expect(manifest.quality.rows_read).toBe(60_000);
    expect(await debris(out)).toEqual([]);
    expect((await readdir(out)).filter((n) => n.startsWith(LOCK_FILE))).toEqual([]);
    // Only snapshots some manifest once named are kept (for pages still holding an older manifest).
    for (const dir of await readdir(join(out, 'v'))) expect(served.has(dir) || dir === manifest.snapshot_id).toBe(true);
  });

  it('a second run on the same --out fails with a clear error while the first holds the lock', async () => {
    const first = runCli(['publish', '--source', SOURCE, '--out', out]);
    await first.waitFor(/\] extract\n/);
    const second = await runCli(['publish', '--source', SOURCE, '--out', out]).exited;
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`another publish into .* is running \\(pid ${first.child.pid} `));
    const { code, stderr } = await first.exited;
    expect(code, stderr).toBe(0);
    await expectServing(out);
    expect(await debris(out)).toEqual([]);
  });
});
