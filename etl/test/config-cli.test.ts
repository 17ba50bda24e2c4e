import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseManifest } from '@atliq/sdk/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '../bin/atliq-etl.mjs');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atliq-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CLI publish --config / --fx', () => {
  it('publishes with the rates and rules of the config file, --fx winning over it', async () => {
    const config = join(dir, 'etl.json');
    await writeFile(config, JSON.stringify({ fx: { INR: 1, USD: 70 }, rules: { duplicate: false } }));
    const out = join(dir, 'out');
    const args = [cli, 'publish', '--source', 'sample:5000', '--out', out, '--config', config, '--fx', 'USD=80'];
    const { stdout } = await promisify(execFile)(process.execPath, [...args, '--json']);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    const manifest = parseManifest(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.fx_rates).toEqual({ INR: 1, USD: 80 });
    expect(manifest.quality.rejected_by_reason).not.toHaveProperty('duplicate');
    expect(manifest.quality.rejected_by_reason).toHaveProperty('non_positive_amount');
    expect(summary).toMatchObject({ ok: true, rows_read: 5000 });
  });

  it('takes --memory-limit in whole MB and refuses anything else as a usage error (exit 2)', async () => {
    const out = join(dir, 'memory');
    const run = (limit: string) =>
      promisify(execFile)(process.execPath, [
        cli,
        'publish',
        '--source',
        'sample:2000',
        '--out',
        out,
        '--memory-limit',
        limit,
        '--json',
      ]);
    const { stdout } = await run('64');
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toMatchObject({ ok: true, rows_read: 2000 });
    for (const bad of ['16', '1.5GB', 'lots']) {
      await expect(run(bad)).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining(`--memory-limit must be a whole number of MB ≥ 32, got "${bad}"`),
      });
    }
  });

  it('refuses an unknown rule in the config file as a usage error (exit 2)', async () => {
    const config = join(dir, 'typo.json');
    await writeFile(config, JSON.stringify({ rules: { dedupe: false } }));
    const run = promisify(execFile)(process.execPath, [
      cli,
      'publish',
      '--source',
      'sample',
      '--out',
      dir,
      '--config',
      config,
    ]);
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown key "dedupe"/) });
  });
});
