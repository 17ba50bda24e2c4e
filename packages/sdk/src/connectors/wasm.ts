import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm';
import type { Connector } from '../connector.ts';
import { explainDatabaseProbe, probe, refused } from '../diagnose.ts';
import { ForbiddenError, messageOf, SourceError } from '../errors.ts';
import { arrowToRows } from './arrow-rows.ts';
import { startEngine } from './wasm-engine.ts';

let attached = 0;

/**
 * The {@link Connector} over DuckDB-WASM: ATTACHes the database at `dbUrl` read-only over HTTP Range requests, on
 * its own connection of the page's shared engine, so the compiled SQL can use unqualified table names.
 * @throws {SourceError} naming the real cause when the file cannot be read (no Range support, missing file, a
 * storage version the engine does not read…).
 */
export async function connectWasm(dbUrl: string): Promise<Connector> {
  const db = await startEngine();
  // A short registered name, not the URL: with the URL as name DuckDB also probes for a `.wal` beside it.
  // One alias per source, because two dashboards on a page may show two extracts.
  const id = ++attached;
  const name = `atliq-${id}.duckdb`;
  const alias = `atliq_${id}`;
  await db.registerFileURL(name, dbUrl, DuckDBDataProtocol.HTTP, false);
  const conn = await db.connect();
  try {
    await conn.query(`ATTACH '${name}' AS ${alias} (READ_ONLY)`);
    await conn.query(`USE ${alias}`);
  } catch (cause) {
    await conn.close();
    await db.dropFile(name);
    const answer = await probe(dbUrl);
    if (refused(answer)) throw new ForbiddenError(dbUrl, answer.status);
    const reason = explainDatabaseProbe(dbUrl, answer, messageOf(cause));
    throw new SourceError(reason ?? `Could not open the database ${dbUrl}: ${messageOf(cause)}`, dbUrl, { cause });
  }
  return {
    async query(sql, params) {
      const statement = await conn.prepare(sql);
      try {
        return arrowToRows(await statement.query(...params));
      } finally {
        await statement.close();
      }
    },
    async close() {
      await conn.query('USE memory');
      await conn.query(`DETACH ${alias}`);
      await conn.close();
      await db.dropFile(name);
    },
  };
}
