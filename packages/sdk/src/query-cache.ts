import type { Row } from './connector.ts';
import { LruMap } from './lru-map.ts';

/**
 * Results by query key, least recently used evicted first. The entry is the promise, stored before the query
 * finishes, so identical queries in flight share one engine call. A failure is forgotten so a retry runs again.
 * Results are frozen because every caller of one key receives the same array.
 */
export class QueryCache {
  readonly #entries: LruMap<Promise<Row[]>>;

  constructor(readonly capacity = 256) {
    this.#entries = new LruMap(capacity);
  }

  /** Forgets every result (queries in flight still settle for their callers). */
  clear(): void {
    this.#entries.clear();
  }

  /** The cached or in-flight result for `key`, or the result of `run()` (then cached). */
  get(key: string, run: () => Promise<Row[]>): Promise<Row[]> {
    // Evicting an entry still in flight is harmless: its callers hold the promise, only later ones miss it.
    return this.#entries.getOrAdd(key, () => {
      const entry: Promise<Row[]> = run().then(
        (rows) => {
          for (const row of rows) Object.freeze(row);
          return Object.freeze(rows) as Row[];
        },
        (error: unknown) => {
          this.#entries.forget(key, entry);
          throw error;
        },
      );
      return entry;
    });
  }
}

/**
 * `promise`, or a rejection with the signal's reason as soon as `signal` aborts. The work itself goes on: other
 * callers may share it, and its result still fills the cache.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
