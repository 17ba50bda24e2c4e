/**
 * Loads a mysqldump file (the original Atliq `db_dump.sql` / `db_dump_version_2.sql`, MySQL 8) into a MySQL
 * or MariaDB database of the user's choosing. The file is streamed and run one statement at a time: memory
 * stays at the size of the largest statement (~1 MB for these dumps), whatever the size of the file.
 */
import { createReadStream } from 'node:fs';
import mysql, { type Connection, type ConnectionOptions, type ResultSetHeader } from 'mysql2/promise';
import { EtlError } from '../errors.ts';
import { quoteId } from '../sample/ddl.ts';
import { adaptStatement, createDatabaseSql, insertTarget } from './adapt-statement.ts';
import { splitStatements } from './split-statements.ts';

export interface DumpResult {
  /** Statements executed. */
  statements: number;
  /** Rows inserted per table, as the server reported them. */
  rows: Record<string, number>;
}

const READ_CHUNK_BYTES = 1 << 20;

/** Runs every statement of `file` against `database` (created if missing; tables the dump defines are replaced). */
export async function loadDump(
  target: Connection | ConnectionOptions,
  file: string,
  database: string,
): Promise<DumpResult> {
  const owned = typeof (target as Connection).query !== 'function';
  const conn = owned ? await connect(target as ConnectionOptions, file) : (target as Connection);
  const result: DumpResult = { statements: 0, rows: {} };
  try {
    // A dump that forgets its own CREATE DATABASE/USE still lands in the chosen database.
    await conn.query(createDatabaseSql(database));
    await conn.query(`USE ${quoteId(database)}`);
    const chunks = createReadStream(file, { encoding: 'utf8', highWaterMark: READ_CHUNK_BYTES });
    for await (const statement of splitStatements(chunks)) {
      const sql = adaptStatement(statement, database);
      result.statements++;
      let header: ResultSetHeader;
      try {
        [header] = await conn.query<ResultSetHeader>(sql);
      } catch (err) {
        throw new EtlError(
          `loading ${file} failed at statement ${result.statements} (${sql.slice(0, 80)}…): ${(err as Error).message}`,
          { cause: err, phase: 'seed', sql: sql.slice(0, 2000) },
        );
      }
      const table = insertTarget(sql);
      if (table) result.rows[table] = (result.rows[table] ?? 0) + header.affectedRows;
    }
    if (result.statements === 0) throw new EtlError(`${file} holds no SQL statements`, { phase: 'seed' });
    return result;
  } catch (err) {
    if (err instanceof EtlError) throw err;
    throw new EtlError(`cannot load ${file}: ${(err as Error).message}`, { cause: err, phase: 'seed' });
  } finally {
    if (owned) await conn.end();
  }
}

async function connect(options: ConnectionOptions, file: string): Promise<Connection> {
  try {
    return await mysql.createConnection(options);
  } catch (err) {
    const where = `${options.user}@${options.host}:${options.port}`;
    throw new EtlError(`cannot connect to ${where} to load ${file}: ${(err as Error).message}`, {
      cause: err,
      phase: 'seed',
    });
  }
}
