import { randomUUID } from 'node:crypto';
import type { Manifest, QuerySpec, Row, Value } from '@atliq/sdk';
import { parseManifest } from '@atliq/sdk/contract';
import { QueryTimeoutError, type Snapshot } from '../engine.ts';
import { compileClickHouse } from './compile.ts';
import { identifier, stringLiteral } from './escape.ts';

/** Where the ETL's ClickHouse sink publishes: the HTTP interface (credentials in the URL, if any) and the database. */
export interface ClickHouseOptions {
  readonly url: string;
  readonly database: string;
}

/** The snapshot the sink published last, and its manifest. */
export interface ClickHousePublication {
  readonly id: string;
  readonly manifest: Manifest;
}

/** The ClickHouse engine: the current publication, and a {@link Snapshot} per published snapshot. */
export interface ClickHouse {
  current(): Promise<ClickHousePublication | null>;
  snapshot(id: string): Snapshot;
}

/** ClickHouse's answer in `JSONCompact`: column names and types, and each row as an array. */
export interface Compact {
  readonly meta: readonly { readonly name: string; readonly type: string }[];
  readonly data: readonly (readonly unknown[])[];
}

/** ClickHouse's error code for a query stopped by `max_execution_time`. */
const TIMEOUT_EXCEEDED = 159;

/**
 * A value as the DuckDB engine's rows have it: 64-bit integers and decimals (quoted in ClickHouse's JSON) become
 * numbers, dates stay `YYYY-MM-DD` text.
 */
function plain(v: unknown, type: string): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' && /^(Nullable\()?(U?Int(64|128|256)|Decimal)/.test(type)) return Number(v);
  return v as Value;
}

/**
 * Whether fetch failed because the server had closed the kept-alive connection it reused ("other side closed"):
 * seen with 18.16 in a benchmark, on the first query a minute after large INSERTs over the same connections (a
 * minute of idle SELECT connections alone did not do it).
 */
function isClosedConnection(error: unknown): boolean {
  const code = ((error as Error).cause as { code?: string } | undefined)?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}

/** A `JSONCompact` answer's rows as the DuckDB engine's rows, each column named by the spec's field in `fields`. */
export function rowsOfCompact({ meta, data }: Compact, fields: readonly string[]): Row[] {
  return data.map((values) => {
    const row: Row = {};
    fields.forEach((field, i) => {
      row[field] = plain(values[i], meta[i]!.type);
    });
    return row;
  });
}

/**
 * Opens the ClickHouse database the ETL's sink publishes to (a `Distributed` table `fact_sales_<snapshot>` per
 * snapshot, `atliq_publishes` naming the current one) over its HTTP interface. Each query is one POST, limited by
 * ClickHouse's `max_execution_time` and by an abort here (which also kills the query on the server).
 */
export function openClickHouse({ url, database }: ClickHouseOptions): ClickHouse {
  const base = new URL(url);
  const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8' };
  if (base.username) {
    const credentials = `${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`;
    headers['Authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
  base.username = '';
  base.password = '';
  base.pathname = '/';

  const post = async (sql: string, settings: Record<string, string> = {}, signal?: AbortSignal) => {
    const target = new URL(base);
    target.searchParams.set('database', database);
    for (const [name, value] of Object.entries(settings)) target.searchParams.set(name, value);
    const request = () => fetch(target, { method: 'POST', headers, body: sql, signal });
    // Every request here reads (SELECT, KILL), so one that found its kept-alive connection closed is sent again.
    const response = await request().catch((error: unknown) => {
      if (signal?.aborted || !isClosedConnection(error)) throw error;
      return request();
    });
    const text = await response.text();
    if (!response.ok) {
      const code = Number(/^Code: (\d+)/.exec(text)?.[1]);
      const message = text.trim().split('\n')[0]!;
      if (code === TIMEOUT_EXCEEDED) throw new QueryTimeoutError(`the query ran too long and was stopped: ${message}`);
      throw new Error(`ClickHouse answered HTTP ${response.status}: ${message}`, { cause: { sql } });
    }
    return text;
  };
  const compact = async (sql: string, settings: Record<string, string> = {}, signal?: AbortSignal) =>
    JSON.parse(await post(`${sql}\nFORMAT JSONCompact`, settings, signal)) as Compact;

  return {
    async current() {
      // argMax(snapshot, published_at), with its manifest from the same row (two argMax could split a tie).
      const { data } = await compact(
        'SELECT snapshot, manifest FROM atliq_publishes ORDER BY published_at DESC, snapshot DESC LIMIT 1',
      );
      if (data.length === 0) return null;
      const [id, manifest] = data[0] as [string, string];
      return { id, manifest: parseManifest(JSON.parse(manifest)) };
    },
    snapshot(id) {
      const table = identifier(`fact_sales_${id}`);
      return {
        id,
        async answer(spec: QuerySpec, timeoutMs: number): Promise<Row[]> {
          const { sql, fields } = compileClickHouse(spec, table);
          const queryId = randomUUID();
          const abort = new AbortController();
          let timedOut = false;
          const timer = setTimeout(() => {
            timedOut = true;
            abort.abort();
            // The HTTP interface does not stop a query when its client goes away: kill it by its id.
            post(`KILL QUERY WHERE query_id = ${stringLiteral(queryId)} ASYNC`).catch(() => {});
          }, timeoutMs);
          try {
            const settings = {
              query_id: queryId,
              readonly: '2',
              max_execution_time: String(Math.max(1, Math.ceil(timeoutMs / 1000))),
            };
            return rowsOfCompact(await compact(sql, settings, abort.signal), fields);
          } catch (error) {
            if (timedOut) throw new QueryTimeoutError(`the query ran longer than ${timeoutMs} ms and was stopped`);
            throw error;
          } finally {
            clearTimeout(timer);
          }
        },
        close() {},
      };
    },
  };
}
