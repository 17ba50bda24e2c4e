/**
 * Debian's nginx and Apache, started hermetically with their stock settings (`stock-nginx.conf`,
 * `stock-apache.conf`) plus exactly the block the README tells a site to add, serving one site folder on a free
 * loopback port: what the web-server tests prove the README's claims against.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const here = import.meta.dirname;

export type ServerName = 'nginx' | 'apache';

export interface WebServer {
  readonly name: ServerName;
  readonly url: string;
  /** The configuration it runs, for people to read when a test fails. */
  readonly config: string;
  close(): Promise<void>;
}

const BINARIES: Record<ServerName, string> = { nginx: '/usr/sbin/nginx', apache: '/usr/sbin/apache2' };
const PACKAGES: Record<ServerName, string> = { nginx: 'nginx', apache: 'apache2' };

/** The README's block for `server` (the fenced ```nginx or ```apache one), as a site copies it. */
export async function readmeBlock(server: ServerName): Promise<string> {
  const readme = await readFile(join(here, '../../README.md'), 'utf8');
  const blocks = [...readme.matchAll(new RegExp(`^\`\`\`${server}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))];
  if (blocks.length !== 1)
    throw new Error(`README.md must have exactly one \`\`\`${server} block, has ${blocks.length}.`);
  return blocks[0]![1]!;
}

/** Whether a user other than the owner can pass through every folder from `dir` up to `/`. */
async function traversable(dir: string): Promise<boolean> {
  for (let at = dir; ; at = dirname(at)) {
    const mode = await stat(at).then(
      (s) => s.mode,
      () => 0,
    );
    if ((mode & 0o001) === 0) return false;
    if (at === dirname(at)) return true;
  }
}

/**
 * A new empty folder that a server's unprivileged workers (Apache's `www-data`) can reach: under the temporary
 * folder when every folder above it lets others through, else under `/tmp` or `/var/tmp` (a CI job's own TMPDIR is
 * often private). Fill it, then call `shareable` on it.
 */
export async function publicFolder(prefix: string): Promise<string> {
  for (const base of [tmpdir(), '/tmp', '/var/tmp']) {
    if (!(await traversable(base))) continue;
    const dir = await mkdtemp(join(base, prefix));
    await chmod(dir, 0o755);
    return dir;
  }
  throw new Error(
    `No temporary folder lets others in (${tmpdir()}, /tmp, /var/tmp): Apache's www-data could not serve it.`,
  );
}

/** Makes everything under `dir` readable by others (copies keep the modes a private umask gave their sources). */
export async function shareable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await shareable(path);
    else await chmod(path, ((await stat(path)).mode & 0o777) | 0o444);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function answering(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${url} did not start (exit ${child.exitCode}):\n${log()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await sleep(50);
    }
  }
  throw new Error(`${url} did not answer within 5 s:\n${log()}`);
}

/**
 * Starts `name` on `root` with its stock settings plus `atliq` (the README's block; pass '' for stock alone). As
 * root, nginx's workers stay root and Apache's become `www-data` (it refuses to serve as root): `root` and every
 * folder above it must then be readable by others.
 */
export async function startServer(name: ServerName, root: string, atliq: string): Promise<WebServer> {
  const binary = BINARIES[name];
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: install Debian's ${PACKAGES[name]} (bash .ci/setup test does).`);
  }
  const prefix = await mkdtemp(join(tmpdir(), `atliq-${name}-`));
  await mkdir(join(prefix, 'tmp'), { recursive: true });
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const user = name === 'nginx' ? 'user root;' : 'User www-data\nGroup www-data';
  const fill: Record<string, string> = { PREFIX: prefix, PORT: String(port), ROOT: root, ATLIQ: atliq };
  fill['USER'] = asRoot ? user : '';
  const template = await readFile(join(here, `stock-${name}.conf`), 'utf8');
  const config = template.replace(/\{\{([A-Z]+)\}\}/g, (_, key: string) => fill[key] ?? '');
  const file = join(prefix, `${name}.conf`);
  await writeFile(file, config);
  const args =
    name === 'nginx'
      ? ['-p', prefix, '-c', file, '-e', join(prefix, 'error.log'), '-g', 'daemon off;']
      : ['-d', prefix, '-f', file, '-DFOREGROUND'];
  let log = '';
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (d) => (log += d));
  const errors = async () => log + (await readFile(join(prefix, 'error.log'), 'utf8').catch(() => ''));
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(3000)]);
    }
    await rm(prefix, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await answering(`${url}/`, child, () => log);
  } catch (error) {
    const detail = await errors();
    await close();
    throw new Error(`${(error as Error).message}\n${detail}`);
  }
  return { name, url, config, close };
}
