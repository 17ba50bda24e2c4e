import { AtliqError, ModelError } from './errors.ts';
import { DIMENSIONS, type DimensionName, isDimension, isMeasure, JOINS, MEASURES, type MeasureName } from './model.ts';

/** One ordering key: a measure or dimension that the query also selects. */
export interface SortKey {
  readonly field: string;
  readonly order?: 'asc' | 'desc';
}

/** What a component asks for. Names are checked against the model at run time: they may come from attributes. */
export interface QuerySpec {
  readonly measures: readonly string[];
  readonly dimensions?: readonly string[];
  /** Keep only rows whose dimension value is one of the listed values. */
  readonly filters?: Readonly<Record<string, readonly (string | number)[]>>;
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

function measuresOf(names: readonly string[]): MeasureName[] {
  return names.map((n) => {
    if (!isMeasure(n)) throw new ModelError('measure', n, Object.keys(MEASURES));
    return n;
  });
}

function dimensionsOf(names: readonly string[]): DimensionName[] {
  return names.map((n) => {
    if (!isDimension(n)) throw new ModelError('dimension', n, Object.keys(DIMENSIONS));
    return n;
  });
}

const columnOf = (d: DimensionName) => `${DIMENSIONS[d].table}.${DIMENSIONS[d].column}`;

/**
 * Compiles a query spec to SQL over the contract's unqualified table names. Identifiers come only from the model;
 * every value (filter members, limit) is a bound parameter.
 * @throws {ModelError} for a measure or dimension the model does not declare.
 */
export function compile(spec: QuerySpec): CompiledQuery {
  const measures = measuresOf(spec.measures);
  const dimensions = dimensionsOf(spec.dimensions ?? []);
  const filters = Object.entries(spec.filters ?? {}).filter(([, values]) => values.length > 0);
  const filtered = dimensionsOf(filters.map(([name]) => name));
  if (measures.length + dimensions.length === 0)
    throw new AtliqError('A query needs at least one measure or dimension.');

  const params: unknown[] = [];
  const select = [
    ...dimensions.map((d) => `${columnOf(d)} AS ${quote(d)}`),
    ...measures.map((m) => `${MEASURES[m].sql} AS ${quote(m)}`),
  ];
  const tables = new Set([...dimensions, ...filtered].map((d) => DIMENSIONS[d].table));
  const joins = Object.entries(JOINS)
    .filter(([table]) => tables.has(table as keyof typeof JOINS))
    .map(([table, on]) => `LEFT JOIN ${table} ON ${table}.${on.dim} = fact_sales.${on.fact}`);
  const where = filtered.map((d, i) => {
    const values = filters[i]![1];
    params.push(...values);
    return `${columnOf(d)} IN (${values.map(() => '?').join(', ')})`;
  });

  const lines = [`SELECT ${select.join(', ')}`, 'FROM fact_sales', ...joins];
  if (where.length > 0) lines.push(`WHERE ${where.join(' AND ')}`);
  if (dimensions.length > 0 && measures.length > 0) lines.push(`GROUP BY ${dimensions.map(columnOf).join(', ')}`);
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
