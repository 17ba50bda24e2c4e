/**
 * What the test harnesses that start a private server (MariaDB in etl/test/mariadb.ts, ClickHouse in
 * clickhouse.ts) share: finding the distribution's binary and a free loopback port.
 */
import { access, constants } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Looks for an executable on PATH and in the sbin directories Debian installs servers into.
 * @throws {Error} naming the program and `installHint` (what to run to install it) when it is nowhere.
 */
export async function findBinary(name: string, installHint: string): Promise<string> {
  const dirs = [...(process.env['PATH'] ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory: try the next.
    }
  }
  throw new Error(`${name} is not installed; ${installHint}`);
}

/** A TCP port nobody listens on right now, as the kernel hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
