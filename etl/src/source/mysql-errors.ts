/** mysql2 errors turned into messages that say what happened and what to do next. */
import { EtlError } from '../errors.ts';
import { quoteId } from '../sample/ddl.ts';
import { isStatementTimeout } from './mysql-session.ts';

/** Where a connection goes; `database` is absent when the CLI connects to the server only (seed). */
export interface ConnectTarget {
  host: string;
  port: number;
  user: string;
  database?: string | undefined;
}

/** Failures of the network, before any server answered: only these are about host, port and network. */
const NETWORK = new Set(['ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/** What to do about a failed connect, by the driver's error code; undefined when the server's message is enough. */
function connectHint(code: string | undefined, o: ConnectTarget): string | undefined {
  const db = o.database ?? '';
  switch (code) {
    case 'ECONNREFUSED':
      return 'is the server running and listening on TCP there?';
    case 'ER_ACCESS_DENIED_ERROR':
      return 'check the user and the password (MYSQL_PWD or --password-file)';
    // The server gives this one for a database that does not exist too, so as not to tell who may not see it.
    case 'ER_DBACCESS_DENIED_ERROR':
      return (
        `the database "${db}" does not exist on that server, or ${o.user} may not read it: check the database name ` +
        `in --source, or GRANT SELECT ON ${quoteId(db)}.* to that account`
      );
    case 'ER_BAD_DB_ERROR':
      return `the database "${db}" does not exist on that server: check the database name in --source`;
    default:
      return NETWORK.has(code ?? '') ? 'check host, port and network' : undefined;
  }
}

export function connectError(err: NodeJS.ErrnoException, o: ConnectTarget): EtlError {
  const where = `${o.user}@${o.host}:${o.port}${o.database === undefined ? '' : `/${o.database}`}`;
  const hint = connectHint(err.code, o);
  return new EtlError(`cannot connect to MySQL ${where}: ${err.message}${hint ? ` — ${hint}` : ''}`, { cause: err });
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
