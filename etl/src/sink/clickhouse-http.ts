/**
 * The little of ClickHouse's HTTP interface the sink needs: a statement in the body, or (for an INSERT) the
 * statement in the `query` parameter and the data as the body. Works on 18.16 and current servers alike: no bound
 * parameters, no session, settings as URL parameters (18.16 has no `INSERT … SETTINGS`).
 *
 * node:http with a new connection per statement, not fetch: fetch keeps connections alive in a pool, and a POST on
 * one the server had closed after its keep-alive timeout (3 s by default) failed with "other side closed" (seen
 * after a 12 s load on the other node); a POST cannot be retried blindly. A sink sends a few dozen statements.
 */
import { request } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EtlError } from '../errors.ts';

export interface ClickHouseEndpoint {
  url: string;
  user: string;
  password: string;
}

export interface RequestOptions {
  /** Data for an INSERT (the statement then goes in the URL). */
  body?: string | Readable;
  settings?: Record<string, string | number>;
  timeoutMs?: number;
}

/** Runs one statement on one node and returns the response text; a ClickHouse error becomes an EtlError. */
export async function chQuery(node: ClickHouseEndpoint, sql: string, options: RequestOptions = {}): Promise<string> {
  const params = new URLSearchParams(Object.entries(options.settings ?? {}).map(([k, v]) => [k, String(v)]));
  const hasData = options.body !== undefined;
  if (hasData) params.set('query', sql);
  const query = params.toString();
  const body = hasData ? options.body! : sql;
  let status = 0;
  let text = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const req = request(`${node.url}/${query ? `?${query}` : ''}`, {
        method: 'POST',
        agent: false,
        auth: `${node.user}:${node.password}`,
        timeout: options.timeoutMs ?? 60_000,
      });
      req.once('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 60_000} ms`)));
      req.once('error', reject);
      req.once('response', (res) => {
        status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.once('end', resolve);
        res.once('error', reject);
      });
      if (typeof body === 'string') req.end(body);
      // An error of the body (the extract's reader) aborts the request: ClickHouse then drops the partial INSERT.
      else pipeline(body, req).catch((err: Error) => req.destroy(err));
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new EtlError(`ClickHouse ${node.url} did not answer (${e.code ?? e.message})`, {
      cause: err,
      sql: head(sql),
    });
  }
  if (status !== 200) {
    throw new EtlError(`ClickHouse ${node.url}: ${serverMessage(text)} (in: ${head(sql)})`, { sql: head(sql) });
  }
  return text;
}

/** Runs a SELECT … FORMAT TabSeparated and splits the answer into rows of fields (unescaped). */
export async function chRows(node: ClickHouseEndpoint, sql: string): Promise<string[][]> {
  const text = await chQuery(node, `${sql} FORMAT TabSeparated`);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t').map(unescapeTsv));
}

/** The first line of a ClickHouse error, without the version's decoration ("Code: 60, e.displayText() = …"). */
function serverMessage(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line
    .replace(/^Code: (\d+), e\.displayText\(\) = DB::(\w*)Exception: /, 'error $1: ')
    .replace(/, e\.what\(\) = DB::\w*Exception$/, '')
    .slice(0, 500);
}

const head = (sql: string): string => {
  const one = sql.replace(/\s+/g, ' ').trim();
  return one.length > 120 ? `${one.slice(0, 117)}...` : one;
};

const TSV_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', '\\': '\\', '0': '\0', b: '\b', f: '\f' };

function unescapeTsv(field: string): string {
  return field.replace(/\\(.)/g, (_, c: string) => TSV_ESCAPES[c] ?? c);
}
