#!/usr/bin/env node
/**
 * `npx atliq-assets <folder>`: copies the DuckDB-WASM engine's worker and wasm files (the ones `setEngineFiles()`
 * expects) out of this package into a folder of the user's site, for a page that no bundler builds. Plain JS so it
 * runs with the user's node; every failure is one line that says what to do, never a stack.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

const USAGE =
  'usage: npx atliq-assets <folder>   copies the DuckDB engine files of @atliq/sdk into <folder> (created if missing)';

/** Exit codes: 2 for a mistake on the command line, 1 for a copy that failed. */
function fail(code, message) {
  process.stderr.write(`atliq-assets: ${message}\n`);
  process.exit(code);
}

/**
 * The URL the folder is likely served at: Vite, Next.js and others serve `public/` at the site's root, so
 * `public/engine` becomes `/engine/`; any other folder inside the current one keeps its relative path.
 */
function servedAt(folder) {
  const path = relative(process.cwd(), folder);
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return '/engine/';
  const parts = path.split(sep).filter((p) => p !== '.');
  const at = parts.indexOf('public');
  return `/${(at >= 0 ? parts.slice(at + 1) : parts).map(encodeURIComponent).join('/')}/`.replace(/\/+$/, '/');
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const unknown = args.find((a) => a.startsWith('-'));
if (unknown) fail(2, `unknown option ${unknown}. ${USAGE}`);
if (args.length !== 1) fail(2, `name one folder to copy the engine files into, e.g. npx atliq-assets public/engine`);

const folder = resolve(args[0]);
const engine = new URL('../dist/engine/', import.meta.url);
let names;
try {
  const { ENGINE_FILES } = await import('../dist/connectors/engine-files.js');
  names = Object.values(ENGINE_FILES).flatMap((b) => [b.mainWorker, b.mainModule]);
} catch (error) {
  fail(1, `this copy of @atliq/sdk has no built dist/ (${error.code ?? error.message}): reinstall @atliq/sdk.`);
}

try {
  await mkdir(folder, { recursive: true });
} catch (error) {
  fail(1, `cannot create the folder ${args[0]} (${error.code ?? error.message}): choose a folder you can write to.`);
}
let bytes = 0;
for (const name of names) {
  const from = new URL(name, engine);
  try {
    bytes += (await stat(from)).size;
  } catch (error) {
    fail(1, `this copy of @atliq/sdk lacks dist/engine/${name} (${error.code}): reinstall @atliq/sdk.`);
  }
  try {
    await copyFile(from, resolve(folder, name));
  } catch (error) {
    fail(1, `cannot write ${name} into ${args[0]} (${error.code ?? error.message}): choose a folder you can write to.`);
  }
}
const url = servedAt(folder);
process.stdout.write(
  `atliq-assets: copied ${names.join(', ')} (${(bytes / 1e6).toFixed(1)} MB) to ${args[0]}; serve that folder ` +
    `(here assumed at ${url}) and call setEngineFiles('${url}') from @atliq/sdk or @atliq/components before the first query.\n`,
);
