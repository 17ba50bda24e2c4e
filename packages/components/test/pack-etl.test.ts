import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Manifest, parseManifest } from '@atliq/sdk/contract';
import { connectNode } from '@atliq/sdk/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetList } from './parquet.ts';
import { createApp, run, tarballDependencies } from './scratch.ts';

/**
 * What a user of the `atliq-etl` command does, outside this workspace: install the packed @atliq/etl tarball with
 * npm, ask for the help, make a mistake, and publish an extract of the built-in sample — whose row counts are then
 * read back from the published files with DuckDB, not taken from the ETL's own summary.
 */

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const SAMPLE_ROWS = 1000;

let tarball: string;
let app: string;

beforeAll(async () => {
  // Packed here, not in the project's global setup: the ETL's prepack rebuilds only etl/dist, which no other
  // pack test reads. `run` gives pnpm a user's environment (no Vitest NODE_ENV), as a release build has.
  const destination = await mkdtemp(join(tmpdir(), 'atliq-etl-tarball-'));
  await run(join(repo, 'etl'), 'pnpm', ['pack', '--pack-destination', destination]);
  tarball = join(destination, (await readdir(destination)).find((f) => f.endsWith('.tgz'))!);
  app = await createApp('user-etl', tarballDependencies({ '@atliq/etl': tarball }), {}, {});
});
afterAll(async () => {
  if (app) await rm(app, { recursive: true, force: true });
});

/** Runs `npx atliq-etl ARGS` in the scratch project; a failure is returned, not thrown. */
const atliqEtl = (args: string[]) =>
  run(app, 'npx', ['atliq-etl', ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('the @atliq/etl tarball', () => {
  it('holds the prebuilt command, README and LICENSE, and no sources, tests or fixtures', async () => {
    const files = (await run(tmpdir(), 'tar', ['tzf', tarball])).stdout.trim().split('\n').sort();
    expect(files).toEqual([
      'package/LICENSE',
      'package/README.md',
      'package/dist/atliq-etl.mjs',
      'package/package.json',
    ]);
    const license = (await run(tmpdir(), 'tar', ['xzf', tarball, '-O', 'package/LICENSE'])).stdout;
    expect(license).toBe(await readFile(join(repo, 'LICENSE'), 'utf8'));
  });

  it('names the prebuilt bin and depends only on the drivers and the statistics the insights use, from the registry', async () => {
    const text = (await run(tmpdir(), 'tar', ['xzf', tarball, '-O', 'package/package.json'])).stdout;
    const manifest = JSON.parse(text);
    expect(text).not.toContain('workspace:');
    expect(manifest.private).toBeUndefined();
    expect(manifest.bin).toEqual({ 'atliq-etl': './dist/atliq-etl.mjs' });
    // simple-statistics: the bridge grain runs the insights' own findings (robust z-scores) at publish time.
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@duckdb/node-api', 'mysql2', 'simple-statistics']);
  });
});

describe('npx atliq-etl, installed with npm outside the workspace', () => {
  it('runs from the scratch project, not from this checkout', () => {
    expect(relative(repo, app)).toMatch(/^\.\.\//);
  });

  it('--help prints the usage and exits 0', async () => {
    const { code, stdout, stderr } = await atliqEtl(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^atliq-etl — publish Atliq sales extracts\n/);
    // The usage names the command as npm installed it, not as this repository runs it (pnpm etl).
    expect(stdout).toContain('\n  atliq-etl publish --source SOURCE --out DIR');
    expect(stdout).toContain('Exit codes: 0 done, 1 run failed (a previously published extract is untouched), 2 usage');
    expect(stderr).toBe('');
  });

  it.each([
    { args: [], message: 'missing command: use publish, watch or seed' },
    {
      args: ['publish', '--source', `sample:${SAMPLE_ROWS}`],
      message: '--out is required: the folder to publish the extract into, e.g. --out extracts',
    },
  ])('a usage mistake ($args) is one error line and a pointer at --help, exit 2', async ({ args, message }) => {
    const { code, stdout, stderr } = await atliqEtl(args);
    expect(stderr.trimEnd().split('\n')).toEqual([`error: ${message}`, 'run with --help for every command and option']);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it(`publish --source sample:${SAMPLE_ROWS} writes an extract whose published rows are ${SAMPLE_ROWS} minus the quarantined ones`, async () => {
    const out = join(app, 'extracts');
    const { code, stdout } = await atliqEtl(['publish', '--source', `sample:${SAMPLE_ROWS}`, '--out', out, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, source: `sample:${SAMPLE_ROWS}` });

    // The manifest is one the components' reader accepts, and every file it lists is there as it describes it.
    const manifest: Manifest = parseManifest(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.source.kind).toBe('sample');
    for (const file of manifest.files) {
      const bytes = await readFile(join(out, file.path));
      expect(bytes.length, file.path).toBe(file.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
    }

    const db = await connectNode(join(out, manifest.browser_db));
    try {
      const count = async (sql: string) => Number((await db.query(sql, []))[0]!['n']);
      const rejected = await count(`SELECT count(*) AS n FROM read_parquet(${parquetList(out, manifest, 'rejects')})`);
      // The sample carries dirty lines (duplicates, non-positive amounts): a clean run would prove nothing here.
      expect(rejected).toBeGreaterThan(0);
      const published = SAMPLE_ROWS - rejected;
      expect(manifest.quality.rows_published).toBe(published);
      expect(manifest.quality.rows_rejected).toBe(rejected);
      expect(await count(`SELECT count(*) AS n FROM read_parquet(${parquetList(out, manifest, 'fact_sales')})`)).toBe(
        published,
      );
      expect(await count('SELECT count(*) AS n FROM fact_sales')).toBe(published);
    } finally {
      await db.close();
    }
  });
});
