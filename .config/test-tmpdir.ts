import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: the test workers' temporary folder (TMPDIR, which `os.tmpdir()` reads) is a fresh one
 * inside the system's, deleted with everything in it when the run ends. Tests create sample databases, configs
 * and extracts with mkdtemp and cannot always delete them (a file stays open in a connector until the worker
 * exits): before this, every run left ~150 folders in /tmp.
 */
export default function setup(): () => void {
  const previous = process.env['TMPDIR'];
  const dir = mkdtempSync(join(tmpdir(), 'atliq-test-'));
  process.env['TMPDIR'] = dir;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
