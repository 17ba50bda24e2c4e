/**
 * Shared by the fault tests: run the CLI as a real child process (so it can be killed and its exit code read) and
 * check that an extract folder still serves a complete, checksummed snapshot.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Manifest, parseManifest } from '@atliq/sdk/contract';
import { expect } from 'vitest';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'etl/bin/atliq-etl.mjs');

export interface CliRun {
  child: ChildProcess;
  /** Everything the run wrote to stderr so far. */
  stderr(): string;
  /** Resolves when stderr matches `pattern` (rejects if the process exits first). */
  waitFor(pattern: RegExp): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * Starts `atliq-etl ARGS` with node directly (not through npx, whose wrapper process would survive a SIGKILL
 * of the pid we hold and keep the real run going).
 */
export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const w of waiters.filter((w) => w.pattern.test(stderr))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const exited = new Promise<Awaited<CliRun['exited']>>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (pattern.test(stderr)) return resolve();
      waiters.push({ pattern, resolve });
      exited.then(() => reject(new Error(`CLI exited before printing ${pattern}:\n${stderr}`)));
    });
  return { child, stderr: () => stderr, waitFor, exited };
}

/**
 * Asserts that `out` serves a complete snapshot: the manifest parses, and every file it names exists with the
 * recorded size and sha256. Returns the manifest.
 */
export async function expectServing(out: string): Promise<Manifest> {
  const manifest = parseManifest(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
  for (const file of manifest.files) {
    const bytes = await readFile(join(out, file.path));
    expect(bytes.byteLength, file.path).toBe(file.bytes);
    expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
  }
  return manifest;
}

/** The extract folder's entries besides the manifest and the published snapshot folders. */
export async function debris(out: string): Promise<string[]> {
  const top = (await readdir(out)).filter((n) => n !== 'manifest.json' && n !== 'v');
  const snapshots = (await readdir(join(out, 'v'))).filter((n) => n.startsWith('.'));
  return [...top, ...snapshots.map((n) => `v/${n}`)];
}
