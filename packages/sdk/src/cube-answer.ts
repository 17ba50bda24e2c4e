import type { QuerySpec } from './compile.ts';
import type { Row, Value } from './connector.ts';
import type { MonthMarketFile } from './contract.ts';
import { type FilterValue, isRange, type Member } from './filter.ts';
import { type Aggregate, type DimensionName, MEASURES, type MeasureName, type SummedColumn } from './model.ts';
import { factTable } from './plan.ts';

/**
 * Answers a query from the month × market file in plain JavaScript, with the SQL compiler's semantics: what the
 * engine would return for the same spec (sums in another order, so equal to the last bits of a double). Only for
 * queries whose smallest table is agg_sales_month_market; anything finer returns null and goes to the engine.
 * A few hundred rows: microseconds, before the engine has even started.
 */

export type MonthMarketRow = MonthMarketFile['rows'][number];

const YEAR = 0;
const MONTH = 1;
const MARKET = 2;
const ZONE = 3;
const COLUMN: Record<SummedColumn | 'orders', number> = { revenue: 4, sales_qty: 5, orders: 6, profit: 7 };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Each rollup-grain dimension's value in a row, as the engine returns it (`month` as `YYYY-MM`). */
const VALUE: Partial<Record<DimensionName, (r: MonthMarketRow) => Member | null>> = {
  market: (r) => r[MARKET],
  zone: (r) => r[ZONE],
  year: (r) => r[YEAR],
  month: (r) => `${pad(r[YEAR], 4)}-${pad(r[MONTH], 2)}`,
  month_of_year: (r) => r[MONTH],
};
const NUMERIC = new Set<DimensionName>(['year', 'month_of_year']);

/** A bound filter value as the engine casts it to the column's type; undefined where the engine would fail. */
function cast(d: DimensionName, m: Member): Member | undefined {
  if (!NUMERIC.has(d)) return String(m);
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
function sum(values: Iterable<number | null>): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}

type Predicate = (r: MonthMarketRow) => boolean;

function predicate(d: DimensionName, value: FilterValue): Predicate | undefined {
  const of = VALUE[d]!;
  if (isRange(value)) {
    const [from, to] = [cast(d, value.from), cast(d, value.to)];
    if (from === undefined || to === undefined) return undefined;
    return (r) => {
      const v = of(r);
      return v !== null && compare(v, from, false) >= 0 && compare(v, to, false) <= 0;
    };
  }
  const members = value.map((m) => cast(d, m));
  if (members.some((m) => m === undefined)) return undefined;
  const set = new Set(members);
  return (r) => {
    const v = of(r);
    return v !== null && set.has(v);
  };
}

function measure(aggregate: Aggregate, rows: readonly MonthMarketRow[], totals: Map<SummedColumn, number | null>) {
  const col = (c: SummedColumn | 'orders') => sum(rows.map((r) => r[COLUMN[c]] as number | null));
  switch (aggregate.kind) {
    case 'sum':
      return col(aggregate.column);
    case 'count':
      return col('orders') ?? 0;
    case 'ratio': {
      const [n, d] = [col(aggregate.numerator), col(aggregate.denominator)];
      return n === null || d === null || d === 0 ? null : (100 * n) / d;
    }
    case 'share': {
      const [n, d] = [col(aggregate.column), totals.get(aggregate.column) ?? null];
      return n === null || d === null || d === 0 ? null : (100 * n) / d;
    }
  }
}

/**
 * The rows `spec` asks for, computed from the month × market rows; null when the spec needs a finer grain or a
 * filter value the engine would reject. Call with a spec that `compile()` accepted (names are not re-checked).
 */
export function answerFromMonthMarket(spec: QuerySpec, data: readonly MonthMarketRow[]): Row[] | null {
  const dimensions = (spec.dimensions ?? []) as DimensionName[];
  const measures = spec.measures as MeasureName[];
  const filters = Object.entries(spec.filters ?? {}) as [DimensionName, FilterValue][];
  if (factTable([...dimensions, ...filters.map(([d]) => d)]) !== 'agg_sales_month_market') return null;
  const predicates = filters.map(([d, v]) => predicate(d, v));
  if (predicates.some((p) => p === undefined)) return null;
  const kept = data.filter((r) => predicates.every((p) => p!(r)));

  const groups = new Map<string, MonthMarketRow[]>();
  for (const r of kept) {
    const key = JSON.stringify(dimensions.map((d) => VALUE[d]!(r)));
    groups.get(key)?.push(r) ?? groups.set(key, [r]);
  }
  // An aggregate without GROUP BY returns one row even over no rows; grouped, no rows means no groups.
  if (dimensions.length === 0 && measures.length > 0) groups.set('[]', kept);
  const shares = new Set(measures.flatMap((m) => (MEASURES[m].aggregate.kind === 'share' ? [m] : [])));
  const totals = new Map<SummedColumn, number | null>();
  for (const m of shares) {
    const { column } = MEASURES[m].aggregate as { column: SummedColumn };
    totals.set(column, sum([...groups.values()].map((g) => sum(g.map((r) => r[COLUMN[column]] as number | null)))));
  }
  let rows: Row[] = [...groups.values()].map((g) => {
    const row: Row = {};
    for (const d of dimensions) row[d] = VALUE[d]!(g[0]!);
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
