/**
 * Vitest global setup of the `etl` project: one private MariaDB for the whole run (see `mariadb.ts`),
 * handed to the tests through `inject('mariadb')` and stopped when the run ends.
 */
import type { TestProject } from 'vitest/node';
import { startMariaDB } from './mariadb.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mariadb: { host: string; port: number; user: string; password: string; socket: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startMariaDB();
  const { host, port, user, password, socket } = server;
  project.provide('mariadb', { host, port, user, password, socket });
  return () => server.stop();
}
