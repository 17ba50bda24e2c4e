import type { Filters, Manifest, QuerySpec, Row } from '@atliq/sdk';

/** What a chart's `queryTask` plans from, once its attributes are checked: the extract's manifest and the cross-filter. */
export interface PlanContext {
  readonly manifest: Manifest;
  /** The cross-filter of the dashboard minus this component's own clause (empty when not cross-filtered). */
  readonly filters: Filters;
}

/**
 * One run of a chart's data task, declared: the queries it needs, by name, and what it makes of their rows. The
 * element runs them through the source (which caches them, answers them from cubes and rollups when it can, and
 * builds its cubes from exactly these specs when another chart is about to filter this one) — Mosaic's
 * `query(filter)` and `queryResult(data)`.
 */
export interface QueryPlan<R> {
  readonly queries: Readonly<Record<string, QuerySpec>>;
  readonly result: (rows: Readonly<Record<string, Row[]>>) => R;
}

/**
 * The second step of a chart's query, once its attributes are checked (the first step, which needs no extract: an
 * invalid attribute is explained without loading anything).
 */
export type Planner<R> = (context: PlanContext) => QueryPlan<R>;

/** A plan of `queries` by name; `result` receives their rows under the same names. */
export const plan = <K extends string, R>(
  queries: Readonly<Record<K, QuerySpec>>,
  result: (rows: Readonly<Record<K, Row[]>>) => R,
): QueryPlan<R> => ({ queries, result: result as QueryPlan<R>['result'] });

/** A plan that needs no query: `value` as it is. */
export const answered = <R>(value: R): QueryPlan<R> => ({ queries: {}, result: () => value });

/** The one value of `measure` in a query's rows without dimensions; null when nothing matched. */
export function total(rows: readonly Row[], measure: string): number | null {
  const value = rows[0]?.[measure];
  return value === null || value === undefined ? null : Number(value);
}
