import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSampleSource, parseScopes, publish } from '@atliq/etl';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
export const TEST_EXTRACT_ROWS = 20_000;

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const roots = [join(repo, 'etl/src'), join(repo, 'packages/sdk/src/contract.ts')];
  for (const root of roots) {
    const files = root.endsWith('.ts')
      ? [root]
      : (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts')).map((f) => join(root, f));
    for (const f of files.sort()) hash.update(f).update(await readFile(f));
  }
  return hash.digest('hex').slice(0, 12);
}

export interface TestExtractOptions {
  /** Publish the sample with the schema-v2 profit columns (profit, margin, shares). Default false. */
  withProfit?: boolean;
  /** Scoped extracts to publish beside the full one, as a `--scopes` file has them (row-level security). */
  scopes?: Record<string, unknown>;
}

/**
 * A published extract of the deterministic sample data for tests, Storybook and screenshots. Built once per
 * version of the ETL code and cached under node_modules/.cache, the with-profit variant in a folder of its own;
 * safe to call from parallel processes (each builds privately and renames into place).
 */
export async function ensureTestExtracts(
  rows = TEST_EXTRACT_ROWS,
  { withProfit = false, scopes }: TestExtractOptions = {},
): Promise<string> {
  const scoped = scopes
    ? `-scopes-${createHash('sha256').update(JSON.stringify(scopes)).digest('hex').slice(0, 8)}`
    : '';
  const name = `${rows}${withProfit ? '-profit' : ''}${scoped}-${await sourceHash()}`;
  const dir = join(repo, 'node_modules/.cache/atliq-test-extracts', name);
  if (existsSync(join(dir, 'manifest.json'))) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  const source = createSampleSource({ rows, withProfit });
  try {
    await publish({ source, out: tmp, ...(scopes ? { scopes: parseScopes(scopes, 'test scopes') } : {}) });
  } finally {
    await source.close();
  }
  await rename(tmp, dir).catch(async (err: NodeJS.ErrnoException) => {
    // Another process won the race: its extract is identical.
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
    await rm(tmp, { recursive: true, force: true });
  });
  return dir;
}
