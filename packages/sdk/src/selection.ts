import { type Filters, type FilterValue, intersect } from './filter.ts';
import { readHash, writeHash } from './selection-hash.ts';

/** One client's contribution to the cross-filter. */
export interface SelectionClause {
  readonly filters: Filters;
  /** What the filter bar shows for the clause, e.g. "Market: Mumbai". */
  readonly label: string;
}

/** The detail of a selection's `activate` event. */
export interface SelectionActivation {
  readonly clientId: string;
  readonly dimensions: readonly string[];
}

export interface SelectionOptions {
  /**
   * Opt-in: keep the clauses in `location.hash` under this key (so a link or a reload shows the same cross-filter)
   * and restore them on construction. Off by default: the hash belongs to the host page.
   */
  readonly hash?: string | false;
}

/**
 * The cross-filter state of one dashboard, Mosaic-style: every client (chart, filter bar) sets its own clause under
 * its id, and queries with {@link filtersFor} its id, so its own selection filters every other client but not itself.
 * Dispatches a plain `change` event on every update, and `activate` (a CustomEvent of {@link SelectionActivation})
 * when a client announces that its clause may be about to change.
 */
export class Selection extends EventTarget {
  readonly #clauses = new Map<string, SelectionClause>();
  #hashKey: string | false;
  /**
   * filtersFor() results until the next change: one click has each client ask several times (to decide whether to
   * re-render, then for its task's arguments, then for its queries) and the merge runs once. Not a test of change:
   * any change gives every client a new object, equal or not, so clients compare filters by value.
   */
  readonly #merged = new Map<string | undefined, Filters>();

  constructor(options: SelectionOptions = {}) {
    super();
    this.#hashKey = options.hash ?? false;
    if (this.#hashKey) for (const [id, clause] of readHash(this.#hashKey)) this.#clauses.set(id, clause);
  }

  /**
   * The key the clauses are kept under in `location.hash`, or false (see {@link SelectionOptions.hash}). Setting it
   * replaces the clauses with those stored under the new key (none for false), as constructing a selection with it
   * would, and dispatches `change` when they differ: the selection stays the same object, so whoever listens to it
   * keeps hearing.
   */
  get hash(): string | false {
    return this.#hashKey;
  }

  set hash(key: string | false) {
    this.#hashKey = key;
    this.#replace(key ? readHash(key) : new Map());
  }

  /** The current clauses by client id. */
  clauses(): ReadonlyMap<string, SelectionClause> {
    return this.#clauses;
  }

  /** Sets (or, with null, removes) the clause of `clientId`. */
  set(clientId: string, clause: SelectionClause | null): void {
    if (clause) this.#clauses.set(clientId, clause);
    else if (!this.#clauses.delete(clientId)) return;
    this.#changed();
  }

  /**
   * Announces that `clientId` may be about to change its clause on `dimensions` — a pointer entered it, or focus
   * did — so the other clients can prepare for filters on them (Mosaic's activation; see `AtliqSource.prepare`).
   */
  activate(clientId: string, dimensions: readonly string[]): void {
    this.dispatchEvent(new CustomEvent<SelectionActivation>('activate', { detail: { clientId, dimensions } }));
  }

  /**
   * Replaces the clauses with those the URL hash holds now, for a `hashchange` (a link pasted into the same tab,
   * the host page navigating); dispatches `change` only when they differ. Does nothing without the `hash` option.
   */
  readFromHash(): void {
    if (this.#hashKey) this.#replace(readHash(this.#hashKey));
  }

  /** Removes every clause. */
  clear(): void {
    if (this.#clauses.size === 0) return;
    this.#clauses.clear();
    this.#changed();
  }

  /**
   * The filters a client should query with: every clause but its own, merged. Two clauses on one dimension
   * intersect (a market picked in the filter bar and another clicked in a chart leave no market, not both).
   * Frozen, and the same object until the selection next changes.
   */
  filtersFor(clientId?: string): Filters {
    let filters = this.#merged.get(clientId);
    if (!filters) {
      filters = Object.freeze(this.#merge(clientId));
      this.#merged.set(clientId, filters);
    }
    return filters;
  }

  #merge(clientId: string | undefined): Filters {
    // A Map, not an object: a dimension name from a URL must not reach Object.prototype.
    const merged = new Map<string, FilterValue>();
    for (const [id, clause] of this.#clauses) {
      if (id === clientId) continue;
      for (const [dimension, value] of Object.entries(clause.filters ?? {})) {
        const current = merged.get(dimension);
        merged.set(dimension, current === undefined ? value : intersect(current, value));
      }
    }
    return Object.fromEntries(merged);
  }

  #replace(clauses: ReadonlyMap<string, SelectionClause>): void {
    if (JSON.stringify([...clauses]) === JSON.stringify([...this.#clauses])) return;
    this.#clauses.clear();
    for (const [id, clause] of clauses) this.#clauses.set(id, clause);
    this.#changed();
  }

  #changed(): void {
    this.#merged.clear();
    if (this.#hashKey) writeHash(this.#hashKey, this.#clauses);
    this.dispatchEvent(new Event('change'));
  }
}
