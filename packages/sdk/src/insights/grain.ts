import type { QuerySpec } from '../compile.ts';
import type { Row } from '../connector.ts';
import { type Filters, isRange, type Member } from '../filter.ts';
import { LruMap } from '../lru-map.ts';
import { BRIDGE_DIMENSIONS, type QueryFn } from './findings.ts';

/** The measures a grain carries: additive sums, so any coarser split is their sum. */
export type GrainMeasure = 'revenue' | 'profit';

const GRAIN_DIMENSIONS: readonly string[] = BRIDGE_DIMENSIONS;

/** Whether `spec` is a split of the grain: bridge dimensions, additive measures, no limit. */
function answerable(spec: QuerySpec, measures: readonly GrainMeasure[]): boolean {
  const dimensions = spec.dimensions ?? [];
  const fields = new Set<string>([...dimensions, ...spec.measures]);
  return (
    spec.limit === undefined &&
    dimensions.every((d) => GRAIN_DIMENSIONS.includes(d)) &&
    spec.measures.every((m) => (measures as readonly string[]).includes(m)) &&
    (spec.sort ?? []).every((k) => fields.has(k.field))
  );
}

const isNull = (v: unknown) => v === null || v === undefined;
const sameFilter = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Grain {
  readonly filters: Filters;
  readonly rows: Promise<readonly Row[]>;
}

/**
 * The grains already read, kept across the insights' loads: a cross-filter click adds a condition on a market, a
 * customer or a product (or their zone or type) to filters whose grain is here, and is answered from its rows in
 * JavaScript — a few milliseconds, where a new grain is a scan of the period through the engine. One per source and
 * snapshot; the 8 most recently used filter sets are kept.
 */
export class GrainStore {
  readonly #grains = new LruMap<Grain>(8);
  /** Rows of a grain under extra conditions, kept while their grain is: a click's splits share one filtering. */
  readonly #subsets = new WeakMap<Grain, Map<string, Promise<readonly Row[]>>>();
  /** Per grain and dimension: its rows by member, so a click on one member reads its rows, not every row. */
  readonly #indexes = new WeakMap<readonly Row[], Map<string, Map<string, Row[]>>>();

  /** The rows of the grain under `filters`: filtered from a stored grain when one is coarser, else asked of `read`. */
  async rows(filters: Filters, read: (filters: Filters) => Promise<readonly Row[]>): Promise<readonly Row[]> {
    const exact = JSON.stringify(filters);
    for (const grain of this.#grains.values()) {
      const extra = narrower(grain.filters, filters);
      if (!extra) continue;
      // Touch it: it is in use.
      this.#grains.getOrAdd(JSON.stringify(grain.filters), () => grain);
      if (Object.keys(extra).length === 0) return grain.rows;
      const subsets = this.#subsets.get(grain) ?? this.#subsets.set(grain, new Map()).get(grain)!;
      // Stored before it resolves: the splits of one load ask at once, and share one filtering.
      let subset = subsets.get(exact);
      if (!subset) {
        subset = grain.rows.then((rows) => this.#narrow(rows, extra));
        subsets.set(exact, subset);
      }
      return subset;
    }
    const grain: Grain = { filters, rows: read(filters) };
    this.#grains.getOrAdd(exact, () => grain);
    // A failed grain is read again next time rather than failing every split of it.
    grain.rows.catch(() => this.#grains.forget(exact, grain));
    return grain.rows;
  }

  #narrow(rows: readonly Row[], extra: Record<string, readonly Member[]>): readonly Row[] {
    const [first, ...rest] = Object.entries(extra);
    const [dimension, members] = first!;
    const index = this.#index(rows, dimension);
    let out = [...new Set(members.map(String))].flatMap((m) => index.get(m) ?? []);
    for (const [d, ms] of rest) {
      const wanted = new Set(ms.map(String));
      out = out.filter((row) => !isNull(row[d]) && wanted.has(String(row[d])));
    }
    return out;
  }

  #index(rows: readonly Row[], dimension: string): Map<string, Row[]> {
    const byDimension = this.#indexes.get(rows) ?? this.#indexes.set(rows, new Map()).get(rows)!;
    let index = byDimension.get(dimension);
    if (!index) {
      index = new Map();
      for (const row of rows) {
        const value = row[dimension];
        // SQL's IN never matches a null.
        if (isNull(value)) continue;
        const key = String(value);
        const list = index.get(key);
        if (list) list.push(row);
        else index.set(key, [row]);
      }
      byDimension.set(dimension, index);
    }
    return index;
  }
}

/**
 * The conditions `filters` adds to `coarse` when a grain read under `coarse` answers it: every condition of `coarse`
 * is in `filters` unchanged, and the others are lists of members of a grain dimension. Null when it does not.
 */
function narrower(coarse: Filters, filters: Filters): Record<string, readonly Member[]> | null {
  for (const [d, value] of Object.entries(coarse)) if (!sameFilter(filters[d], value)) return null;
  const extra: Record<string, readonly Member[]> = {};
  for (const [d, value] of Object.entries(filters)) {
    if (d in coarse) continue;
    if (!GRAIN_DIMENSIONS.includes(d) || isRange(value)) return null;
    extra[d] = value;
  }
  return extra;
}

/** Per rows and dimensions: their sums by member, shared by the splits that differ only in measures or order. */
const groupings = new WeakMap<readonly Row[], Map<string, readonly Row[]>>();

function grouped(rows: readonly Row[], dimensions: readonly string[], measures: readonly GrainMeasure[]) {
  const byKey = groupings.get(rows) ?? groupings.set(rows, new Map()).get(rows)!;
  const cacheKey = JSON.stringify([dimensions, measures]);
  const hit = byKey.get(cacheKey);
  if (hit) return hit;
  // One dimension (every split the insights ask) keys by its value; more by their values together.
  const keyOf =
    dimensions.length === 1
      ? (row: Row) => row[dimensions[0]!] ?? null
      : (row: Row) => JSON.stringify(dimensions.map((d) => row[d] ?? null));
  const groups = new Map<unknown, Row>();
  for (const row of rows) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) {
      group = Object.fromEntries([
        ...dimensions.map((d) => [d, row[d] ?? null]),
        ...measures.map((m) => [m, null]),
      ]) as Row;
      groups.set(key, group);
    }
    for (const m of measures) {
      const value = row[m];
      // SQL's sum(): nulls are skipped, and all-null stays null.
      if (!isNull(value)) group[m] = Number(group[m] ?? 0) + Number(value);
    }
  }
  const result = [...groups.values()];
  byKey.set(cacheKey, result);
  return result;
}

/**
 * Splits of the same rows by different dimensions, answered from one query per filter set: the rows grouped by every
 * dimension of {@link BRIDGE_DIMENSIONS} at once (a few thousand combinations of market, customer and product; zone
 * and the two types follow from them), added up in JavaScript. The insights ask the same two periods by six
 * dimensions for bridges, by customer for concentration and by three for leaks: 18 queries through one engine,
 * each reading every row of its period, become 2; with a `store` kept between loads, a click that narrows the
 * filters to members of those dimensions becomes none. Any other spec (another dimension, a ratio, a limit) goes to
 * `query` unchanged. The sums are the same sums in another order: equal to the engine's far below a paisa.
 */
export function sharedGrain(
  query: QueryFn,
  measures: readonly GrainMeasure[],
  store: GrainStore = new GrainStore(),
): QueryFn {
  const read = (filters: Filters) => query({ measures: [...measures], dimensions: [...GRAIN_DIMENSIONS], filters });
  return async (spec) => {
    if (!answerable(spec, measures)) return query(spec);
    const rows = await store.rows(spec.filters ?? {}, read);
    const dimensions = spec.dimensions ?? [];
    const out = grouped(rows, dimensions, measures).map(
      (group) =>
        Object.fromEntries([
          ...dimensions.map((d) => [d, group[d]]),
          ...spec.measures.map((m) => [m, group[m]]),
        ]) as Row,
    );
    const keys = [...(spec.sort ?? []), ...dimensions.map((field) => ({ field, order: 'asc' as const }))];
    return out.sort((a, b) => {
      for (const { field, order } of keys) {
        const [x, y] = [a[field], b[field]];
        if (x === y || (isNull(x) && isNull(y))) continue;
        // Nulls last either way, as DuckDB orders them.
        if (isNull(x) || isNull(y)) return isNull(x) ? 1 : -1;
        return (x! < y! ? -1 : 1) * (order === 'desc' ? -1 : 1);
      }
      return 0;
    });
  };
}
