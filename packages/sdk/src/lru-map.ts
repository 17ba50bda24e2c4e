/**
 * A map keeping at most `capacity` entries, the least recently used evicted first: the bookkeeping shared by the
 * query cache and the cube store, whose entries are promises stored before their work finishes.
 */
export class LruMap<V> {
  readonly #entries = new Map<string, V>();

  constructor(readonly capacity: number) {}

  /** The entry of `key`, now the most recently used; or `create()`'s, added (evicting the oldest past capacity). */
  getOrAdd(key: string, create: () => V): V {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      // Re-inserting moves the key to the end of the Map's insertion order: the most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const entry = create();
    this.#entries.set(key, entry);
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.capacity) break;
      this.#entries.delete(oldest);
    }
    return entry;
  }

  /** Removes `key` if it still holds `entry` (a failed entry is forgotten; one added since under the key is not). */
  forget(key: string, entry: V): void {
    if (this.#entries.get(key) === entry) this.#entries.delete(key);
  }

  values(): IterableIterator<V> {
    return this.#entries.values();
  }

  clear(): void {
    this.#entries.clear();
  }
}
