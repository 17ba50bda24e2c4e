import type { QuerySpec } from './compile.ts';
import type { Row, Value } from './connector.ts';
import { type DayMarketRow, MONTH_MARKET_SUMS, type MonthMarketRow } from './contract.ts';
import { type Filters, type FilterValue, isRange, type Member } from './filter.ts';
import {
  type Aggregate,
  BASE_MEASURES,
  COUNTED,
  DIMENSIONS,
  type DimensionName,
  MEASURES,
  type MeasureName,
  type StoredColumn,
  type SummedColumn,
} from './model.ts';

/**
 * Answers a query in plain JavaScript from a cube — rows of sums at some grain — with the SQL compiler's semantics:
 * what the engine would return for the same spec (sums in another order, so equal to the last bits of a double).
 * A few thousand rows take well under a millisecond, where a query through the engine's worker takes tens.
 * Two kinds of cube exist: the snapshot's month × market file (first charts before the engine has started), and
 * the cubes the source builds on a chart's activation, Mosaic-style (see {@link AtliqSource.prepare}).
 */

/** How a cube was made: which dimensions its rows carry, and which filters were applied before grouping. */
export interface CubeShape {
  readonly dimensions: ReadonlySet<DimensionName>;
  /** Filters on dimensions the rows do not carry; only a spec with exactly these filters can be answered. */
  readonly fixed: Filters;
}

/**
 * A cube's rows: each dimension's value as the engine returns it, and the model's base measures (the plain sums and
 * the count: `revenue`, `quantity`, `orders` and, when the extract has it, `profit`), as the engine computes them.
 */
export interface Cube extends CubeShape {
  readonly rows: readonly Row[];
}

/** The row field holding each stored column: its base measure's name. */
const field = (column: StoredColumn) => BASE_MEASURES.get(column)!;

/** The measures a cube is built with: every other measure is a ratio or a share of these. */
export const CUBE_MEASURES: readonly MeasureName[] = [...BASE_MEASURES.values()];

export type { MonthMarketRow };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The month × market file as a cube, with its date parts as the engine returns them (`month` as `YYYY-MM`). */
export function monthMarketCube(data: readonly MonthMarketRow[]): Cube {
  const rows = data.map(([year, month, market, zone, ...sums]) => {
    const row: Row = { year, month: `${pad(year, 4)}-${pad(month, 2)}`, month_of_year: month, market, zone };
    MONTH_MARKET_SUMS.forEach((column, i) => {
      row[field(column)] = sums[i] ?? null;
    });
    return row;
  });
  return { dimensions: new Set(['year', 'month', 'month_of_year', 'market', 'zone']), fixed: {}, rows };
}

/**
 * The day × market file as a cube: its days (`YYYY-MM-DD`) with their date parts as the engine returns them. It holds
 * only some months: answer only specs whose days lie in them (see {@link withinMonths}).
 */
export function dayMarketCube(data: readonly DayMarketRow[]): Cube {
  const rows = data.map(([day, market, zone, ...sums]) => {
    const row: Row = {
      day,
      year: Number(day.slice(0, 4)),
      month: day.slice(0, 7),
      month_of_year: Number(day.slice(5, 7)),
      market,
      zone,
    };
    MONTH_MARKET_SUMS.forEach((column, i) => {
      row[field(column)] = sums[i] ?? null;
    });
    return row;
  });
  return { dimensions: new Set(['day', 'year', 'month', 'month_of_year', 'market', 'zone']), fixed: {}, rows };
}

/**
 * Whether every day `filters` can match lies in `months` (`YYYY-MM`): a `day` range or list inside them. A cube of
 * those months' days then holds every row the filters keep.
 */
export function withinMonths(filters: Filters | undefined, months: ReadonlySet<string>): boolean {
  const day = filters?.['day'];
  if (day === undefined) return false;
  const asText = (m: Member) => String(m);
  if (!isRange(day)) return day.length > 0 && day.every((d) => months.has(asText(d).slice(0, 7)));
  const [from, to] = [asText(day.from), asText(day.to)];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to) return false;
  // Every month from the first to the last must be held.
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) {
    if (!months.has(month)) return false;
  }
  return true;
}

const nextMonth = (month: string) => {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${pad(y + 1, 4)}-01` : `${pad(y, 4)}-${pad(m + 1, 2)}`;
};

/** A bound filter value as the engine casts it to the column's type; undefined where the engine would fail. */
function cast(d: DimensionName, m: Member): Member | undefined {
  if (!DIMENSIONS[d].numeric) return String(m);
  const n = typeof m === 'number' ? m : /^\s*-?\d+\s*$/.test(m) ? Number(m) : Number.NaN;
  return Number.isInteger(n) ? n : undefined;
}

/** SQL order: numbers by value, text by code unit; NULL last whatever the direction (DuckDB's default). */
function compare(a: Value, b: Value, desc: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c = a < b ? -1 : a > b ? 1 : 0;
  return desc ? -c : c;
}

/** SUM as SQL computes it: NULLs skipped, NULL when nothing was summed. */
function sum(rows: readonly Row[], field: string): number | null {
  let total: number | null = null;
  for (const r of rows) {
    const v = r[field] as number | null | undefined;
    if (v !== null && v !== undefined) total = (total ?? 0) + v;
  }
  return total;
}

type Predicate = (r: Row) => boolean;

function predicate(d: DimensionName, value: FilterValue): Predicate | undefined {
  if (isRange(value)) {
    const [from, to] = [cast(d, value.from), cast(d, value.to)];
    if (from === undefined || to === undefined) return undefined;
    return (r) => {
      const v = r[d] ?? null;
      return v !== null && compare(v, from, false) >= 0 && compare(v, to, false) <= 0;
    };
  }
  const members = value.map((m) => cast(d, m));
  if (members.some((m) => m === undefined)) return undefined;
  const set = new Set(members);
  return (r) => {
    const v = r[d] ?? null;
    return v !== null && set.has(v as Member);
  };
}

function measure(aggregate: Aggregate, rows: readonly Row[], totals: Map<SummedColumn, number | null>) {
  const col = (c: StoredColumn) => sum(rows, field(c));
  switch (aggregate.kind) {
    case 'sum':
      return col(aggregate.column);
    case 'count':
      return col(COUNTED) ?? 0;
    case 'ratio': {
      const [n, d] = [col(aggregate.numerator), col(aggregate.denominator)];
      return n === null || d === null || d === 0 ? null : (aggregate.scale * n) / d;
    }
    case 'share': {
      const [n, d] = [col(aggregate.column), totals.get(aggregate.column) ?? null];
      return n === null || d === null || d === 0 ? null : (100 * n) / d;
    }
  }
}

const groupKey = (dimensions: readonly DimensionName[], r: Row) => JSON.stringify(dimensions.map((d) => r[d] ?? null));

/** Each cube's rows by the value of one dimension, built on first use: a click's filter then reads one bucket. */
const buckets = new WeakMap<readonly Row[], Map<DimensionName, Map<Value, Row[]>>>();

function bucketsOf(rows: readonly Row[], d: DimensionName): Map<Value, Row[]> {
  let byDimension = buckets.get(rows);
  if (!byDimension) {
    byDimension = new Map();
    buckets.set(rows, byDimension);
  }
  let byValue = byDimension.get(d);
  if (!byValue) {
    byValue = new Map();
    for (const r of rows) {
      const v = r[d] ?? null;
      byValue.get(v)?.push(r) ?? byValue.set(v, [r]);
    }
    byDimension.set(d, byValue);
  }
  return byValue;
}

/**
 * The rows that can meet `filters`: for the first filter listing members, the buckets of those members; every row
 * when no filter lists members. (Call after the predicates were made: every member casts.)
 */
function candidates(cube: Cube, filters: readonly [DimensionName, FilterValue][]): readonly Row[] {
  const listed = filters.find(([, v]) => !isRange(v));
  if (!listed) return cube.rows;
  const [d, members] = listed as [DimensionName, readonly Member[]];
  const byValue = bucketsOf(cube.rows, d);
  const picked = [...new Set(members.map((m) => cast(d, m)!))];
  return picked.length === 1 ? (byValue.get(picked[0]!) ?? []) : picked.flatMap((m) => byValue.get(m) ?? []);
}

const same = (a: FilterValue | undefined, b: FilterValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether a cube of `shape` holds what `spec` asks: every dimension it groups by, a filter it can apply on every
 * dimension the spec filters (or exactly the filter the cube was built under), and every filter it was built under.
 */
export function cubeAnswers(shape: CubeShape, spec: QuerySpec): boolean {
  const filters = spec.filters ?? {};
  if (!(spec.dimensions ?? []).every((d) => shape.dimensions.has(d as DimensionName))) return false;
  for (const [d, value] of Object.entries(filters)) {
    if (Object.hasOwn(shape.fixed, d) ? !same(shape.fixed[d], value) : !shape.dimensions.has(d as DimensionName)) {
      return false;
    }
  }
  return Object.keys(shape.fixed).every((d) => Object.hasOwn(filters, d));
}

/**
 * The rows `spec` asks for, computed from `cube`; null when the cube cannot answer it (see {@link cubeAnswers}) or
 * a filter value is one the engine would reject. Call with a spec that `compile()` accepted (names not re-checked).
 */
export function answerFromCube(spec: QuerySpec, cube: Cube): Row[] | null {
  if (!cubeAnswers(cube, spec)) return null;
  const dimensions = (spec.dimensions ?? []) as DimensionName[];
  const measures = spec.measures as MeasureName[];
  const filters = Object.entries(spec.filters ?? {}).filter(([d]) => !Object.hasOwn(cube.fixed, d)) as [
    DimensionName,
    FilterValue,
  ][];
  const predicates = filters.map(([d, v]) => predicate(d, v));
  if (predicates.some((p) => p === undefined)) return null;
  const kept = candidates(cube, filters).filter((r) => predicates.every((p) => p!(r)));

  const groups = new Map<Value | undefined, Row[]>();
  // One dimension (the usual case) groups by its value itself; several by their values as JSON.
  const keyOf = dimensions.length === 1 ? (r: Row) => r[dimensions[0]!] ?? null : (r: Row) => groupKey(dimensions, r);
  for (const r of kept) {
    const key = keyOf(r);
    groups.get(key)?.push(r) ?? groups.set(key, [r]);
  }
  // An aggregate without GROUP BY returns one row even over no rows; grouped, no rows means no groups.
  if (dimensions.length === 0 && measures.length > 0) groups.set('[]', kept);
  const totals = new Map<SummedColumn, number | null>();
  for (const m of measures) {
    const aggregate = MEASURES[m].aggregate;
    if (aggregate.kind === 'share') totals.set(aggregate.column, sum(kept, field(aggregate.column)));
  }
  let rows: Row[] = [...groups.values()].map((g) => {
    const row: Row = {};
    for (const d of dimensions) row[d] = g[0]![d] ?? null;
    for (const m of measures) row[m] = measure(MEASURES[m].aggregate, g, totals);
    return row;
  });

  const sorted = new Set((spec.sort ?? []).map((k) => k.field));
  const keys = [
    ...(spec.sort ?? []).map((k) => ({ field: k.field, desc: k.order === 'desc' })),
    ...dimensions.filter((d) => !sorted.has(d)).map((d) => ({ field: d, desc: false })),
  ];
  rows.sort((a, b) => {
    for (const { field, desc } of keys) {
      const c = compare(a[field] ?? null, b[field] ?? null, desc);
      if (c !== 0) return c;
    }
    return 0;
  });
  if (spec.limit !== undefined) rows = rows.slice(0, spec.limit);
  return rows;
}
