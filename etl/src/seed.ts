/**
 * Creates the Atliq `sales` database on a MySQL or MariaDB server and fills it with the deterministic
 * sample: the same DDL as the original dumps and the same kinds of dirt, at any size. Data goes in with
 * `LOAD DATA LOCAL INFILE` streamed from the generator (1M rows in about 3 s into a local MariaDB), so
 * the server must run with `--local-infile=1`.
 */
import { Readable } from 'node:stream';
import mysql, { type Connection, type ConnectionOptions, type ResultSetHeader } from 'mysql2/promise';
import { quoteId, tableStatements } from './sample/ddl.ts';
import { generateReferenceTables } from './sample/reference-tables.ts';
import { transactionColumns, transactionRows } from './sample/transactions.ts';
import { encodeRows, TSV_FORMAT } from './sample/tsv.ts';
import { SOURCE_TABLES, type SourceTableName, type SourceValue } from './source/source.ts';

export interface SeedOptions {
  /** Transaction lines, duplicates included. Default 150 000. */
  rows?: number;
  /** Generator seed, an integer in [0, 2^32). Default 1. */
  seed?: number;
  /** Create and fill the schema-v2 profit columns. Default false. */
  withProfit?: boolean;
  /** Database to create (tables in it are dropped and recreated). Default 'sales'. */
  database?: string;
}

/** Rows loaded per table. */
export type SeedResult = Record<SourceTableName, number>;

/**
 * mysql2 does not apply back-pressure to LOCAL INFILE streams (it buffers whatever the stream yields),
 * so big tables go in as several statements of this many rows, bounding memory to a few tens of MB.
 */
const ROWS_PER_STATEMENT = 500_000;

/** ER_NOT_ALLOWED_COMMAND: the server refuses LOAD DATA LOCAL. */
const LOCAL_INFILE_REFUSED = 1148;

export async function seedDatabase(
  target: Connection | ConnectionOptions,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const { rows, seed, withProfit = false, database = 'sales' } = options;
  const owned = !isConnection(target);
  const conn = owned ? await mysql.createConnection(target) : target;
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS ${quoteId(database)} DEFAULT CHARACTER SET utf8mb4`);
    const tables = Object.keys(SOURCE_TABLES) as SourceTableName[];
    for (const table of tables) {
      for (const sql of tableStatements(database, table, withProfit)) await conn.query(sql);
    }
    const reference = generateReferenceTables();
    const result = {} as SeedResult;
    for (const table of tables) {
      result[table] =
        table === 'transactions'
          ? await load(
              conn,
              database,
              table,
              transactionColumns(withProfit),
              transactionRows({ rows, seed, withProfit }),
            )
          : await load(conn, database, table, SOURCE_TABLES[table], [reference[table]]);
    }
    return result;
  } finally {
    if (owned) await conn.end();
  }
}

function isConnection(target: Connection | ConnectionOptions): target is Connection {
  return typeof (target as Connection).query === 'function';
}

/** Loads every batch into `table`, `ROWS_PER_STATEMENT` rows per `LOAD DATA` statement; returns the row count. */
async function load(
  conn: Connection,
  database: string,
  table: SourceTableName,
  columns: readonly string[],
  batches: Iterable<SourceValue[][]>,
): Promise<number> {
  const sql =
    `LOAD DATA LOCAL INFILE '${table}.tsv' INTO TABLE ${quoteId(database)}.${quoteId(table)} ` +
    `CHARACTER SET utf8mb4 ${TSV_FORMAT} (${columns.map(quoteId).join(', ')})`;
  const iterator = batches[Symbol.iterator]();
  let next = iterator.next();
  let total = 0;
  while (!next.done) {
    let sent = 0;
    // Pulls batches until the statement is full; the batch after that waits in `next` for the next statement.
    const statementBatches = function* (): Generator<Buffer> {
      while (!next.done && sent < ROWS_PER_STATEMENT) {
        sent += next.value.length;
        yield encodeRows(next.value);
        next = iterator.next();
      }
    };
    const header = await runLoad(conn, sql, () => Readable.from(statementBatches()), table);
    if (header.affectedRows !== sent || header.warningStatus > 0) {
      const [warnings] = await conn.query('SHOW WARNINGS LIMIT 5');
      throw new Error(
        `seeding ${table}: sent ${sent} rows after row ${total}, server loaded ${header.affectedRows} ` +
          `with ${header.warningStatus} warnings: ${JSON.stringify(warnings)}`,
      );
    }
    total += sent;
  }
  return total;
}

async function runLoad(
  conn: Connection,
  sql: string,
  infileStreamFactory: () => Readable,
  table: string,
): Promise<ResultSetHeader> {
  try {
    const [header] = await conn.query<ResultSetHeader>({ sql, infileStreamFactory });
    return header;
  } catch (error) {
    if ((error as { errno?: number }).errno === LOCAL_INFILE_REFUSED) {
      throw new Error(`seeding ${table}: the server refuses LOAD DATA LOCAL; start it with --local-infile=1`, {
        cause: error,
      });
    }
    throw error;
  }
}
