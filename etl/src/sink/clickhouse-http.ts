/**
 * The little of ClickHouse's HTTP interface the sink needs, with Node's fetch: a statement in the body, or (for an
 * INSERT) the statement in the `query` parameter and the data as the body. Works on 18.16 and current servers alike:
 * no bound parameters, no session, settings as URL parameters (18.16 has no `INSERT … SETTINGS`).
 */
import { EtlError } from '../errors.ts';

export interface ClickHouseEndpoint {
  url: string;
  user: string;
  password: string;
}

export interface RequestOptions {
  /** Data for an INSERT (the statement then goes in the URL). */
  body?: string | ReadableStream<Uint8Array>;
  settings?: Record<string, string | number>;
  timeoutMs?: number;
}

/** Runs one statement on one node and returns the response text; a ClickHouse error becomes an EtlError. */
export async function chQuery(node: ClickHouseEndpoint, sql: string, options: RequestOptions = {}): Promise<string> {
  const params = new URLSearchParams(Object.entries(options.settings ?? {}).map(([k, v]) => [k, String(v)]));
  const hasData = options.body !== undefined;
  if (hasData) params.set('query', sql);
  const query = params.toString();
  const headers: Record<string, string> = {
    Authorization: `Basic ${Buffer.from(`${node.user}:${node.password}`).toString('base64')}`,
  };
  let response: Response;
  try {
    response = await fetch(`${node.url}/${query ? `?${query}` : ''}`, {
      method: 'POST',
      headers,
      body: hasData ? options.body : sql,
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      ...(hasData && typeof options.body !== 'string' ? { duplex: 'half' } : {}),
    } as RequestInit);
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (err as Error).message;
    throw new EtlError(`ClickHouse ${node.url} did not answer (${why})`, { cause: err, sql: head(sql) });
  }
  const text = await response.text().catch((err: Error) => {
    throw new EtlError(`ClickHouse ${node.url} broke off its answer (${err.message})`, { cause: err, sql: head(sql) });
  });
  if (!response.ok) {
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
    .replace(/^Code: (\d+), e\.displayText\(\) = DB::Exception: /, 'error $1: ')
    .replace(/, e\.what\(\) = DB::Exception$/, '')
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
