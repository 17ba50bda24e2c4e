/**
 * How the ETL's session behaves on the live server: a statement timeout in the dialect the server speaks, and a
 * warning when the account could write (the ETL only reads; a read-write account turns a bug into an incident).
 */

export type ServerFlavor = 'mariadb' | 'mysql';

/** MariaDB reports itself in VERSION() (e.g. `10.11.19-MariaDB-0+deb12u1`); anything else is treated as MySQL. */
export function serverFlavor(version: string): ServerFlavor {
  return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
}

/**
 * The statement that caps every later statement of the session at `ms` milliseconds (0: no cap). MariaDB counts
 * `max_statement_time` in seconds and applies it to every statement; MySQL counts `max_execution_time` in
 * milliseconds and applies it to SELECTs only, which are the only long statements the ETL runs.
 */
export function statementTimeoutSql(flavor: ServerFlavor, ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`statement timeout must be ≥ 0 ms, got ${ms}`);
  return flavor === 'mariadb'
    ? `SET SESSION max_statement_time = ${ms / 1000}`
    : `SET SESSION max_execution_time = ${Math.round(ms)}`;
}

/** Privileges that cannot change data or schema. Anything else in a grant makes the account a writer. */
const READ_ONLY_PRIVILEGES = new Set([
  'SELECT',
  'USAGE',
  'SHOW VIEW',
  'SHOW DATABASES',
  'PROCESS',
  'REPLICATION CLIENT',
  'SLAVE MONITOR',
  'REPLICA MONITOR',
  'BINLOG MONITOR',
]);

/**
 * The grants (as `PRIVILEGES ON object`) in `SHOW GRANTS` output that allow writing to `database` or to every
 * database, e.g. `ALL PRIVILEGES ON *.*` or `INSERT, UPDATE ON sales.*`. Grants on other databases are not the
 * ETL's concern: a stock MariaDB gives PUBLIC every privilege on `test` and `test\_%`, which would otherwise flag
 * every least-privilege account. Role grants (`GRANT role TO user`, no `ON`) are not expanded.
 */
export function writeGrants(grants: readonly string[], database: string): string[] {
  const found: string[] = [];
  for (const line of grants) {
    const m = /^GRANT (.+?) ON (\S+) TO /i.exec(line);
    if (!m || !grantCovers(m[2]!, database)) continue;
    // Column privileges read like `SELECT (a, b)`: drop the column lists before splitting on commas.
    const privileges = m[1]!.replace(/\([^)]*\)/g, '').split(',');
    const writes = privileges.map((p) => p.trim().toUpperCase()).filter((p) => p && !READ_ONLY_PRIVILEGES.has(p));
    if (writes.length) found.push(`${writes.join(', ')} ON ${m[2]}`);
  }
  return found;
}

/**
 * Does a grant on `object` (`*.*`, `` `db`.* ``, `` `db`.`table` ``) reach `database`? A database-level name is a
 * pattern, as the server reads it (`_` and `%` wildcards, `\` escapes); a table-level one is literal.
 */
function grantCovers(object: string, database: string): boolean {
  const m = /^(`(?:[^`]|``)*`|[^.`]+)\.(.+)$/.exec(object);
  // A shape this does not know is counted: a false warning is better than a missed writer.
  if (!m) return true;
  const name = m[1]!.startsWith('`') ? m[1]!.slice(1, -1).replaceAll('``', '`') : m[1]!;
  if (name === '*') return true;
  return m[2] === '*' ? likePattern(name).test(database) : name === database;
}

const literal = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A grant's database pattern as a regular expression matching the whole name. */
function likePattern(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) source += literal(pattern[++i]!);
    else if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += literal(c);
  }
  return new RegExp(`^${source}$`, 's');
}

/** Was this error the server's statement timeout (MariaDB 1969, MySQL 3024)? */
export function isStatementTimeout(err: unknown): boolean {
  const errno = (err as { errno?: number })?.errno;
  return errno === 1969 || errno === 3024;
}
