import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { SCOPES_DIR, SNAPSHOTS_DIR } from '@atliq/sdk/contract';
import type { Scope } from '../scopes.ts';
import { removeDebris } from './debris.ts';
import { syncDir, writeManifest } from './manifest-write.ts';
import { type Retention, removeOldSnapshots } from './retention.ts';
import { type BuiltScope, scopeRoot } from './scope-build.ts';

/**
 * Before a run (holding the extract folder's lock, which covers `scopes/`): every scope's folder exists and holds
 * nothing an earlier, killed run left behind. A folder of a scope no longer defined keeps serving its last snapshot,
 * so the run says so: only its owner can tell whether its readers should still see it.
 */
export async function prepareScopeRoots(
  out: string,
  scopes: readonly Scope[],
  warn: (message: string) => void,
): Promise<void> {
  for (const scope of scopes) {
    const root = scopeRoot(out, scope.name);
    await mkdir(join(root, SNAPSHOTS_DIR), { recursive: true });
    await removeDebris(root);
  }
  const defined = new Set(scopes.map((s) => s.name));
  const existing = await readdir(join(out, SCOPES_DIR)).catch(() => [] as string[]);
  for (const name of existing.filter((n) => !defined.has(n)).sort()) {
    warn(
      `${SCOPES_DIR}/${name}/ is not among this run's scopes: it keeps serving its last snapshot; delete the folder ` +
        'if its readers should no longer see it',
    );
  }
}

/**
 * Renames every built scope's snapshot folder into place, then writes every scope's manifest. The full extract's
 * manifest is written after this (publish.ts), so a reader of any manifest of this run finds its files in place.
 */
export async function switchScopes(scopes: readonly BuiltScope[]): Promise<void> {
  for (const scope of scopes) {
    await rename(scope.tmpDir, scope.finalDir);
    await syncDir(join(scope.root, SNAPSHOTS_DIR));
  }
  for (const scope of scopes) await writeManifest(scope.root, scope.manifest);
}

/** After a successful run: each scope's folder keeps its snapshots as the full extract does (retention.ts). */
export async function tidyScopeRoots(
  out: string,
  scopes: readonly Scope[],
  served: string,
  retention: Retention,
  warn: (message: string) => void,
): Promise<void> {
  for (const scope of scopes) {
    await removeOldSnapshots(scopeRoot(out, scope.name), served, retention).catch((err) =>
      warn(`could not delete old snapshots of scope "${scope.name}": ${(err as Error).message}`),
    );
  }
}
