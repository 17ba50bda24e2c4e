/**
 * Builds the ETL CLI (src/cli.ts) into one ES module, dist/atliq-etl.mjs: the `atliq-etl` bin of the npm package
 * (run as `node scripts/bundle-cli.mjs` by prepack) and what bin/atliq-etl.mjs (`pnpm etl`) runs in this checkout.
 * The drivers (@duckdb/node-api with its native library, mysql2) stay external, the package's dependencies; the
 * contract and the model are bundled from @atliq/sdk's TypeScript source, so the package needs no @atliq/sdk.
 * dist/atliq-etl.inputs.json lists the files the bundle was built from, this script included, for the launcher's
 * freshness check.
 */
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const etl = fileURLToPath(new URL('..', import.meta.url));
export const bundle = `${etl}dist/atliq-etl.mjs`;
export const inputs = `${etl}dist/atliq-etl.inputs.json`;

export async function bundleCli() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [`${etl}src/cli.ts`],
    absWorkingDir: etl,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    alias: {
      '@atliq/sdk/contract': '../packages/sdk/src/contract.ts',
      '@atliq/sdk/model': '../packages/sdk/src/model.ts',
    },
    outfile: bundle,
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  // src/cli.ts starts with a tsx hashbang, which esbuild keeps: the bin runs under plain node.
  const code = `#!/usr/bin/env node\n${result.outputFiles[0].text.replace(/^#!.*\n/, '')}`;
  // Written beside the bundle and renamed into place: two runs rebuilding at once never load a half-written file.
  await mkdir(`${etl}dist`, { recursive: true });
  const tmp = `${bundle}.${process.pid}.tmp`;
  await writeFile(tmp, code);
  await chmod(tmp, 0o755);
  await writeFile(
    `${inputs}.${process.pid}.tmp`,
    JSON.stringify([...Object.keys(result.metafile.inputs), 'scripts/bundle-cli.mjs']),
  );
  await rename(`${inputs}.${process.pid}.tmp`, inputs);
  await rename(tmp, bundle);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
