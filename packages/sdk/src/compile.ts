import { AtliqError, ModelError } from './errors.ts';
import { checkFilter, type Filters, filterSql } from './filter.ts';
import {
  aggregateSql,
  DIMENSIONS,
  type DimensionName,
  isDimension,
  isMeasure,
  MEASURES,
  type MeasureName,
} from './model.ts';
import { dimensionSql, factTable, joinsSql } from './plan.ts';

/** One ordering key: a measure or dimension that the query also selects. */
export interface SortKey {
  readonly field: string;
  readonly order?: 'asc' | 'desc';
}

/** What a component asks for. Names are checked against the model at run time: they may come from attributes. */
export interface QuerySpec {
  readonly measures: readonly string[];
  readonly dimensions?: readonly string[];
  /**
   * Keep only rows whose dimension value is one of the listed values, or within an inclusive `{ from, to }` range.
   * An empty list matches nothing; leave a dimension out to not filter it.
   */
  readonly filters?: Filters;
  /** Defaults to the dimensions, ascending. Ties are broken by the dimensions so results are deterministic. */
  readonly sort?: readonly SortKey[];
  readonly limit?: number;
}

export interface CompiledQuery {
  readonly sql: string;
  /** Values for the `?` placeholders of `sql`, in order. */
  readonly params: readonly unknown[];
}

const quote = (name: string) => `"${name}"`;

/**
 * The compiler's check of a measure name, also for attributes checked before anything is queried.
 * @throws {ModelError} naming the value and the known measures.
 */
export function checkMeasure(name: string): MeasureName {
  if (!isMeasure(name)) throw new ModelError('measure', name, Object.keys(MEASURES));
  return name;
}

/**
 * The compiler's check of a dimension name, also for attributes checked before anything is queried.
 * @throws {ModelError} naming the value and the known dimensions.
 */
export function checkDimension(name: string): DimensionName {
  if (!isDimension(name)) throw new ModelError('dimension', name, Object.keys(DIMENSIONS));
  return name;
}

function dimensionsOf(names: readonly string[]): DimensionName[] {
  return names.map(checkDimension);
}

/**
 * Compiles a query spec to SQL over the contract's unqualified table names, reading the smallest table that can
 * answer (a rollup unless the query needs `day`). Identifiers come only from the model; every value (filter
 * members, limit) is a bound parameter.
 * @throws {ModelError} for a measure or dimension the model does not declare.
 * @throws {AtliqError} for a malformed filter, sort key or limit.
 */
export function compile(spec: QuerySpec): CompiledQuery {
  const measures = spec.measures.map(checkMeasure);
  const dimensions = dimensionsOf(spec.dimensions ?? []);
  const filters = Object.entries(spec.filters ?? {});
  const filtered = dimensionsOf(filters.map(([name]) => name));
  if (measures.length + dimensions.length === 0)
    throw new AtliqError('A query needs at least one measure or dimension.');

  const table = factTable([...dimensions, ...filtered]);
  const params: unknown[] = [];
  const select = [
    ...dimensions.map((d) => `${dimensionSql(d, table)} AS ${quote(d)}`),
    ...measures.map((m) => `${aggregateSql(MEASURES[m].aggregate, table)} AS ${quote(m)}`),
  ];
  const where = filtered.map((d, i) => filterSql(dimensionSql(d, table), checkFilter(d, filters[i]![1]), params));

  // Without measures the query lists members (a filter bar's choices): once each, not once per stored row.
  const distinct = measures.length === 0 ? 'DISTINCT ' : '';
  const lines = [
    `SELECT ${distinct}${select.join(', ')}`,
    `FROM ${table}`,
    ...joinsSql([...dimensions, ...filtered], table),
  ];
  if (where.length > 0) lines.push(`WHERE ${where.join(' AND ')}`);
  if (dimensions.length > 0 && measures.length > 0) {
    lines.push(`GROUP BY ${dimensions.map((d) => dimensionSql(d, table)).join(', ')}`);
  }
  const order = orderBy(spec.sort ?? [], measures, dimensions);
  if (order.length > 0) lines.push(`ORDER BY ${order.join(', ')}`);
  if (spec.limit !== undefined) {
    if (!Number.isInteger(spec.limit) || spec.limit < 1) {
      throw new AtliqError(`limit must be a positive integer, got ${spec.limit}.`);
    }
    lines.push('LIMIT ?');
    params.push(spec.limit);
  }
  return { sql: lines.join('\n'), params };
}

function orderBy(sort: readonly SortKey[], measures: MeasureName[], dimensions: DimensionName[]): string[] {
  const selected: readonly string[] = [...dimensions, ...measures];
  const keys = sort.map((k) => {
    if (!selected.includes(k.field)) {
      throw new AtliqError(`Cannot sort by "${k.field}": sort by one of the selected fields (${selected.join(', ')}).`);
    }
    return `${quote(k.field)} ${k.order === 'desc' ? 'DESC' : 'ASC'}`;
  });
  const sorted = new Set(sort.map((k) => k.field));
  return [...keys, ...dimensions.filter((d) => !sorted.has(d)).map((d) => `${quote(d)} ASC`)];
}
