/** mysql2 errors turned into messages that say what happened and what to do next. */
import { EtlError } from '../errors.ts';
import type { MySqlOptions } from './mysql.ts';
import { isStatementTimeout } from './mysql-session.ts';

export function connectError(err: NodeJS.ErrnoException, o: MySqlOptions): EtlError {
  const where = `${o.user}@${o.host}:${o.port}/${o.database}`;
  const hint =
    err.code === 'ECONNREFUSED'
      ? 'is the server running and listening on TCP there?'
      : err.code === 'ER_ACCESS_DENIED_ERROR'
        ? 'check the user and the password (MYSQL_PWD or --password-file)'
        : err.code === 'ER_BAD_DB_ERROR'
          ? 'the database does not exist on that server'
          : 'check host, port and network';
  return new EtlError(`cannot connect to MySQL ${where}: ${err.message} — ${hint}`, { cause: err });
}

/** How a server that died shows up: a closed socket (FIN) or a reset one (RST), depending on timing. */
const GONE = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE']);

/** The driver's message, plus what a lost connection or a timeout usually means. */
export function describeError(err: Error): string {
  if (GONE.has((err as NodeJS.ErrnoException).code ?? '')) {
    return `${err.message} (the server went away: did it restart, crash or kill the query?)`;
  }
  if (isStatementTimeout(err)) {
    return `${err.message} (the statement timeout stopped it: raise --statement-timeout, or run when the server is quieter)`;
  }
  return err.message;
}

export function queryError(err: Error, sql: string): EtlError {
  return new EtlError(`MySQL query failed: ${err.message}`, { cause: err, sql });
}
