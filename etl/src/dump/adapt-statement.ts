/**
 * Rewrites one statement of an original Atliq MySQL 8 dump so MariaDB (10.11) runs it against the database
 * the user chose. The dumps hard-code `CREATE DATABASE … sales; USE sales;` and the MySQL-8-only collation
 * `utf8mb4_0900_ai_ci`; MariaDB also *executes* MySQL's versioned comments (`/*!80016 DEFAULT ENCRYPTION='N' *\/`)
 * because their number is below its own version. Data statements (`INSERT`) are never touched.
 */
import { quoteId } from '../sample/ddl.ts';

/** MariaDB's closest equivalent of MySQL 8's default utf8mb4 collation. */
export const MARIADB_COLLATION = 'utf8mb4_unicode_520_ci';

/** Returns the statement to run instead of `statement`. */
export function adaptStatement(statement: string, database: string): string {
  if (/^INSERT\s/i.test(statement)) return statement;
  if (/^CREATE\s+(DATABASE|SCHEMA)\s/i.test(statement)) return createDatabaseSql(database);
  if (/^USE\s/i.test(statement)) return `USE ${quoteId(database)}`;
  return statement.replaceAll(/utf8mb4_0900_\w+/gi, MARIADB_COLLATION).replaceAll(/\/\*!80\d{3}\s[^*]*\*\//g, '');
}

/** Creates the target database (if missing) with a collation MariaDB and MySQL both have. */
export function createDatabaseSql(database: string): string {
  return `CREATE DATABASE IF NOT EXISTS ${quoteId(database)} DEFAULT CHARACTER SET utf8mb4 COLLATE ${MARIADB_COLLATION}`;
}

/** The table an `INSERT INTO \`t\` …` statement fills, for counting loaded rows per table. */
export function insertTarget(statement: string): string | undefined {
  return /^INSERT\s+(?:IGNORE\s+)?INTO\s+`([^`]+)`/i.exec(statement)?.[1];
}
