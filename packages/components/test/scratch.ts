import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright';

/**
 * What the tests of scratch projects outside the workspace share: running a user's commands, and opening a page
 * that records what goes wrong on it.
 */

const exec = promisify(execFile);

/** The scratch project's commands see a user's shell: no pnpm `npm_*` settings, no Vitest NODE_ENV. */
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && !k.startsWith('PNPM_') && k !== 'NODE_ENV'),
);

/** Runs `command` in `cwd` as a user would; rejects with its output when it fails. */
export const run = (cwd: string, command: string, args: string[]) =>
  exec(command, args, { cwd, env: userEnv, maxBuffer: 16 * 1024 * 1024 });

/** The packed tarballs as a user's package.json names them. */
export const tarballDependencies = (tarballs: Record<string, string>) =>
  Object.fromEntries(Object.entries(tarballs).map(([name, tarball]) => [name, `file:${tarball}`]));

/**
 * A new project in a temporary folder outside the workspace: `package.json` made from `dependencies` and
 * `devDependencies`, the other `files` written as given (by path), then `npm install` from npm's cache when it can.
 */
export async function createApp(
  name: string,
  dependencies: Record<string, string>,
  devDependencies: Record<string, string>,
  files: Record<string, string>,
): Promise<string> {
  const app = await mkdtemp(join(tmpdir(), `atliq-${name}-`));
  const packageJson = { name, private: true, type: 'module', dependencies, devDependencies };
  for (const [path, text] of Object.entries({ ...files, 'package.json': JSON.stringify(packageJson, null, 2) })) {
    await mkdir(dirname(join(app, path)), { recursive: true });
    await writeFile(join(app, path), text);
  }
  await run(app, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund']);
  return app;
}

/** A new page, and what goes wrong on it: uncaught errors, console errors, failed requests. */
export async function openPage(browser: Browser, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return { page, errors };
}

/** The bars a chart shows, as its `data` property holds them. */
export const barsOf = (chart: HTMLElement) =>
  (chart as HTMLElement & { data: { label: string; value: number }[] }).data;
