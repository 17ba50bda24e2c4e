/**
 * `pnpm bench:etl --scopes 0,1,4,16`: what publishing scopes beside the full extract costs — the run's time (the
 * `scopes` phase is the difference) and the disk the scope folders take against the full extract's snapshot.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MARKETS } from '../src/sample/reference-tables.ts';
import { seedDatabase } from '../src/seed.ts';
import { startMariaDB } from '../test/mariadb.ts';
import { bareStream, type Server } from './pipelines.ts';
import { cli, runPublish } from './publish-run.ts';

/** `n` scopes: one zone, then the three zones and an aggregate board view, then one per market name. */
export function scopeSet(n: number): Record<string, object> {
  if (n === 0) return {};
  if (n === 1) return { north: { zone: ['North'] } };
  if (n === 4) {
    return {
      north: { zone: ['North'] },
      south: { zone: ['South'] },
      central: { zone: ['Central'] },
      board: { detail: 'aggregate' },
    };
  }
  const names = [...new Set(MARKETS.map(([, name]) => name))].slice(0, n);
  if (names.length < n) throw new Error(`the sample has ${names.length} market names, not ${n}`);
  return Object.fromEntries(
    names.map((name) => [name.toLowerCase().replaceAll(/[^a-z0-9]+/g, '-'), { market: [name] }]),
  );
}

async function bytesUnder(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  let total = 0;
  for (const e of entries) if (e.isFile()) total += (await stat(join(e.parentPath, e.name))).size;
  return total;
}

export interface ScopesCost {
  scopes: number;
  seconds: number;
  phases: string;
  maxRssMb: number;
  /** Bytes of the full extract's snapshot folder and of every scope folder together. */
  mainBytes: number;
  scopeBytes: number;
}

/** One publish with `n` scopes into a fresh folder, measured and then deleted. */
export async function scopesCost(s: Server, work: string, n: number): Promise<ScopesCost> {
  const out = join(work, `out-scopes-${n}`);
  const file = join(work, `scopes-${n}.json`);
  await writeFile(file, JSON.stringify(scopeSet(n)));
  const run = await runPublish(s, out, undefined, n > 0 ? ['--scopes', file] : []);
  const cost = {
    scopes: n,
    seconds: run.seconds,
    phases: run.phases,
    maxRssMb: run.maxRssMb,
    mainBytes: await bytesUnder(join(out, 'v')),
    scopeBytes: await bytesUnder(join(out, 'scopes')),
  };
  await rm(out, { recursive: true, force: true });
  return cost;
}

/**
 * A private MariaDB seeded with `rows` lines; our publish with each count of scopes, `repeat` times: the median run's
 * time and phases (its `scopes` phase is the cost), the highest peak RSS, and the scope folders' disk against the
 * full snapshot's.
 */
export async function scopesBench(
  rows: number,
  counts: readonly number[],
  repeat: number,
  log: (line: string) => void,
): Promise<void> {
  const server = await startMariaDB();
  const work = await mkdtemp(join(tmpdir(), 'atliq-bench-scopes-'));
  try {
    const { host, port, user, password } = server;
    const conn: Server = { host, port, user, password, database: 'bench' };
    await seedDatabase({ host, port, user, password }, { rows, database: 'bench' });
    execFileSync(process.execPath, [cli, '--help'], { stdio: 'ignore' });
    await bareStream(conn);
    const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
    for (const n of counts) {
      const runs: ScopesCost[] = [];
      for (let i = 0; i < repeat; i++) runs.push(await scopesCost(conn, work, n));
      const m = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
      const range = runs.map((r) => r.seconds.toFixed(2)).join(', ');
      const rss = Math.round(Math.max(...runs.map((r) => r.maxRssMb)));
      log(
        `${rows.toLocaleString('en')} rows, ${n} scopes: ${m.seconds.toFixed(2)} s (${m.phases}; runs ${range} s), ` +
          `peak RSS ${rss} MB, full snapshot ${mb(m.mainBytes)}, scope folders ${mb(m.scopeBytes)} ` +
          `(${(m.scopeBytes / m.mainBytes).toFixed(2)}×)`,
      );
    }
  } finally {
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}
