import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

/** The ETL code and the contract, hashed: a change to either publishes the extracts afresh (as ensureTestExtracts). */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const etl = join(repo, 'etl/src');
  const files = (await readdir(etl, { recursive: true })).filter((f) => f.endsWith('.ts')).map((f) => join(etl, f));
  for (const f of [...files.sort(), join(repo, 'packages/sdk/src/contract.ts')])
    hash.update(f).update(await readFile(f));
  return hash.digest('hex').slice(0, 12);
}

/**
 * A published extract of `rows` generated lines with the profit columns (`sample-v2`, the demo's source, so every
 * chart of the dashboard has data), cached under node_modules/.cache/atliq-bench-extracts/<rows>-<hash>. Published
 * by the CLI in a child process, as a user runs it: 10M rows take minutes and most of a GB, which should not sit
 * in the benchmark's own process.
 */
export async function ensureBenchExtract(
  rows: number,
  log: (line: string) => void,
  reuse = false,
  /** The ETL's `--memory-limit` (MB) when it publishes; its default (96 MB) fails at 100M rows. */
  memoryLimitMb?: number,
): Promise<string> {
  const cache = join(repo, 'node_modules/.cache/atliq-bench-extracts');
  const dir = join(cache, `${rows}-${await sourceHash()}`);
  if (existsSync(join(dir, 'manifest.json'))) return dir;
  const older = await olderVersions(cache, rows);
  if (reuse && older.length > 0) {
    log(`reusing ${older[0]} (published by an older version of the ETL)`);
    return older[0]!;
  }
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  log(
    `publishing a ${rows.toLocaleString('en')}-row sample extract${memoryLimitMb ? ` (--memory-limit ${memoryLimitMb})` : ''} (cached for later runs)…`,
  );
  const started = performance.now();
  const memory = memoryLimitMb ? ['--memory-limit', String(memoryLimitMb)] : [];
  await runCli(['publish', '--source', `sample-v2:${rows}`, '--out', tmp, '--json', ...memory]);
  await rename(tmp, dir).catch(async (err: NodeJS.ErrnoException) => {
    // Another run published the same extract meanwhile: keep its copy.
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
    await rm(tmp, { recursive: true, force: true });
  });
  log(`  published in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Extracts of an older ETL are never read again; at 10M rows each holds hundreds of MB.
  for (const old of older) await rm(old, { recursive: true, force: true });
  return dir;
}

/** Complete extracts of `rows` rows published by other versions of the ETL, newest first. */
async function olderVersions(cache: string, rows: number): Promise<string[]> {
  const names = await readdir(cache).catch(() => [] as string[]);
  const dirs = names
    .filter((n) => new RegExp(`^${rows}-[0-9a-f]+$`).test(n))
    .map((n) => join(cache, n))
    .filter((d) => existsSync(join(d, 'manifest.json')));
  const withTimes = await Promise.all(
    dirs.map(async (d) => ({ d, t: (await stat(join(d, 'manifest.json'))).mtimeMs })),
  );
  return withTimes.sort((a, b) => b.t - a.t).map((x) => x.d);
}

function runCli(args: string[]): Promise<void> {
  const cli = join(repo, 'etl/src/cli.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`etl publish failed (${code}):\n${stderr}`)),
    );
  });
}
