#!/usr/bin/env node
/**
 * `pnpm etl` / `pnpm seed`: the ETL CLI (src/cli.ts) as one bundled ES module under plain node. Running it through
 * a TypeScript loader (tsx) cost ~30 MB of the run's peak RSS and ~0.4 s of start-up; the bundle is rebuilt here,
 * in ~0.2 s, whenever one of the files it was built from changed, so it never runs stale code. The drivers
 * (@duckdb/node-api with its native library, mysql2) stay external and load from node_modules.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const etl = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${etl}dist/atliq-etl.mjs`;
const inputs = `${etl}dist/atliq-etl.inputs.json`;

/** True when the bundle exists and none of the files listed as its inputs changed (or vanished) since it was built. */
async function fresh() {
  try {
    const built = (await stat(bundle)).mtimeMs;
    const files = JSON.parse(await readFile(inputs, 'utf8'));
    const times = await Promise.all(files.map((f) => stat(`${etl}${f}`).then((s) => s.mtimeMs)));
    return times.every((t) => t < built);
  } catch {
    return false;
  }
}

/** Builds the bundle; a checkout this user cannot write to gets a message that says what to do. */
async function rebuild() {
  try {
    await bundleCli();
  } catch (error) {
    if (!['EACCES', 'EPERM', 'EROFS'].includes(error?.code)) throw error;
    process.stderr.write(
      `atliq-etl: cannot write the CLI's bundle in ${etl}dist/ (${error.code}). Run \`pnpm etl --help\` once as ` +
        'the owner of this checkout after installing or updating it (.ci/setup does), or make that folder writable.\n',
    );
    process.exit(1);
  }
}

async function bundleCli() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [`${etl}src/cli.ts`],
    absWorkingDir: etl,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // The contract and the model are a workspace package's TypeScript source: bundled, not loaded from node_modules.
    alias: {
      '@atliq/sdk/contract': '../packages/sdk/src/contract.ts',
      '@atliq/sdk/model': '../packages/sdk/src/model.ts',
    },
    outfile: bundle,
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  // Written beside the bundle and renamed into place: two runs rebuilding at once never load a half-written file.
  await mkdir(`${etl}dist`, { recursive: true });
  const tmp = `${bundle}.${process.pid}.tmp`;
  await writeFile(tmp, result.outputFiles[0].contents);
  await writeFile(`${inputs}.${process.pid}.tmp`, JSON.stringify(Object.keys(result.metafile.inputs)));
  await rename(`${inputs}.${process.pid}.tmp`, inputs);
  await rename(tmp, bundle);
}

if (!(await fresh())) await rebuild();
await import(bundle);
