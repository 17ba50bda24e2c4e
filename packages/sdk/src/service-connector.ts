import type { QuerySpec } from './compile.ts';
import type { Connector, Row } from './connector.ts';
import { ForbiddenError, SourceError } from './errors.ts';

/** What a query service answers: the rows, or what is wrong. */
interface ServiceAnswer {
  readonly rows?: Row[];
  readonly error?: string;
}

/**
 * The {@link Connector} for a query service (`@atliq/server`) at `url`: every query is POSTed as the model's spec
 * (`{ "spec": … }`), never as SQL, and answered as `{ "rows": […] }`. The service validates the spec against the same
 * model, applies the reader's scope and compiles it for its engine. A 401 or 403 is a {@link ForbiddenError}; any
 * other refusal carries the service's one-line reason.
 */
export async function connectService(url: string, fetchFn: typeof fetch = globalThis.fetch): Promise<Connector> {
  const ask = async (body: unknown): Promise<Row[]> => {
    const response = await fetchFn(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
    if (response.status === 401 || response.status === 403) throw new ForbiddenError(url, response.status);
    const answer = (await response.json().catch(() => ({}))) as ServiceAnswer;
    if (!response.ok || !Array.isArray(answer.rows)) {
      const reason = answer.error ?? `it answered HTTP ${response.status} without rows`;
      throw new SourceError(`The query service refused the query: ${reason}`, url);
    }
    return answer.rows;
  };
  return {
    querySpec: (spec: QuerySpec) => ask({ spec }),
    query: () => Promise.reject(new SourceError('A query service takes query specs, never SQL.', url)),
    close: async () => {},
  };
}
