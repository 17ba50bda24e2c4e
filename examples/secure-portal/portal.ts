/**
 * Starts the secure portal hermetically, as the tests and the README's walk-through do: Debian's nginx and
 * authz.mjs on free loopback ports, with their own prefix folder (configuration, pid, logs, temp files), serving a
 * published extract folder. Optionally an SSO stand-in in front (tests only): it turns a `sso_user` cookie into
 * X-Remote-User, overwriting any header a browser sent — what a real SSO proxy does after its login.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const here = import.meta.dirname;
export const NGINX = '/usr/sbin/nginx';

export interface PortalOptions {
  /** The ETL's output folder: manifest.json, v/, scopes/<name>/. */
  readonly extracts: string;
  /** Where atliq.js and its assets are (packages/components/dist). */
  readonly bundle: string;
  /** The pages served at / (this folder's index.html by default). */
  readonly pages?: string;
  /** Users and their scopes, e.g. `{ alice: ['north'], director: ['all'] }`. */
  readonly users: Record<string, readonly string[]>;
  /** Also start the SSO stand-in (tests only). */
  readonly ssoStandIn?: boolean;
}

export interface Portal {
  /** nginx itself: requests carry X-Remote-User as the SSO proxy would set it. */
  readonly url: string;
  /** The SSO stand-in in front of it (with `ssoStandIn`): the browser's address, identity from the `sso_user` cookie. */
  readonly front: string;
  /** The generated nginx configuration, for people to read. */
  readonly config: string;
  close(): Promise<void>;
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

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
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

/** A server block in front of nginx standing in for the SSO proxy: identity from a cookie, overwriting the header. */
const standIn = (port: number, upstream: number) => `
  # TEST ONLY: stands in for the SSO proxy. A real one authenticates the reader; this one believes a cookie.
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://127.0.0.1:${upstream};
      proxy_set_header X-Remote-User $cookie_sso_user;
      proxy_set_header Host $http_host;
      proxy_buffering off;
    }
  }`;

export async function startPortal(options: PortalOptions): Promise<Portal> {
  if (!existsSync(NGINX)) {
    throw new Error(`${NGINX} is missing: install Debian's nginx (bash .ci/setup test does) to run the secure portal.`);
  }
  const prefix = await mkdtemp(join(tmpdir(), 'atliq-portal-'));
  await mkdir(join(prefix, 'tmp'), { recursive: true });
  const [port, authzPort, frontPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const users = join(prefix, 'users.json');
  await writeFile(users, JSON.stringify(options.users, null, 2));
  const fill: Record<string, string> = {
    // nginx started as root hands requests to `nobody`, who cannot read a private temp folder or the checkout.
    USER: process.getuid?.() === 0 ? 'user root;' : '',
    PREFIX: prefix,
    PORT: String(port),
    AUTHZ_PORT: String(authzPort),
    EXTRACTS: options.extracts,
    BUNDLE: options.bundle,
    PAGES: options.pages ?? here,
    EXTRA: options.ssoStandIn ? standIn(frontPort, port) : '',
  };
  const template = await readFile(join(here, 'nginx.conf'), 'utf8');
  const config = template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => fill[name] ?? '');
  const configFile = join(prefix, 'nginx.conf');
  await writeFile(configFile, config);

  let authzLog = '';
  const authz = spawn(process.execPath, [join(here, 'authz.mjs'), '--port', String(authzPort), '--users', users], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [authz.stdout, authz.stderr]) stream?.on('data', (d) => (authzLog += d));
  let nginxLog = '';
  const nginx = spawn(NGINX, ['-p', prefix, '-c', configFile, '-e', join(prefix, 'error.log'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [nginx.stdout, nginx.stderr]) stream?.on('data', (d) => (nginxLog += d));
  const stop = async () => {
    for (const child of [nginx, authz]) if (child.exitCode === null) child.kill('SIGTERM');
    await sleep(100);
    await rm(prefix, { recursive: true, force: true });
  };
  try {
    await waitFor(`http://127.0.0.1:${authzPort}/health`, authz, () => authzLog);
    await waitFor(`http://127.0.0.1:${port}/`, nginx, () => nginxLog);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    front: `http://127.0.0.1:${frontPort}`,
    config,
    close: stop,
  };
}
