#!/usr/bin/env node
/**
 * `pnpm etl` / `pnpm seed` in this checkout: the ETL CLI as one bundled ES module (scripts/bundle-cli.mjs, the
 * same build the npm package ships as its bin) under plain node. Running it through a TypeScript loader (tsx) cost
 * ~30 MB of the run's peak RSS and ~0.4 s of start-up; the bundle is rebuilt here, in ~0.2 s, whenever one of the
 * files it was built from changed, so it never runs stale code.
 */
import { readFile, stat } from 'node:fs/promises';
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
    const { bundleCli } = await import('../scripts/bundle-cli.mjs');
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

if (!(await fresh())) await rebuild();
await import(bundle);
