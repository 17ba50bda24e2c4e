/**
 * Global setup of the `pack` project: the npm tarballs of @atliq/sdk and @atliq/components, made by `pnpm pack`
 * as a release would make them (prepack builds dist/), and the test extract with its revenue by market.
 *
 * Packing here rather than in the test keeps the rebuild of packages/components/dist/lib out of the way of the
 * e2e tests, which copy that folder: global setups run one after another, before any test.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ensureTestExtracts } from '@atliq/devserver';
import type { Manifest } from '@atliq/sdk/contract';
import { connectNode } from '@atliq/sdk/node';
import type { TestProject } from 'vitest/node';
import { parquetList } from './parquet.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pack: {
      /** Tarball path by package name. */
      tarballs: { '@atliq/sdk': string; '@atliq/components': string; '@atliq/react': string };
      /** The default test extract's folder. */
      extracts: string;
      /** Its revenue per market name, largest first, from the published Parquet files. */
      revenueByMarket: { label: string; value: number }[];
    };
  }
}

const run = promisify(execFile);
const packages = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject): Promise<void> {
  const out = await mkdtemp(join(tmpdir(), 'atliq-tarballs-'));
  const pack = async (dir: string) => {
    const destination = join(out, dir);
    await mkdir(destination);
    await run('pnpm', ['pack', '--pack-destination', destination], {
      cwd: join(packages, dir),
      // Vitest's NODE_ENV=test is no concern of a release build.
      env: { ...process.env, NODE_ENV: 'production' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const [tarball] = (await readdir(destination)).filter((f) => f.endsWith('.tgz'));
    return join(destination, tarball!);
  };
  const sdk = await pack('sdk');
  const components = await pack('components');
  const react = await pack('react');
  const extracts = await ensureTestExtracts();
  project.provide('pack', {
    tarballs: { '@atliq/sdk': sdk, '@atliq/components': components, '@atliq/react': react },
    extracts,
    revenueByMarket: await revenueByMarket(extracts),
  });
}

async function revenueByMarket(dir: string): Promise<{ label: string; value: number }[]> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const db = await connectNode(join(dir, manifest.browser_db));
  try {
    const rows = await db.query(
      `SELECT m.market_name AS label, sum(f.revenue) AS value
       FROM read_parquet(${parquetList(dir, manifest, 'fact_sales')}) f
       JOIN read_parquet(${parquetList(dir, manifest, 'dim_market')}) m USING (market_code)
       GROUP BY m.market_name ORDER BY value DESC, label`,
      [],
    );
    return rows.map((r) => ({ label: String(r.label), value: Number(r.value) }));
  } finally {
    await db.close();
  }
}
