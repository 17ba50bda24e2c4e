import {
  AtliqError,
  compile,
  DIMENSIONS,
  type DimensionName,
  type FilterValue,
  isRange,
  MEASURES,
  type MeasureName,
  type Member,
  type QuerySpec,
} from '@atliq/sdk';
import { TABLES } from '@atliq/sdk/contract';
import { identifier, numberLiteral, stringLiteral } from './escape.ts';

/** A spec compiled for ClickHouse: the SQL, and the spec's field name of each selected column, in order. */
export interface ClickHouseQuery {
  readonly sql: string;
  readonly fields: readonly string[];
}

type Aggregate = (typeof MEASURES)[MeasureName]['aggregate'];
type Summed = Extract<Aggregate, { kind: 'sum' }>['column'];

/**
 * Compiles a query spec to ClickHouse SQL over `table`, the snapshot's wide fact table (fact_sales' columns plus each
 * dimension's attribute under its dimension table's column name), giving the rows the SDK's DuckDB compiler gives.
 * The spec is first checked by that compiler, so both refuse the same specs with the same messages.
 *
 * Written for ClickHouse 18.16 and current versions alike: no CTEs, window functions, `GROUP BY ALL` or parameters;
 * every value is an escaped literal; ORDER BY names the selected columns' aliases, never an ordinal (18.16 orders by
 * the constant). Columns are aliased `c0, c1…` and named from `fields`: ClickHouse aliases are visible throughout the
 * query, so `sum(revenue) AS revenue` would make `revenue` mean the sum inside its own argument.
 */
export function compileClickHouse(spec: QuerySpec, table: string): ClickHouseQuery {
  compile(spec);
  const measures = spec.measures as MeasureName[];
  const dimensions = (spec.dimensions ?? []) as DimensionName[];
  const where = Object.entries(spec.filters ?? {}).map(([d, value]) => condition(d as DimensionName, value));
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const fields: string[] = [...dimensions, ...measures];
  const alias = (field: string) => `c${fields.indexOf(field)}`;
  const select = [
    ...dimensions.map((d) => `${column(d)} AS ${alias(d)}`),
    ...measures.map((m) => `${aggregate(MEASURES[m].aggregate, table, whereSql)} AS ${alias(m)}`),
  ];
  const lines = [`SELECT ${measures.length === 0 ? 'DISTINCT ' : ''}${select.join(', ')}`, `FROM ${table}`];
  if (whereSql) lines.push(whereSql);
  if (dimensions.length > 0 && measures.length > 0) lines.push(`GROUP BY ${dimensions.map(column).join(', ')}`);
  // The DuckDB compiler's order: the sort keys, then the unsorted dimensions ascending; NULLs last as DuckDB puts them.
  const sort = spec.sort ?? [];
  const sorted = new Set(sort.map((k) => k.field));
  const keys = [
    ...sort.map((k) => `${alias(k.field)} ${k.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`),
    ...dimensions.filter((d) => !sorted.has(d)).map((d) => `${alias(d)} ASC NULLS LAST`),
  ];
  if (keys.length > 0) lines.push(`ORDER BY ${keys.join(', ')}`);
  if (spec.limit !== undefined) lines.push(`LIMIT ${numberLiteral(spec.limit)}`);
  return { sql: lines.join('\n'), fields };
}

/** A dimension's column in the wide table: the dimension table's own column name. */
const column = (d: DimensionName) => identifier(DIMENSIONS[d].column);

/** A member as a literal of the dimension's type: numbers for numeric dimensions (year, month of year), else text. */
function literal(d: DimensionName, member: Member): string {
  if (!('numeric' in DIMENSIONS[d])) return stringLiteral(String(member));
  const n = typeof member === 'number' ? member : Number(member);
  if (typeof member === 'string' && (member.trim() === '' || !Number.isFinite(n))) {
    throw new AtliqError(`The filter on "${d}" takes numbers, got ${JSON.stringify(member)}.`);
  }
  return numberLiteral(n);
}

/** The WHERE condition of one filter, as the DuckDB compiler's: a list (empty: nothing) or an inclusive range. */
function condition(d: DimensionName, value: FilterValue): string {
  if (isRange(value)) return `${column(d)} BETWEEN ${literal(d, value.from)} AND ${literal(d, value.to)}`;
  // 0, not FALSE: 18.16 has no boolean literals.
  if (value.length === 0) return '0';
  return `${column(d)} IN (${value.map((m) => literal(d, m)).join(', ')})`;
}

/**
 * A sum as DuckDB answers it: NULL over no (non-NULL) values where ClickHouse says 0, and money (DOUBLE in the
 * contract, Decimal or Float64 in ClickHouse) as Float64 so both engines answer a JSON number.
 */
function sum(c: Summed): string {
  const id = identifier(c);
  const total = TABLES.fact_sales.columns[c].type === 'DOUBLE' ? `toFloat64(sum(${id}))` : `sum(${id})`;
  return `if(count(${id}) = 0, NULL, ${total})`;
}

function aggregate(a: Aggregate, from: string, whereSql: string): string {
  switch (a.kind) {
    case 'sum':
      return sum(a.column);
    case 'count':
      return 'count()';
    case 'ratio': {
      const { numerator, denominator, scale } = a;
      return `${scale === 1 ? '' : `${numberLiteral(scale)} * `}${sum(numerator)} / nullIf(${sum(denominator)}, 0)`;
    }
    case 'share': {
      // No window functions on 18.16: the total of every group is the same sum over the same rows, as a subquery.
      const total = `(SELECT ${sum(a.column)} FROM ${from}${whereSql ? ` ${whereSql}` : ''})`;
      return `100 * ${sum(a.column)} / nullIf(${total}, 0)`;
    }
  }
}
