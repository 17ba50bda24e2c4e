import { execFile } from 'node:child_process';
import { readFile, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const etl = join(import.meta.dirname, '..');
const launcher = join(etl, 'bin/atliq-etl.mjs');
const bundle = join(etl, 'dist/atliq-etl.mjs');
const help = () => promisify(execFile)(process.execPath, [launcher, '--help']);
const builtAt = async () => (await stat(bundle)).mtimeMs;

describe('bin/atliq-etl.mjs (pnpm etl)', () => {
  it('runs the bundled CLI, reuses a fresh bundle and rebuilds it when one of its sources changed', async () => {
    const { stdout } = await help();
    expect(stdout).toMatch(/^atliq-etl — publish Atliq sales extracts/);
    const inputs: string[] = JSON.parse(await readFile(join(etl, 'dist/atliq-etl.inputs.json'), 'utf8'));
    // The CLI's own sources and the contract it shares with the browser are what the bundle was built from.
    expect(inputs).toEqual(expect.arrayContaining(['src/cli.ts', '../packages/sdk/src/contract.ts']));
    const first = await builtAt();
    await help();
    expect(await builtAt()).toBe(first);

    // A source edited after the build (its mtime moved past the bundle's) makes the next run rebuild.
    const source = join(etl, 'src/cli/duration.ts');
    expect(inputs).toContain('src/cli/duration.ts');
    const { atime, mtime } = await stat(source);
    try {
      const edited = new Date(first + 1000);
      await utimes(source, edited, edited);
      await help();
      expect(await builtAt()).toBeGreaterThan(edited.getTime());
    } finally {
      await utimes(source, atime, mtime);
    }
  });
});
