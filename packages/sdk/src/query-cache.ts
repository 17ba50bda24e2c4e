import type { Row } from './connector.ts';

/**
 * Results by query key, least recently used evicted first. The entry is the promise, stored before the query
 * finishes, so identical queries in flight share one engine call. A failure is forgotten so a retry runs again.
 * Results are frozen because every caller of one key receives the same array.
 */
export class QueryCache {
  readonly #entries = new Map<string, Promise<Row[]>>();

  constructor(readonly capacity = 256) {}

  /** Forgets every result (queries in flight still settle for their callers). */
  clear(): void {
    this.#entries.clear();
  }

  /** The cached or in-flight result for `key`, or the result of `run()` (then cached). */
  get(key: string, run: () => Promise<Row[]>): Promise<Row[]> {
    const hit = this.#entries.get(key);
    if (hit) {
      // Re-inserting moves the key to the end of the Map's insertion order: the most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const entry: Promise<Row[]> = run().then(
      (rows) => {
        for (const row of rows) Object.freeze(row);
        return Object.freeze(rows) as Row[];
      },
      (error: unknown) => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
        throw error;
      },
    );
    this.#entries.set(key, entry);
    // Evicting an entry still in flight is harmless: its callers hold the promise, only later ones miss it.
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.capacity) break;
      this.#entries.delete(oldest);
    }
    return entry;
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
